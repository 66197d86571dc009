import Foundation
import MagRelaxApp
import MagRelaxBenchData
import MagRelaxCore
import TerminalUI

/// The app as a person with ten years of entries sees it: 120×40, Monday 2026-11-23 at noon UTC, a
/// back-stiffness plan on its eleventh day, the whole journal loaded (the most the app ever holds).
/// Every state is reached by keys through `update`, as the run loop would.
public enum AppWorld {
    public static let today = CalendarDay(iso: "2026-11-23")!
    public static let width = 120
    public static let height = 40
    public static let catalogue = try! Catalogue.embedded()
    public static let journal = SampleJournal.tenYears(through: today)
    /// What the app holds soon after start-up: the last `AppState.recentDays` days (older months are
    /// read only when a screen shows them).
    public static let recentJournal = Journal(
        entries: Array(journal.entries(from: today.adding(days: -AppState.recentDays), through: today)))

    /// Noon today plus `seconds`, on both clocks.
    public static func clock(_ seconds: Double = 0) -> TimeReading {
        TimeReading(
            monotonic: 1000 + seconds, wallClock: Double(today.dayNumber * 86_400 + 12 * 3600) + seconds,
            utcOffsetSeconds: 0)
    }

    /// The app after start-up, on the Symptoms pane, then after `keys`.
    public static func state(after keys: [Key] = [], journal: Journal = journal) -> AppState {
        var state = AppState(catalogue: catalogue, width: width, height: height, now: clock())
        state.profile = SampleJournal.profile(today: today)
        state.journal = journal
        settle(update(&state, .tick(clock())), &state)
        settle(update(&state, .started), &state)
        for key in keys { settle(update(&state, .key(key)), &state) }
        return state
    }

    /// Carries out effects as the run loop's store would: saves succeed, months asked for are already
    /// in the journal.
    public static func settle(_ effects: [Effect], _ state: inout AppState) {
        var actions: [Action] = []
        for effect in effects {
            switch effect {
            case .saveJournal, .saveProfile: actions.append(.storage(.saved))
            case .loadMonths(let months): actions.append(.monthsLoaded(months: months, entries: []))
            case .writeCalendar, .quit, .bell: break
            }
        }
        for action in actions { settle(update(&state, action), &state) }
    }
}

/// The screens whose full render is measured, each with text it must show (so a benchmark can never
/// quietly measure another screen).
public enum Screen: String, CaseIterable, Sendable {
    case symptoms = "Symptoms"
    case symptomsTrends = "Symptoms trends"
    case plan = "Plan month"
    case planWeek = "Plan week"
    case foodList = "Food list"
    case foodDay = "Food day"
    case breatheList = "Breathe list"
    case breatheSession = "Breathe session"
    case help = "Help overlay"

    public var keys: [Key] {
        switch self {
        case .symptoms: []
        case .symptomsTrends: [.char("v")]
        case .plan: [.char("2")]
        case .planWeek: [.char("2"), .char("w")]
        case .foodDay: [.char("3")]
        case .foodList: [.char("3"), .char("a")]
        case .breatheList: [.char("4")]
        // Coherent breathing (the plan's pattern), its setup, started.
        case .breatheSession: [.char("4"), .char("/")] + "coherent".map(Key.char) + [.enter, .enter, .enter]
        case .help: [.char("3"), .char("a"), .char("?")]
        }
    }

    /// Text only this screen shows.
    public var marker: String {
        switch self {
        case .symptoms: "last 14 days"
        case .symptomsTrends: "Trends, 28 days"
        case .plan: "November 2026"
        case .planWeek: "Sun 29 Nov"
        case .foodList: "mg/serv"
        case .foodDay: "Last 7 days"
        case .breatheList: "Breathing patterns"
        case .breatheSession: "Coherent · breath"
        case .help: "Help: Food"
        }
    }

    /// The screen, 37 s into the session for the session (mid-breath).
    public func state(journal: Journal = AppWorld.journal) -> AppState {
        var state = AppWorld.state(after: keys, journal: journal)
        if self == .breatheSession { AppWorld.settle(update(&state, .tick(AppWorld.clock(37.3))), &state) }
        let text = view(state).text
        if !text.contains(marker) {
            // Said in full: release builds drop a precondition's message.
            FileHandle.standardError.write(Data("\(rawValue): the screen does not show \"\(marker)\":\n\(text)\n".utf8))
            exit(1)
        }
        return state
    }
}

/// A typical key in one pane, pressed again and again: update, then the view of the result.
public struct KeyScenario: Sendable {
    public var name: String
    public var screen: Screen
    /// Pressed once on the screen before the presses start (e.g. opening the filter).
    public var then: [Key]
    /// Pressed in turn, one a press.
    public var keys: [Key]
    /// Pressed before each measured key, not measured (e.g. opening the amount prompt before Enter logs).
    public var before: [Key]
    /// The journal goes back to what it was after each press, so every press records the same change.
    public var resetsJournal: Bool
    /// A clock tick to the app's next wake-up instead of a key (a running session's frames).
    public var ticks: Bool
    /// With the journal the app holds after start-up instead of all ten years.
    public var recent: Bool

    /// The journal the app holds in this scenario.
    public var journal: Journal { recent ? AppWorld.recentJournal : AppWorld.journal }

    public static let all: [KeyScenario] = [
        KeyScenario(name: "Symptoms: move (j/k)", screen: .symptoms, keys: [.char("j"), .char("k")]),
        KeyScenario(name: "Symptoms: rate (←)", screen: .symptoms, keys: [.left], resetsJournal: true),
        KeyScenario(name: "Switch pane (Tab)", screen: .symptoms, keys: [.tab]),
        KeyScenario(name: "Plan: move day (l/h)", screen: .plan, keys: [.char("l"), .char("h")]),
        // The day's second task (the supplement), not done yet.
        KeyScenario(name: "Plan: tick a task (Space)", screen: .plan, then: [.enter, .down], keys: [.char(" ")],
                    resetsJournal: true),
        KeyScenario(name: "Food list: move (j/k)", screen: .foodList, keys: [.char("j"), .char("k")]),
        KeyScenario(name: "Food list: filter (s/Backspace)", screen: .foodList, then: [.char("/")],
                    keys: [.char("s"), .backspace]),
        KeyScenario(name: "Food list: log a food (a, Enter)", screen: .foodList, keys: [.enter], before: [.char("a")],
                    resetsJournal: true),
        KeyScenario(name: "Food day: move (j/k)", screen: .foodDay, keys: [.char("j"), .char("k")]),
        KeyScenario(name: "Breathe list: move (j/k)", screen: .breatheList, keys: [.char("j"), .char("k")]),
        KeyScenario(name: "Breathe session: frame (tick)", screen: .breatheSession, ticks: true),
        // The keys that record, with the 13 months the app holds after start-up.
        KeyScenario(name: "Symptoms: rate (←), 13 months", screen: .symptoms, keys: [.left], resetsJournal: true,
                    recent: true),
        KeyScenario(name: "Plan: tick a task (Space), 13 months", screen: .plan, then: [.enter, .down], keys: [.char(" ")],
                    resetsJournal: true, recent: true),
        KeyScenario(name: "Food list: log a food (a, Enter), 13 months", screen: .foodList, keys: [.enter],
                    before: [.char("a")], resetsJournal: true, recent: true),
    ]

    public init(
        name: String, screen: Screen, then: [Key] = [], keys: [Key] = [], before: [Key] = [],
        resetsJournal: Bool = false, ticks: Bool = false, recent: Bool = false
    ) {
        self.name = name
        self.screen = screen
        self.then = then
        self.keys = keys
        self.before = before
        self.resetsJournal = resetsJournal
        self.ticks = ticks
        self.recent = recent
    }

    /// The state the presses start from.
    func start() -> AppState {
        var state = screen.state(journal: journal)
        for key in then { AppWorld.settle(update(&state, .key(key)), &state) }
        return state
    }
}

/// Runs a scenario press by press, keeping its state between presses.
public final class KeyDriver {
    public let scenario: KeyScenario
    public private(set) var state: AppState
    private var index = 0
    private var pending: [Effect] = []
    private let first: AppState

    public init(_ scenario: KeyScenario) {
        self.scenario = scenario
        first = scenario.start()
        state = first
        if scenario.resetsJournal {
            // A key said to record must record (else it measures a bell).
            prepare()
            _ = press()
            let saved = pending.contains { if case .saveJournal = $0 { true } else { false } }
            if !saved {
                FileHandle.standardError.write(Data("\(scenario.name): the key records nothing\n".utf8))
                exit(1)
            }
            state = first
            state.journal = Self.unshared(scenario.journal)
            pending = []
            index = 0
        }
    }

    /// The journal with entries of its own, as the app holds it (the store hands it over), so a
    /// recording key changes it in place as there instead of copying a shared one.
    static func unshared(_ j: Journal) -> Journal {
        // With room to grow, as the app's array has after its first insert (else each press measures a reallocation).
        var entries = j.entries.map { $0 }
        entries.reserveCapacity(entries.count * 2)
        return Journal(
            entries: entries, customFoods: j.customFoods, customPatterns: j.customPatterns,
            trackedSymptoms: j.trackedSymptoms, foodMarks: j.foodMarks, planBlocks: j.planBlocks)
    }

    /// Unmeasured work before a press.
    public func prepare() {
        for key in scenario.before { AppWorld.settle(update(&state, .key(key)), &state) }
        if scenario.ticks, (state.nextWakeup ?? .infinity) > first.now.monotonic + 500 {
            // Near the session's end: start over, so every frame is of a running session.
            state = first
        }
    }

    /// The measured part: one key (or tick) through `update`, and the view of the result.
    public func press() -> Canvas {
        if scenario.ticks {
            let wake = state.nextWakeup!
            var reading = state.now
            reading.wallClock += wake - reading.monotonic
            reading.monotonic = wake
            pending = update(&state, .tick(reading))
        } else {
            pending = update(&state, .key(scenario.keys[index % scenario.keys.count]))
            index += 1
        }
        return view(state)
    }

    /// Unmeasured work after a press: saves reported done, the journal put back when the scenario says so.
    public func finish() {
        AppWorld.settle(pending, &state)
        pending = []
        if scenario.resetsJournal { state.journal = Self.unshared(scenario.journal) }
    }
}
