import CustomDump
import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Plan pane's keys: ticking and unticking (one batch each), days ahead of today, months, the
/// week view, opening a task, keep going, export, and a new plan that keeps the old days.
@Suite struct PlanPaneTests {
    func plan(_ state: AppState) throws -> PersonalPlan {
        PersonalPlan(profile: try #require(state.profile), catalogue: state.catalogue, journal: state.journal)
    }

    func today(_ state: AppState) throws -> PlanDay { try #require(try plan(state).day(PlanClock.today)) }

    @Test func spaceTicksAndUnticksAsOneBatchEach() throws {
        var state = try planState()
        press([.enter, .down], &state)
        let before = state
        let task = try today(state).tasks[1]
        let effects = press([.char(" ")], &state)

        var expected = before
        var ids = before.ids
        let id = ids.next()
        expected.ids = ids
        try expected.journal.apply(.add(JournalEntry(
            id: id, day: PlanClock.today, time: TimeOfDay(PlanClock.now),
            kind: .checkOff(TaskCheckOff(goal: .nerveTension, week: 2, taskID: task.id)))))
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expectNoDifference(state, expected)
        #expect(effects == [.saveJournal(expected.journal, touched: JournalTouch(months: ["2026-11"]))])
        #expect(try plan(state).isDone(task, on: today(state)))
        _ = update(&state, .storage(.saved))

        // Space again removes that entry, in one batch.
        let ticked = state
        let untick = press([.char(" ")], &state)
        var journal = ticked.journal
        try journal.apply(.remove(id: id))
        #expect(state.journal == journal)
        #expect(untick == [.saveJournal(journal, touched: JournalTouch(months: ["2026-11"]))])
    }

    @Test func daysAheadAreShownButNotTicked() throws {
        var state = try planState()
        press([.enter], &state)
        // The shared day stops at today; the calendar keeps the later day itself.
        let effects = press([.right], &state)
        #expect(effects.isEmpty && state.shownDay == nil)
        #expect(state.plan.selectedDay(state.context) == PlanClock.today.adding(days: 1))
        #expect(view(state).text.contains("Day 12 · Week 2"))
        let journal = state.journal
        let bell = press([.char(" ")], &state)
        #expect(bell == [.bell(count: 1)] && state.journal == journal)
        #expect(view(state).text.contains("is in the future: tick a task on its day or later."))
        // Back to today: a day back, or t (the shell's key).
        press([.right, .right, .char("t")], &state)
        #expect(state.plan.selectedDay(state.context) == PlanClock.today && state.plan.ahead == nil)
        // Earlier days move the shared day, for every pane.
        press([.left, .left], &state)
        #expect(state.shownDay == PlanClock.today.adding(days: -2))
    }

    @Test func bracketsMoveByMonthInTheGridAndOlderMonthsAreRead() throws {
        var state = try planState()
        state.storage.unloadedMonths = ["2026-09"]
        press([.char("[")], &state)
        #expect(state.shownDay == CalendarDay(iso: "2026-10-11"))
        let effects = press([.char("[")], &state)
        #expect(state.shownDay == CalendarDay(iso: "2026-09-11"))
        #expect(effects == [.loadMonths(["2026-09"])])
        press([.char("]"), .char("]"), .char("]")], &state)
        #expect(state.shownDay == nil && state.plan.selectedDay(state.context) == CalendarDay(iso: "2026-12-11"))
        #expect(view(state).text.contains("December 2026"))
        // Arrows move a day or a week in the grid.
        press([.char("t"), .up], &state)
        #expect(state.shownDay == PlanClock.today.adding(days: -7))
    }

    @Test func theWeekStartsOnTheProfilesDay() throws {
        let monday = try planState()
        #expect(view(monday).text.contains("Mo   Tu   We   Th   Fr   Sa   Su"))
        var sunday = try planState(weekStart: .sunday)
        #expect(view(sunday).text.contains("Su   Mo   Tu   We   Th   Fr   Sa"))
        press([.char("w")], &sunday)
        #expect(view(sunday).text.contains("Su 8"))
        #expect(!view(sunday).text.contains("Mo 16"))
    }

    @Test func enterOpensWhatATaskIsAbout() throws {
        var state = try planState { $0.planStart = PlanClock.today.adding(days: -16) }
        press([.enter], &state)
        let day = try today(state)
        // Food first: the Food pane's day, with what would fill the gap, whatever it showed before.
        #expect(day.tasks[0].practice == .food(needMg: 320))
        state.food.shown = .forms
        press([.enter], &state)
        #expect(state.pane == .food && state.food.shown == .day)
        #expect(view(state).text.contains("Fill the gap") || view(state).text.contains("fill the gap"))
        press([.char("2")], &state)
        // A breathing task: the pattern, and a key that starts the session.
        let breathing = try #require(day.tasks.firstIndex { $0.kind == .breathing })
        press(Array(repeating: .down, count: breathing) + [.enter], &state)
        #expect(state.plan.openTask == day.tasks[breathing].id)
        #expect(view(state).text.contains("Enter start the session"), "the hint line says so")
        press([.pageDown, .pageDown], &state)
        #expect(view(state).text.contains("Enter or s: start 5 min of Diaphragmatic in the Breathe pane"))
        press([.char("s")], &state)
        #expect(state.pane == .breathe && state.breathe.screen.map { if case .session = $0 { true } else { false } } == true)
    }

    /// Scrolled to its end, a long task's detail shows its last line above the "end" marker (the
    /// same rule as every other detail view).
    @Test func aTaskDetailScrollsToItsLastLine() throws {
        var state = try planState { $0.planStart = PlanClock.today.adding(days: -16) }
        press([.enter], &state)
        let day = try today(state)
        let longest = try #require(day.tasks.indices.max { a, b in
            PlanScreens.taskLines(day.tasks[a], day, try! plan(state), state.context).count
                < PlanScreens.taskLines(day.tasks[b], day, try! plan(state), state.context).count
        })
        press(Array(repeating: .down, count: longest) + [.enter], &state)
        let ctx = state.context
        let lines = DetailLine.layout(
            PlanScreens.taskLines(day.tasks[longest], day, try plan(state), ctx), width: PlanScreens.middle(ctx).width)
        #expect(lines.count > PlanScreens.middle(ctx).height, "the longest task should overflow at 80x24")
        press(Array(repeating: .pageDown, count: 20), &state)
        let text = view(state).text
        let last = try #require(lines.last { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(text.contains(last.text.trimmingCharacters(in: .whitespaces)), "\(text)")
        #expect(text.contains("end"))
    }

    @Test func theBreathePanesCheckOffShowsInTheCalendar() throws {
        var state = try planState { $0.planStart = PlanClock.today.adding(days: -16) }
        let entry = try #require(try plan(state).checkOff(firstTaskOf: .breathing, on: PlanClock.today))
        _ = state.record([.add(entry)])
        let day = try today(state)
        let breathing = try #require(day.tasks.first { $0.kind == .breathing })
        #expect(try plan(state).isDone(breathing, on: day))
        #expect(view(state).text.contains("1 of \(day.tasks.count) done"))
    }

    @Test func keepGoingAfterTheLastDay() throws {
        var state = try planState { $0.planStart = PlanClock.today.adding(days: -30) }
        #expect(view(state).text.contains("your plan has ended: n keeps going"))
        let effects = press([.char("n")], &state)
        #expect(state.journal.planBlocks == [.keepGoing(goal: .nerveTension, start: PlanClock.today)])
        #expect(effects == [.saveJournal(state.journal, touched: JournalTouch(custom: true))])
        #expect(view(state).text.contains("Keep going · Day 1 · Week 1: Keep the routine"))
        // Once more, on a plan day: refused, with the reason.
        press([.char("n")], &state)
        #expect(state.journal.planBlocks.count == 1)
        #expect(view(state).text.contains("is a plan day already"))
    }

    @Test func exportWritesTheCalendarThroughAnEffect() throws {
        var state = try planState()
        let effects = press([.char("e")], &state)
        guard case .writeCalendar(let text, let events) = try #require(effects.first) else {
            Issue.record("no calendar effect: \(effects)")
            return
        }
        #expect(events == PlanCalendar.days)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.contains("UID:plan-2026-11-11@magrelax"))
    }

    @Test func aNewGoalFromTheProfileKeepsThePastDays() throws {
        var state = try planState()
        try tickDays(Array(1...10), &state)
        var changed = try #require(state.profile)
        changed.goal = .backStiffness
        changed.planStart = PlanClock.today
        let effects = state.saveProfile(changed)
        let block = PlanBlock(
            id: "plan-\(PlanClock.start)-nerve-tension-until-\(PlanClock.today.adding(days: -1))", kind: .plan,
            goal: .nerveTension, start: PlanClock.start, end: PlanClock.today.adding(days: -1))
        #expect(state.journal.planBlocks == [block])
        #expect(effects == [.saveProfile(changed), .saveJournal(state.journal, touched: JournalTouch(custom: true))])
        #expect(view(state).text.contains("Day 1 · Week 1: Start magnesium and hydrate"))
        press([.left], &state)
        let text = view(state).text
        #expect(text.contains("Day 10 · Week 2") && text.contains("an earlier plan"))
        #expect(text.contains("Streak: 10 days"))
        // The weeks the app keeps between frames were made again for the new profile and both goals.
        #expect(state.planWeeks.value?.serve(changed, goals: [.nerveTension, .backStiffness]) == true)
        #expect(state.planWeeks.value?.profile == changed)
    }

    @Test func thePlansByGoalAreStillThere() throws {
        var state = try planState()
        press([.char("g")], &state)
        #expect(view(state).text.contains("Four-week plans by goal"))
        press([.enter], &state)
        #expect(view(state).text.contains("Week 1"))
        press([.escape, .escape], &state)
        #expect(!state.plan.readingPlans && view(state).text.contains("November 2026"))
    }

    @Test func helpListsEveryKey() throws {
        var state = try planState()
        press([.char("?")], &state)
        var text = view(state).text
        for _ in 0..<6 {
            press([.pageDown], &state)
            text += view(state).text
        }
        for key in ["Space", "Enter", "[ ] PgUp PgDn", "w", "e", "n", "g", "Enter or s", "t"] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.contains("export the plan as a calendar file"))
    }

    @Test func asciiMarks() throws {
        var state = try planState(unicode: false)
        try tickDays([1], &state)
        let text = view(state).text
        #expect(text.contains(" 1#") && text.contains("[11o]") && text.contains("12."))
        press([.enter], &state)
        #expect(view(state).text.contains("[ ] Magnesium: food first"))
    }
}

extension PlanPaneTests {
    @Test func withoutAProfileThePlansFilterTakesDigits() throws {
        var state = try makeState()
        press([.char("2"), .char("/")], &state)
        press(typed("4-"), &state)
        #expect(state.pane == .plan && state.plan.browser.query == "4-")
    }
}
