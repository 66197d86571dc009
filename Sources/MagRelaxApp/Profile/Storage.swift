import MagRelaxCore
import TerminalUI

/// What became of a save, reported by the run loop after it asked the store.
public enum StorageEvent: Sendable, Hashable {
    case saved
    /// The message to show; the change is still in memory.
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
    /// Another magrelax holds the data folder: changes are shown but not saved.
    public var readOnly = false
    /// Shown one at a time, oldest first, until dismissed.
    public var notices: [StorageNotice] = []
    /// The last save failed; the change is kept in memory.
    public var unsaved = false

    public init(readOnly: Bool = false, notices: [StorageNotice] = []) {
        self.readOnly = readOnly
        self.notices = notices
    }

    mutating func apply(_ event: StorageEvent) {
        switch event {
        case .saved:
            unsaved = false
        case .saveFailed(let message):
            unsaved = true
            let notice = StorageNotice(title: "Not saved", text: message)
            if notices.last != notice { notices.append(notice) }
        }
    }
}

extension AppState {
    /// Applies a journal change to the app's copy and returns the effect that saves it; a change the
    /// journal refuses (duplicate or unknown id, out-of-range value) is shown and not saved.
    public mutating func record(_ change: JournalChange) -> [Effect] {
        do {
            try journal.apply(change)
            return [.journal(change)]
        } catch {
            storage.notices.append(StorageNotice(title: "Not recorded", text: error.description))
            return []
        }
    }

    /// A pane's journal changes go through `record`, so the app's copy changes along with the save.
    mutating func recordingJournalChanges(_ effects: [Effect]) -> [Effect] {
        effects.flatMap { effect -> [Effect] in
            if case .journal(let change) = effect { return record(change) }
            return [effect]
        }
    }

    /// Opens the profile form (or the welcome, until the disclaimer is accepted).
    public mutating func openProfile() {
        profileScreen = ProfileScreen(profile: profile, catalogue: catalogue, today: CalendarDay(now))
    }

    /// First start: no profile yet, or a profile whose disclaimer was never accepted.
    public mutating func openWelcomeIfNeeded() {
        if profile?.disclaimerAccepted == nil { openProfile() }
    }
}

/// Notices first, then the welcome or profile form: each takes every key while shown.
func handleStorageAndProfileKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if !state.storage.notices.isEmpty {
        switch key {
        case .enter, .escape, .char(" "): state.storage.notices.removeFirst()
        case .ctrl("c"): return [.quit]
        default: break
        }
        return []
    }
    guard var screen = state.profileScreen else { return nil }
    let outcome = screen.handle(key, catalogue: state.catalogue, today: CalendarDay(state.now))
    state.profileScreen = screen
    switch outcome {
    case .stay:
        return []
    case .quit:
        return [.quit]
    case .close:
        state.profileScreen = nil
        return []
    case .save(let profile):
        state.profile = profile
        state.profileScreen = nil
        return [.saveProfile(profile)]
    }
}

func storageAndProfileHints(_ state: AppState) -> [KeyHint]? {
    if !state.storage.notices.isEmpty { return [KeyHint("Enter", "dismiss")] }
    return state.profileScreen?.hints
}

func drawStorageAndProfile(_ canvas: inout Canvas, _ state: AppState) {
    if let screen = state.profileScreen {
        screen.render(into: &canvas, area: state.paneArea, theme: state.theme, catalogue: state.catalogue)
    }
    if let notice = state.storage.notices.first {
        drawNotice(notice, more: state.storage.notices.count - 1, into: &canvas, state: state)
    }
}

private func drawNotice(_ notice: StorageNotice, more: Int, into canvas: inout Canvas, state: AppState) {
    let theme = state.theme
    let width = min(state.width - 4, 70)
    let lines = TextWrap.wrap(notice.text, width: width - 4)
    let footer = more > 0 ? "Enter: next (\(more) more)" : "Enter: dismiss"
    let height = min(state.height - 4, lines.count + 4)
    let box = Rect(x: (state.width - width) / 2, y: max(2, (state.height - height) / 2), width: width, height: height)
    canvas.fill(box)
    canvas.drawBox(box, title: notice.title, style: theme.warning, titleStyle: theme.warning, glyphs: theme.glyphs)
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    for (i, line) in lines.prefix(inner.height - 2).enumerated() {
        canvas.put(line, x: inner.x, y: inner.y + i, clip: inner)
    }
    canvas.put(footer, x: inner.x, y: inner.maxY - 1, style: theme.dim, clip: inner)
}
