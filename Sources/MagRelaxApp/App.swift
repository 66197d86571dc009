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
    /// What became of a save the app asked for (the result of a save effect).
    case storage(StorageEvent)
    /// Older journal months read on request (the result of `Effect.loadMonths`).
    case monthsLoaded(months: Set<String>, entries: [JournalEntry])
    /// Sent once, after the first frame is on screen: work that need not delay it.
    case started
    /// Something about the person's data they must read (e.g. a damaged file found on a later read).
    case notify(StorageNotice)
}

/// What the run loop must do after an update: values, carried out by `perform`, whose results come
/// back as actions.
public enum Effect: Sendable, Hashable {
    case quit
    case bell(count: Int)
    /// Save the profile; the state already holds it.
    case saveProfile(Profile)
    /// Write the months (and custom items) that one batch of changes touched, from this journal:
    /// one action, one atomic save.
    case saveJournal(Journal, touched: JournalTouch)
    /// Read journal months that were not loaded at start-up.
    case loadMonths(Set<String>)
    /// Write the plan's calendar (iCalendar text of `events` days) to the data folder; the result
    /// comes back as a notice saying where it went.
    case writeCalendar(text: String, events: Int)
}

/// The smallest terminal the layout fits; below it the app says so instead of drawing.
public let minimumSize = (width: 60, height: 18)

public struct AppState: Sendable, Equatable {
    public var catalogue: Catalogue
    public var width: Int
    public var height: Int
    public var pane: Pane
    /// False when the locale is not UTF-8: views then draw with ASCII only.
    public var unicode: Bool
    public var now: TimeReading
    public var theme: Theme
    /// Whatever covers the panes, bottom first; the top one takes the keys.
    public var overlays: [Overlay] = []
    /// The person's data, loaded by the run loop's store; changes go out as save effects.
    public var profile: Profile?
    public var journal = Journal()
    public var storage = StorageStatus()
    /// The day every pane that shows a day shows; nil follows today (also across midnight).
    public var shownDay: CalendarDay?
    /// Names new journal entries; the executable seeds it at random, tests with a fixed seed.
    public var ids = IDGenerator(seed: 0)

    public var symptoms = SymptomsPane()
    public var plan = PlanPane()
    public var food = FoodPane()
    public var breathe = BreathePane()
    /// The plan's weeks made for the profile, kept between frames (see `keepPlanWeeks`).
    var planWeeks = Kept<PlanWeeks?>(nil)

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

    /// How far back the journal is read soon after start-up (about 13 months); older days on request.
    public static let recentDays = 396

    /// Makes the plan's weeks again when the profile or the goals of the plan blocks changed, so a
    /// frame that shows the plan does not make them each time.
    mutating func keepPlanWeeks() {
        guard let profile else {
            planWeeks.value = nil
            return
        }
        planWeeks.value = PlanWeeks.kept(
            planWeeks.value, profile: profile, catalogue: catalogue, goals: PlanTimeline(profile: profile, journal: journal).goals)
    }

    public var isTooSmall: Bool { width < minimumSize.width || height < minimumSize.height }

    /// Today, from the last clock reading.
    public var today: CalendarDay { CalendarDay(now) }

    /// Between the tab bar (row 0) and the hint line (last row).
    public var paneArea: Rect { Rect(x: 0, y: 2, width: width, height: height - 3) }

    public var context: PaneContext {
        PaneContext(
            catalogue: catalogue, theme: theme, now: now, area: paneArea, profile: profile, journal: journal,
            shownDay: shownDay, planWeeks: planWeeks.value)
    }

    /// When the run loop must wake without a key (monotonic seconds); nil: block on input.
    public var nextWakeup: Double? {
        let ctx = context
        return Pane.allCases.compactMap { self[$0].nextWakeup(context: ctx) }.min()
    }

    /// A pane, to read (draw, hints, help). Changes go through `send` and `tickPanes`.
    subscript(_ pane: Pane) -> any PaneModel {
        switch pane {
        case .symptoms: symptoms
        case .plan: plan
        case .food: food
        case .breathe: breathe
        }
    }

    /// Gives a key to the concrete pane; nil when the pane has no use for it.
    mutating func send(_ key: Key, to pane: Pane) -> [PaneOutput]? {
        let ctx = context
        switch pane {
        case .symptoms: return symptoms.handle(key, context: ctx)
        case .plan: return plan.handle(key, context: ctx)
        case .food: return food.handle(key, context: ctx)
        case .breathe: return breathe.handle(key, context: ctx)
        }
    }

    /// Time passed, for every pane.
    mutating func tickPanes() -> [PaneOutput] {
        let ctx = context
        return symptoms.tick(context: ctx) + plan.tick(context: ctx) + food.tick(context: ctx)
            + breathe.tick(context: ctx)
    }

    /// The one place a pane's output becomes effects: every journal change is recorded here.
    mutating func effects(of outputs: [PaneOutput]) -> [Effect] {
        var effects: [Effect] = []
        for output in outputs {
            switch output {
            case .record(let changes): effects += record(changes)
            case .bell(let count): effects.append(.bell(count: count))
            case .alert(let alert): overlays.append(.alert(alert))
            case .switchTo(let pane): self.pane = pane
            case .startBreathing(let id): _ = startBreathing(id, length: nil, bell: false)
            case .showFoodDay:
                pane = .food
                food.shown = .day
            case .showDay(let day): effects += show(day)
            case .exportCalendar(let text, let events): effects.append(.writeCalendar(text: text, events: events))
            }
        }
        return effects
    }
}

public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = handle(&state, action)
    state.keepPlanWeeks()
    return effects
}

private func handle(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resize(let w, let h):
        state.width = max(0, w)
        state.height = max(0, h)
        return []
    case .tick(let reading):
        state.now = reading
        return state.effects(of: state.tickPanes())
    case .key(let key):
        state.storage.flash = nil
        return handleKey(&state, key)
    case .storage(let event):
        state.apply(event)
        return []
    case .monthsLoaded(let months, let entries):
        state.mergeLoaded(months: months, entries: entries)
        return []
    case .notify(let notice):
        state.notify(notice)
        return []
    case .started:
        // The rest of the last year, for the trend views, read once the person already sees the screen.
        let today = state.today
        return state.loadMonths(for: today.adding(days: -AppState.recentDays)...today)
    }
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if !state.overlays.isEmpty { return handleOverlayKey(&state, key) }
    let captures = state[state.pane].capturesKeys
    if !captures, let effects = handleGlobalKey(&state, key) {
        return effects
    }
    if state.isTooSmall { return [] }
    if let outputs = state.send(key, to: state.pane) {
        return state.effects(of: outputs)
    }
    if !captures, state[state.pane].showsDays, let effects = handleDayKey(&state, key) {
        return effects
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
        state.overlays.append(.help(scroll: 0))
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

/// `[` `]` `t` in a pane that shows a day (after the pane, which may use them otherwise, e.g. the
/// calendar's months). The day never goes past today; the months a 28-day view of it reads are asked for.
private func handleDayKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    let today = state.today
    let day = state.shownDay ?? today
    let next: CalendarDay
    switch key {
    case .char("["): next = day.adding(days: -1)
    case .char("]"): next = day.adding(days: 1)
    case .char("t"): next = today
    default: return nil
    }
    return state.show(next)
}

extension AppState {
    /// Shows a day in every pane that shows one (today or earlier), asking for the months a 28-day
    /// view of it reads.
    mutating func show(_ day: CalendarDay) -> [Effect] {
        let next = min(day, today)
        shownDay = next == today ? nil : next
        return loadMonths(for: next.adding(days: -27)...next)
    }
}

/// Global keys, listed in the help overlay after the pane's own.
let globalHelp = HelpSection("Everywhere", [
    KeyHint("1 2 3 4", "switch to Symptoms, Plan, Food, Breathe"),
    KeyHint("Tab Shift-Tab", "next / previous pane"),
    KeyHint("p", "your profile (age, goal, supplement, plan start)"),
    KeyHint("?", "this help (Esc closes)"),
    KeyHint("q", "quit (your data is saved as you go)"),
])

/// The keys every pane that shows a day shares, listed in its help.
/// (Rating keys are the Symptoms pane's own and listed there: ←→ mean a day in the Plan calendar.)
let dayHelp = HelpSection("Days (in every pane that shows a day)", [
    KeyHint("[ ]", "previous / next day (a month in the Plan calendar)"),
    KeyHint("t", "today"),
])

/// A value kept to save work (rows built, the plan's weeks made): a cache, so it takes no part in
/// the equality of the state that holds it.
struct Kept<Value: Sendable>: Sendable, Hashable {
    var value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: Kept, b: Kept) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
