import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// A fixed start for every Breathe test: 2026-11-23 10:00 UTC on the wall clock, 1000 s on the
/// monotonic one. `at(t)` is a reading `t` seconds later on both.
enum BreatheClock {
    static let wallStart = 1_795_428_000.0
    static let monoStart = 1_000.0

    static func at(_ t: Double) -> TimeReading {
        TimeReading(monotonic: monoStart + t, wallClock: wallStart + t, utcOffsetSeconds: 0)
    }
}

/// A person whose tension-headache plan started on 2026-11-02: the test day, 2026-11-23, is in week 4,
/// which has a daily breathing task.
func breatheProfile(pregnant: Bool = false, bell: Bool = false) -> Profile {
    Profile(
        ageYears: 40, sex: .female, lifeStage: pregnant ? .pregnant : .none, goal: .tensionHeadache,
        planStart: CalendarDay(iso: "2026-11-02")!, bellCues: bell, disclaimerAccepted: CalendarDay(iso: "2026-11-02")!)
}

/// The app on the Breathe pane at the test clock's start.
func breatheState(width: Int = 80, height: Int = 24, profile: Profile? = nil) throws -> AppState {
    var state = try makeState(width: width, height: height)
    state.profile = profile
    _ = update(&state, .tick(BreatheClock.at(0)))
    press([.char("4")], &state)
    return state
}

/// Moves the list selection to the item with this id.
func select(_ id: String, _ state: inout AppState) throws {
    let shown = state.breathe.browser.visible(state.breathe.items(state.context)).map(\.id)
    let index = try #require(shown.firstIndex(of: id), "no list item \(id)")
    press([.home] + Array(repeating: .down, count: index), &state)
}

/// Opens the setup of a pattern and starts it at `t` (seconds on the test clock); returns the effects.
@discardableResult
func startSession(_ id: String, _ state: inout AppState, at t: Double = 0, setupKeys: [Key] = []) throws -> [Effect] {
    try select(id, &state)
    _ = update(&state, .tick(BreatheClock.at(t)))
    return press([.enter] + setupKeys + [.enter], &state)
}

/// Ticks the app to `t` seconds on the test clock.
@discardableResult
func tick(_ state: inout AppState, _ t: Double) -> [Effect] {
    update(&state, .tick(BreatheClock.at(t)))
}

extension AppState {
    var breatheRun: BreatheRun? {
        if case .session(let run) = breathe.screen { return run }
        return nil
    }

    var breatheDone: BreatheDone? {
        if case .done(let done) = breathe.screen { return done }
        return nil
    }

    var breatheSetup: BreatheSetup? {
        if case .setup(let setup) = breathe.screen { return setup }
        return nil
    }
}
