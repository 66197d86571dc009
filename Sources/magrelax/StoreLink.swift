import FoundationEssentials
import MagRelaxApp
import MagRelaxCore
import MagRelaxStore

/// The app's data folder while the screens run: loads the profile and the recent journal into the app
/// state, then carries out the app's save and load effects and reports their results as actions.
final class StoreLink {
    let store: Store
    private var location: DataLocation { store.location }

    /// Opens the folder; a folder held by another magrelax is opened read-only. A newer or unreadable
    /// folder ends the start with one line (before the screen is taken over).
    init(_ data: DataDirOption, today: CalendarDay) {
        let location = DataLocation(path: data.resolvedPath())
        // Before the first frame: what the opening Symptoms pane shows (today and its two-week trend).
        // The rest of the year follows right after it (`Action.started`), older months on request.
        let window = LoadWindow.recent(
            months: 1, through: today.monthKey, also: [today.adding(days: 1 - SymptomsPane.recentDays).monthKey])
        var notices: [StorageNotice] = []
        do {
            store = try Store(location: location, window: window)
        } catch .locked(let folder, let pid) {
            do {
                store = try Store(location: location, mode: .readOnly, window: window)
            } catch {
                fail(error.description)
            }
            notices.append(StorageNotice(
                title: "Read-only", text: StoreError.locked(folder: folder, pid: pid).description
                    + " You can look, but nothing you record is saved; quit the other magrelax to record."))
        } catch {
            fail(error.description)
        }
        startNotices = notices
        // The screens flush after each frame (`flush()`), so a recording key is drawn without waiting for the disk.
        store.flushesLater = true
        // The plan's baseline week is compared with the latest one, however old it is (the store
        // skips a month it has read or that has no file, and merges what it reads).
        if let start = store.profile?.planStart { _ = try? store.loadMonths([start.monthKey]) }
    }

    private let startNotices: [StorageNotice]
    private var damageShown = 0

    /// Puts the loaded data and any start-up notices into the app state.
    func load(into state: inout AppState) {
        state.profile = store.profile
        // The app holds the only copy from now on, so a change is made in place (see Store.handOver).
        state.journal = store.handOver()
        state.storage = StorageStatus(
            readOnly: store.isReadOnly, unloadedMonths: store.monthsOnDisk.subtracting(store.loadedMonths))
        if !store.isReadOnly { state.openWelcomeIfNeeded() }
        for notice in startNotices + newDamage() { state.notify(notice) }
    }

    /// Damaged files found since the last call, as notices.
    private func newDamage() -> [StorageNotice] {
        defer { damageShown = store.damage.count }
        return store.damage.dropFirst(damageShown).map {
            StorageNotice(title: "A data file could not be read", text: $0.description)
        }
    }

    /// Flushes to disk what the saves since the last frame wrote; a disk that fails to confirm it is
    /// reported (the data is in place and shown, so nothing is undone).
    func flush() -> [Action] {
        do {
            try store.flush()
            return []
        } catch {
            return [.notify(StorageNotice(title: "Your disk reported a problem", text: error.description
                + " Your entries are in place, but the disk could not confirm them; check its space and health."))]
        }
    }

    /// Carries out a save or load effect; its result comes back as actions for the app.
    func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .saveProfile(let profile):
            return [.storage(Self.outcome { () throws(StoreError) in try store.setProfile(profile) })]
        case .saveJournal(let journal, let touched):
            return [.storage(Self.outcome { () throws(StoreError) in try store.save(journal, touched: touched) })]
        case .loadMonths(let months):
            var actions: [Action]
            do {
                actions = [.monthsLoaded(months: months, entries: try store.loadMonths(months))]
            } catch {
                actions = [.notify(StorageNotice(title: "Could not read your older entries", text: error.description))]
            }
            return actions + newDamage().map(Action.notify)
        case .writeCalendar(let text, let events):
            let path = location.path + "/" + Self.calendarFile
            do {
                try PrivateFile.write(Data(text.utf8), to: path)
            } catch {
                return [.notify(StorageNotice(title: "Calendar not exported", text: "Could not write \(path): \(error.reason)."))]
            }
            return [.notify(StorageNotice(
                title: "Calendar exported",
                text: "Wrote \(events) plan days to \(path). Import it into your calendar app; "
                    + "exporting again updates the same events."))]
        case .quit, .bell:
            return []
        }
    }

    /// The plan calendar the Plan pane's `e` writes, in the data folder.
    static let calendarFile = "plan.ics"

    private static func outcome(_ save: () throws(StoreError) -> Void) -> StorageEvent {
        do {
            try save()
            return .saved
        } catch {
            return .saveFailed(error.description)
        }
    }
}
