import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Breathe pane's session states (setup, running, paused, finishing, saved) with an injected clock.
@Suite struct BreathePaneTests {
    @Test func readyRunningPausedFinishedSaved() throws {
        var state = try breatheState(profile: breatheProfile())
        #expect(state.nextWakeup == nil)  // browsing: block on input

        try select("box", &state)
        press([.enter], &state)
        let setup = try #require(state.breatheSetup)
        #expect(setup.length == .minutes(3))
        press([.right, .up, .up, .up, .up, .up], &state)  // 4 minutes; tension 4
        press([.enter], &state)
        var run = try #require(state.breatheRun)
        #expect(run.session.pacer.cycles == 15)  // 240 s / 16 s
        #expect(run.setup.tensionBefore == 4)

        // Ready: the countdown wakes the loop twice a second; the in-breath ten times a second; a hold
        // twice a second.
        #expect(state.nextWakeup == BreatheClock.monoStart + 0.5)
        tick(&state, 3.5)
        #expect(state.nextWakeup.map { abs($0 - (BreatheClock.monoStart + 3.6)) < 1e-9 } == true)
        tick(&state, 7.2)
        #expect(state.nextWakeup.map { abs($0 - (BreatheClock.monoStart + 7.5)) < 1e-9 } == true)
        #expect(view(state).text.contains("H O L D"))

        // Running: digits and Tab stay in the session.
        press([.char("2"), .tab], &state)
        #expect(state.pane == .breathe && state.breatheRun != nil)

        // Paused for ten minutes: no wake-ups, and the time does not count.
        press([.char(" ")], &state)
        #expect(state.nextWakeup == nil)
        tick(&state, 607.2)
        press([.char(" ")], &state)
        run = try #require(state.breatheRun)
        #expect(abs(run.session.activeSeconds(at: BreatheClock.monoStart + 607.2) - 7.2) < 1e-9)

        // Finishing: the tick at the last boundary shows the summary.
        let end = 600 + Pacer.getReadySeconds + 15 * 16
        tick(&state, end - 0.05)
        #expect(state.breatheRun != nil)
        tick(&state, end)
        let done = try #require(state.breatheDone)
        #expect(done.summary.completed && done.summary.cyclesCompleted == 15 && done.summary.breathingSeconds == 240)
        #expect(state.nextWakeup == nil)

        // Saved: Enter records the session and ticks the plan's breathing task for today.
        let before = state.journal
        let effects = press([.up, .up, .enter], &state)
        // One action, one batch: the session and the check-off are saved together.
        guard case .saveJournal(let saved, let touched) = try #require(effects.first), effects.count == 1 else {
            Issue.record("expected one journal save, got \(effects)")
            return
        }
        #expect(saved == state.journal && touched == JournalTouch(months: ["2026-11"]))
        #expect(state.journal.entries.count == before.entries.count + 2)
        #expect(Set(state.journal.entries.map(\.id)).count == state.journal.entries.count)
        #expect(state.breathe.screen == nil)
        let day = CalendarDay(iso: "2026-11-23")!
        let sessions = state.journal.entries(on: day).compactMap { e -> BreathingSession? in
            if case .breathing(let b) = e.kind { return b }
            return nil
        }
        #expect(
            sessions == [
                BreathingSession(
                    patternID: "box", plannedSeconds: 240, actualSeconds: 240, cycles: 15, tensionBefore: 4, tensionAfter: 1)
            ])
        #expect(state.journal.isChecked(goal: .tensionHeadache, week: 4, taskID: "w4-breathing", on: day))
        #expect(view(state).text.contains("This week: 1 session, 4 min"))
    }

    @Test func endingEarly() throws {
        var state = try breatheState(profile: breatheProfile())
        try startSession("box", &state)
        // Under a minute of breathing: back to the setup, nothing kept.
        tick(&state, 40)
        press([.escape], &state)
        #expect(state.breatheSetup != nil)
        press([.enter], &state)
        tick(&state, 110)
        // Over a minute: it asks, paused meanwhile; n goes on, y ends and keeps what was done.
        press([.char("q")], &state)
        #expect(state.breatheRun?.confirmingEnd == true && state.breatheRun?.session.isPaused == true)
        press([.char("n")], &state)
        #expect(state.breatheRun?.confirmingEnd == false && state.breatheRun?.session.isPaused == false)
        tick(&state, 120)
        press([.escape, .char("y")], &state)
        let done = try #require(state.breatheDone)
        #expect(!done.summary.completed)
        #expect(done.summary.breathingSeconds == 120 - 40 - Pacer.getReadySeconds)
        #expect(done.summary.cyclesCompleted == 4)
        press([.enter], &state)
        #expect(state.journal.entries.count == 2)  // the session and the plan check-off
    }

    @Test func bellRingsOnceForInAndTwiceForOut() throws {
        var state = try breatheState(profile: breatheProfile(bell: true))
        try startSession("4-7-8", &state)
        var rings: [Int] = []
        // Wake exactly when the loop would, up to the end of the second breath.
        while let wake = state.nextWakeup, wake < BreatheClock.monoStart + 3 + 2 * 19 {
            for case .bell(let n) in tick(&state, wake - BreatheClock.monoStart) { rings.append(n) }
        }
        #expect(rings == [1, 2, 1, 2])

        var quiet = try breatheState(profile: breatheProfile(bell: false))
        try startSession("4-7-8", &quiet)
        #expect(tick(&quiet, 3.5).isEmpty)
    }

    @Test func fourSevenEightIsHeldToFourThenEight() throws {
        var state = try breatheState()
        try select("4-7-8", &state)
        press([.enter] + Array(repeating: .right, count: 6), &state)
        #expect(state.breatheSetup?.length == .cycles(4))
        press([.char("m")], &state)
        #expect(state.breatheSetup?.length == .cycles(4))

        // A first 4-7-8 session 40 days ago: the first month is over.
        var later = try breatheState(profile: breatheProfile())
        _ = later.record([
            .add(JournalEntry(
                id: "old", day: CalendarDay(iso: "2026-10-14")!,
                kind: .breathing(BreathingSession(patternID: "4-7-8", plannedSeconds: 76, actualSeconds: 76, cycles: 4))))])
        try select("4-7-8", &later)
        press([.enter] + Array(repeating: .right, count: 6), &later)
        #expect(later.breatheSetup?.length == .cycles(8))
    }

    @Test func holdsAreLeftOutWithPregnancy() throws {
        var state = try breatheState(profile: breatheProfile(pregnant: true))
        try startSession("box", &state)
        let pacer = try #require(state.breatheRun).session.pacer
        #expect(pacer.steps.map(\.phase) == [.inhale, .exhale])
        #expect(pacer.cycleSeconds == 8)
    }

    @Test func lengthInMinutesOrCycles() throws {
        var state = try breatheState()
        try select("coherent", &state)
        press([.enter], &state)
        #expect(state.breatheSetup?.length == .minutes(10))
        press([.char("m")], &state)
        #expect(state.breatheSetup?.length == .cycles(55))  // 600 s / 11 s = 54.5 → 55
        press([.left, .char("m")], &state)
        #expect(state.breatheSetup?.length == .minutes(10))  // 54 × 11 s = 9.9 min
        press(Array(repeating: .left, count: 20), &state)
        #expect(state.breatheSetup?.length == .minutes(1))
    }

    @Test func customPatternsAreMadeEditedAndDeleted() throws {
        var state = try breatheState(profile: breatheProfile())
        press([.char("n")] + typed("Evening") + [.down, .right, .down, .down, .right, .right, .enter], &state)
        #expect(state.breathe.screen == nil)
        let made = try #require(state.journal.customPatterns.first)
        #expect([made.name, "\(made.inhale)", "\(made.exhale)"] == ["Evening", "4.5", "7.0"])

        #expect(made.id != made.name && !made.id.isEmpty)
        let item = "own:" + made.id

        // Renamed and changed: the id stays, so its past sessions stay attached.
        try select(item, &state)
        press([.char("e")] + Array(repeating: .backspace, count: 7) + typed("Night")
              + [.down, .down, .right, .right, .right, .right, .enter], &state)
        #expect(state.journal.customPatterns.map(\.name) == ["Night"])
        #expect(state.journal.customPatterns.first?.id == made.id)
        #expect(state.journal.customPatterns.first?.holdIn == 2)
        try startSession(item, &state)
        #expect(state.breatheRun?.session.pacer.cycleSeconds == 13.5)
        press([.escape, .escape], &state)

        try select(item, &state)
        press([.char("x")], &state)
        #expect(state.journal.customPatterns.isEmpty)

        // Refused: a nameless pattern with a held breath, for a pregnant person.
        var refused = try breatheState(profile: breatheProfile(pregnant: true))
        press([.char("n"), .down, .down, .right, .enter], &refused)
        guard case .editor(let editor) = refused.breathe.screen else {
            Issue.record("the editor closed")
            return
        }
        #expect(editor.problems.map(\.kind) == [.emptyName, .holdNotAllowed])
    }

    @Test func thePatternNameEditsAtItsCursor() {
        var editor = PatternEditor()
        for key in typed("Evning") + [.left, .left, .left, .left, .char("e"), .end, .char("+")] {
            _ = editor.handle(key, profile: nil, existing: [])
        }
        #expect(editor.name == "Evening+", "on the name, - and + are letters")
        #expect(editor.seconds == [4, 0, 6, 0])
        for _ in 0..<40 { _ = editor.handle(.char("x"), profile: nil, existing: []) }
        #expect(editor.name.count == PatternEditor.nameLength)
    }

    /// `magrelax breathe`: straight into a session, held to the pattern's limit, by id or own name.
    @Test func startingFromTheCommandLine() throws {
        var state = try breatheState(profile: breatheProfile())
        state.pane = .symptoms
        let started = state.startBreathing("4-7-8", length: .cycles(20), bell: true)
        #expect(started)
        #expect(state.pane == .breathe)
        let run = try #require(state.breatheRun)
        #expect(run.session.pacer.cycles == 4 && run.setup.bell)
        #expect(run.session.startedAt == BreatheClock.monoStart)

        _ = state.record([.putCustomPattern(try BreathingPattern.custom(
            id: "p1", name: "Evening", inhale: 4, holdIn: 0, exhale: 8, holdOut: 0, pregnant: false, heartOrLungDisease: false).get())])
        let own = state.startBreathing("evening", length: .minutes(2), bell: false)
        #expect(own && state.breatheRun?.session.pacer.cycles == 10)
        let unknown = state.startBreathing("no-such-pattern", length: nil, bell: false)
        #expect(!unknown)
    }
}
