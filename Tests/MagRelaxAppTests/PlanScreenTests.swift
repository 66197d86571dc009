import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Today in the Plan pane's tests: Wednesday 2026-11-11, 10:00 UTC; the plan started ten days ago.
enum PlanClock {
    static let today = CalendarDay(iso: "2026-11-11")!
    static let start = today.adding(days: -10)
    static let now = TimeReading(monotonic: 5_000, wallClock: 1_794_391_200, utcOffsetSeconds: 0)
}

/// An app on the Plan pane with a profile whose plan started ten days ago.
func planState(
    width: Int = 80, height: Int = 24, goal: Goal = .nerveTension, weekStart: WeekStart = .monday, unicode: Bool = true,
    edit: (inout Profile) -> Void = { _ in }
) throws -> AppState {
    var state = AppState(catalogue: try Catalogue.embedded(), width: width, height: height, unicode: unicode, now: PlanClock.now)
    var profile = Profile(
        ageYears: 35, sex: .female, goal: goal, planStart: PlanClock.start, supplementFormID: "glycinate", doseMg: 200,
        weekStart: weekStart, disclaimerAccepted: PlanClock.start)
    edit(&profile)
    state.profile = profile
    state.pane = .plan
    return state
}

/// Ticks every task of these plan days (1 = the start day), as the pane records them.
func tickDays(_ days: [Int], _ state: inout AppState) throws {
    let plan = PersonalPlan(profile: try #require(state.profile), catalogue: state.catalogue, journal: state.journal)
    var changes: [JournalChange] = []
    for n in days {
        let day = try #require(plan.day(PlanClock.start.adding(days: n - 1)))
        changes += day.tasks.map { .add(plan.checkOffEntry(of: $0, on: day)) }
    }
    _ = state.record(changes)
    _ = update(&state, .storage(.saved))
}

/// Screens of the Plan pane: the month grid, the week view and the day view at 80×24 and 120×40.
@Suite struct PlanScreenTests {
    @Test func monthGrid() throws {
        var s = try planState { $0.medicines = [.tetracyclineOrQuinolone] }
        try tickDays(Array(1...8), &s)
        // Day 9 (two days back) half done, then back to today.
        press([.left, .left, .enter, .char(" "), .down, .char(" "), .escape, .char("t")], &s)
        assertSnapshot(view(s), named: "month-80x24")
        _ = update(&s, .resize(width: 120, height: 40))
        assertSnapshot(view(s), named: "month-120x40")
        assertStyledSnapshot(view(s), named: "month-styled-120x40")
    }

    @Test func dayView() throws {
        var s = try planState()
        try tickDays([1, 2], &s)
        press([.enter, .down, .char(" ")], &s)
        assertSnapshot(view(s), named: "day-80x24")
        _ = update(&s, .resize(width: 120, height: 40))
        assertSnapshot(view(s), named: "day-120x40")
    }

    @Test func weekView() throws {
        var s = try planState(width: 120, height: 40)
        try tickDays([8, 9], &s)
        press([.char("w"), .char(" ")], &s)
        assertSnapshot(view(s), named: "week-120x40")
        _ = update(&s, .resize(width: 80, height: 24))
        assertSnapshot(view(s), named: "week-80x24")
    }

    @Test func taskDetail() throws {
        var s = try planState()
        press([.enter], &s)
        let day = try #require(PersonalPlan(profile: s.profile!, catalogue: s.catalogue, journal: s.journal).day(PlanClock.today))
        let yoga = try #require(day.tasks.firstIndex { $0.kind == .yoga })
        press(Array(repeating: .down, count: yoga) + [.enter], &s)
        assertSnapshot(view(s), named: "yoga-80x24")
    }
}
