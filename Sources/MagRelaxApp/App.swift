import MagRelaxCore
import TerminalUI

/// The four panes, in tab order.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case symptoms = 1, plan, food, breathe

    public var title: String {
        switch self {
        case .symptoms: "Symptoms"
        case .plan: "Plan"
        case .food: "Food"
        case .breathe: "Breathe"
        }
    }
}

/// Everything that can happen to the app.
public enum Action: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The run loop sends a fresh reading before every key and whenever it wakes for a timer.
    case tick(TimeReading)
    /// What became of a save the app asked for (sent by the run loop).
    case storage(StorageEvent)
}

/// What the run loop must do after an update.
public enum Effect: Sendable, Hashable {
    case quit
    case bell(count: Int)
    /// Save the profile / a journal change; the state already holds it (see `AppState.record`).
    case saveProfile(Profile)
    case journal(JournalChange)
}

/// The smallest terminal the layout fits; below it the app says so instead of drawing.
public let minimumSize = (width: 60, height: 18)

public struct AppState: Sendable {
    public var catalogue: Catalogue
    public var width: Int
    public var height: Int
    public var pane: Pane
    /// False when the locale is not UTF-8: views then draw with ASCII only.
    public var unicode: Bool
    public var now: TimeReading
    public var theme: Theme
    /// The help overlay is open, scrolled by this many lines.
    public var helpScroll: Int?
    /// The person's data, loaded by the run loop's store; changes go out as save effects.
    public var profile: Profile?
    public var journal = Journal()
    public var storage = StorageStatus()
    /// The welcome or profile form, over every pane while open.
    public var profileScreen: ProfileScreen?

    public var symptoms = SymptomsPane()
    public var plan = PlanPane()
    public var food = FoodPane()
    public var breathe = BreathePane()

    public init(catalogue: Catalogue, width: Int = 80, height: Int = 24, unicode: Bool = true,
                now: TimeReading = TimeReading(monotonic: 0, wallClock: 0, utcOffsetSeconds: 0)) {
        self.catalogue = catalogue
        self.width = width
        self.height = height
        self.unicode = unicode
        self.now = now
        theme = Theme(unicode: unicode)
        pane = .symptoms
    }

    public var isTooSmall: Bool { width < minimumSize.width || height < minimumSize.height }

    /// Between the tab bar (row 0) and the hint line (last row).
    public var paneArea: Rect { Rect(x: 0, y: 2, width: width, height: height - 3) }

    public var context: PaneContext {
        PaneContext(catalogue: catalogue, theme: theme, now: now, area: paneArea, profile: profile, journal: journal)
    }

    /// When the run loop must wake without a key (monotonic seconds); nil: block on input.
    public var nextWakeup: Double? {
        Pane.allCases.compactMap { withPane($0) { $0.nextWakeup(context: context) } }.min()
    }

    /// Reads the given pane through the protocol.
    func withPane<T>(_ pane: Pane, _ body: (any PaneModel) -> T) -> T {
        switch pane {
        case .symptoms: body(symptoms)
        case .plan: body(plan)
        case .food: body(food)
        case .breathe: body(breathe)
        }
    }

    /// Changes the given pane through the protocol.
    mutating func mutatePane<T>(_ pane: Pane, _ body: (inout any PaneModel) -> T) -> T {
        switch pane {
        case .symptoms: mutate(\.symptoms, body)
        case .plan: mutate(\.plan, body)
        case .food: mutate(\.food, body)
        case .breathe: mutate(\.breathe, body)
        }
    }

    /// Lends one pane out as `any PaneModel` and stores it back as its own type.
    private mutating func mutate<P: PaneModel, T>(_ path: WritableKeyPath<AppState, P>, _ body: (inout any PaneModel) -> T) -> T {
        var p: any PaneModel = self[keyPath: path]
        defer { self[keyPath: path] = p as! P }
        return body(&p)
    }
}

public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resize(let w, let h):
        state.width = max(0, w)
        state.height = max(0, h)
        return []
    case .tick(let reading):
        state.now = reading
        let ctx = state.context
        let effects = Pane.allCases.flatMap { pane in state.mutatePane(pane) { $0.tick(context: ctx) } }
        return state.recordingJournalChanges(effects)
    case .key(let key):
        return handleKey(&state, key)
    case .storage(let event):
        state.storage.apply(event)
        return []
    }
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.helpScroll != nil {
        return handleHelpKey(&state, key)
    }
    if let effects = handleStorageAndProfileKey(&state, key) { return effects }
    let ctx = state.context
    let captures = state.withPane(state.pane) { $0.capturesKeys }
    if !captures, let effects = handleGlobalKey(&state, key) {
        return effects
    }
    if state.isTooSmall { return [] }
    if let effects = state.mutatePane(state.pane, { $0.handle(key, context: ctx) }) {
        return state.recordingJournalChanges(effects)
    }
    if captures, let effects = handleGlobalKey(&state, key) {
        return effects
    }
    return []
}

/// Keys that work everywhere unless a pane is taking every key.
private func handleGlobalKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    switch key {
    case .char("q"), .ctrl("c"):
        return [.quit]
    case .char("?"), .function(1):
        state.helpScroll = 0
        return []
    case .char("p"):
        state.openProfile()
        return []
    case .tab:
        state.pane = Pane(rawValue: state.pane.rawValue % Pane.allCases.count + 1)!
        return []
    case .backTab:
        let n = Pane.allCases.count
        state.pane = Pane(rawValue: (state.pane.rawValue + n - 2) % n + 1)!
        return []
    case .char(let c):
        guard let n = c.wholeNumberValue, let pane = Pane(rawValue: n) else { return nil }
        state.pane = pane
        return []
    default:
        return nil
    }
}

private func handleHelpKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let scroll = state.helpScroll ?? 0
    switch key {
    case .escape, .char("?"), .char("q"), .enter, .function(1):
        state.helpScroll = nil
    case .up, .char("k"): state.helpScroll = max(0, scroll - 1)
    case .down, .char("j"): state.helpScroll = scroll + 1
    case .pageUp: state.helpScroll = max(0, scroll - 10)
    case .pageDown, .char(" "): state.helpScroll = scroll + 10
    case .ctrl("c"): return [.quit]
    default: break
    }
    return []
}

/// Global keys, listed in the help overlay after the pane's own.
let globalHelp = HelpSection("Everywhere", [
    KeyHint("1 2 3 4", "switch to Symptoms, Plan, Food, Breathe"),
    KeyHint("Tab Shift-Tab", "next / previous pane"),
    KeyHint("p", "your profile (age, goal, supplement, plan start)"),
    KeyHint("?", "this help (Esc closes)"),
    KeyHint("q", "quit (your data is saved as you go)"),
])
