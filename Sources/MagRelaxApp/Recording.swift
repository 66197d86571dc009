import MagRelaxCore
import TerminalUI

/// What became of a save, reported back after a save effect was carried out (in the order asked).
public enum StorageEvent: Sendable, Hashable {
    case saved
    /// Nothing was written; the message says why.
    case saveFailed(String)
}

/// A message about the person's data that they must see: damaged files, the lock, failed saves.
public struct StorageNotice: Sendable, Hashable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

public struct StorageStatus: Sendable, Hashable {
    /// Another magrelax holds the data folder: nothing can be recorded.
    public var readOnly = false
    /// A one-line message shown until the next key (e.g. why a change was not recorded).
    public var flash: String?
    /// Journal months on disk that were not read at start-up (read on demand); empty when all are.
    public var unloadedMonths: Set<String> = []
    /// What to go back to if a save asked for is reported failed, oldest first.
    var awaiting: [Revert] = []

    enum Revert: Sendable, Hashable {
        /// What puts the journal back (the months the change touched, not a copy of every entry).
        case journal(JournalUndo)
        case profile(Profile?)
    }

    public init(readOnly: Bool = false, unloadedMonths: Set<String> = []) {
        self.readOnly = readOnly
        self.unloadedMonths = unloadedMonths
    }
}

extension AppState {
    static let readOnlyFlash = "Read-only: nothing recorded"

    /// One batch of changes from one action: checked once and applied whole to the journal, then
    /// saved in one go. A batch the journal refuses changes nothing and says why.
    public mutating func record(_ changes: [JournalChange]) -> [Effect] {
        guard !changes.isEmpty else { return [] }
        if storage.readOnly {
            storage.flash = Self.readOnlyFlash
            return []
        }
        let changes = changes.map { $0.naming(with: &ids) }
        let applied: (touched: JournalTouch, undo: JournalUndo)
        do {
            applied = try journal.applyUndoably(changes)
        } catch {
            notify(StorageNotice(title: "Not recorded", text: error.description))
            return []
        }
        storage.awaiting.append(.journal(applied.undo))
        return [.saveJournal(journal, touched: applied.touched)]
    }

    /// The profile form saved: the state holds the new profile until the save is reported. A new goal
    /// or start date also keeps the plan so far in the journal (its own save).
    mutating func saveProfile(_ profile: Profile) -> [Effect] {
        if storage.readOnly {
            storage.flash = Self.readOnlyFlash
            return []
        }
        let history = PlanHistory.changes(from: self.profile, to: profile, journal: journal, today: today)
        storage.awaiting.append(.profile(self.profile))
        self.profile = profile
        return [.saveProfile(profile)] + record(history)
    }

    /// A save's outcome: a failed one puts back what was there before it, so the screen shows what is on disk.
    mutating func apply(_ event: StorageEvent) {
        let revert = storage.awaiting.isEmpty ? nil : storage.awaiting.removeFirst()
        guard case .saveFailed(let message) = event else { return }
        switch revert {
        case .journal(let undo)?: journal.undo(undo)
        case .profile(let before)?: profile = before
        case nil: break
        }
        notify(StorageNotice(title: "Not saved", text: message + " Nothing was changed: the last change was undone."))
    }

    /// The months of these days that are on disk but not read yet, as an effect that reads them (a
    /// pane showing an old day asks for its months once).
    public func loadMonths(for days: ClosedRange<CalendarDay>) -> [Effect] {
        var wanted = Set<String>()
        var day = CalendarDay(year: days.lowerBound.year, month: days.lowerBound.month, day: 1)!
        while day <= days.upperBound {
            if storage.unloadedMonths.contains(day.monthKey) { wanted.insert(day.monthKey) }
            day = day.adding(days: CalendarDay.daysIn(month: day.month, year: day.year))
        }
        return wanted.isEmpty ? [] : [.loadMonths(wanted)]
    }

    mutating func mergeLoaded(months: Set<String>, entries: [JournalEntry]) {
        storage.unloadedMonths.subtract(months)
        journal.merge(entries)
    }
}
