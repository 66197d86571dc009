import CustomDump
import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Symptoms pane's keys, each test stating the whole change they make.
@Suite struct SymptomsPaneTests {
    typealias W = SymptomsWorld

    /// The id the shell gives the next new entry, and the generator after it.
    func nextID(_ state: AppState) -> (String, IDGenerator) {
        var ids = state.ids
        return (ids.next(), ids)
    }

    /// The journal's check-ins, without the plan check-offs the ratings tick.
    func checkIns(_ state: AppState) -> [JournalEntry] { state.journal.entries.filter { $0.checkIn != nil } }

    @Test func arrowsRateTheSelectedSymptomForTheDayShown() throws {
        var state = try W.state()
        let before = state
        let effects = press([.right], &state)
        var ids = before.ids
        let id = ids.next()
        let entry = W.checkIn(id, W.today, W.time(8, 30), ["soreness": 0])
        // The rating ticks the plan's "rate your symptoms" task in the same save.
        let tick = JournalEntry(id: ids.next(), day: W.today, time: W.time(8, 30),
                                kind: .checkOff(TaskCheckOff(goal: .soreness, week: 4, taskID: "w4-journal")))
        var expected = before
        expected.journal = Journal(entries: [entry, tick])
        expected.ids = ids
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expectNoDifference(state, expected)
        #expect(effects == [.saveJournal(expected.journal, touched: JournalTouch(months: ["2026-11"]))])
        #expect(state.line(containing: "Muscle soreness")?.contains("none") == true)

        _ = update(&state, .storage(.saved))
        pressSaved([.right, .right, .right, .right, .right], &state)
        #expect(checkIns(state) == [W.checkIn(id, W.today, W.time(8, 30), ["soreness": 4])])
        #expect(state.journal.entries.count == 2, "ticked once")
        #expect(state.line(containing: "Muscle soreness")?.contains("unbearable") == true)
        // The top holds; the bell says so and nothing is saved.
        #expect(press([.char("l")], &state) == [.bell(count: 1)])
        pressSaved([.left, .char("h")], &state)
        #expect(checkIns(state).first?.checkIn == ["soreness": 2])
        // Down from 0 is "not rated": the check-in, empty now, goes; the tick stays (Space in the plan unticks it).
        pressSaved([.left, .left, .left], &state)
        #expect(checkIns(state).isEmpty && state.journal.entries == [tick])
        #expect(state.line(containing: "Muscle soreness")?.contains("not rated") == true)
        #expect(press([.left], &state) == [.bell(count: 1)])
    }

    @Test func aCheckInTakesDigitsMovesOnAndIsOneSave() throws {
        var state = try W.state()
        press([.char("c")], &state)
        #expect(state.symptoms.capturesKeys)
        #expect(view(state).text.contains("Check-in 08:30 Mon 23 Nov 2026"))
        // Digits rate (they do not switch panes), q does not quit: the check-in has every key.
        #expect(press([.char("2"), .char("3"), .char("1"), .char("q")], &state).isEmpty)
        #expect(state.pane == .symptoms)
        // Back up to slow recovery, clear it, then rate stress.
        press([.up, .up, .backspace, .down, .down, .char("4")], &state)
        let before = state
        let effects = press([.enter], &state)
        var ids = before.ids
        let id = ids.next()
        var expected = before
        expected.symptoms.mode = nil
        expected.journal = Journal(entries: [
            W.checkIn(id, W.today, W.time(8, 30), ["soreness": 2, "poor-sleep": 1, "stress-anxiety": 4]),
            JournalEntry(id: ids.next(), day: W.today, time: W.time(8, 30),
                         kind: .checkOff(TaskCheckOff(goal: .soreness, week: 4, taskID: "w4-journal"))),
        ])
        expected.ids = ids
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expectNoDifference(state, expected)
        // The check-in and the plan's tick: one save.
        #expect(effects.count == 1)
        // Ten keys for a list of eight: c, eight digits, Enter.
        var long = try W.state()
        long.journal = Journal(trackedSymptoms: Array(long.catalogue.symptoms.prefix(8).map(\.id)))
        press([.char("c")] + typed("01234012") + [.enter], &long)
        #expect(long.journal.entries.first?.checkIn?.ratings.count == 8)
    }

    @Test func escEndsACheckInTooAndAnEmptyOneRecordsNothing() throws {
        var state = try W.state()
        #expect(press([.char("c"), .escape], &state).isEmpty)
        #expect(state.symptoms.mode == nil && state.journal.entries.isEmpty)
        pressSaved([.char("c"), .char("1"), .escape], &state)
        #expect(checkIns(state).map(\.checkIn) == [["soreness": 1]])
    }

    @Test func notesAndTriggersGoWithTheCheckInAndShowOnTheDay() throws {
        var state = try W.state()
        let down = Array(repeating: Key.down, count: W.list.count)
        // The triggers follow the symptoms; Space ticks (twice unticks), then the note's line takes typing.
        press([.char("c"), .char("3")] + down.dropLast() + [.char(" "), .down, .down, .char(" "), .char(" "), .down,
                                                          .char(" ")], &state)
        press([.down, .down, .down, .down] + typed("sat 9 hours, q") + [.backspace], &state)
        #expect(view(state).text.contains("sat 9 hours, _"))
        pressSaved([.enter], &state)
        let entry = try #require(state.journal.entries.first)
        #expect(entry.checkIn == SymptomCheckIn(ratings: ["soreness": 3], note: "sat 9 hours,", triggers: [.longSitting, .stress]))
        let footer = try #require(state.line(containing: "08:30  long sitting"))
        #expect(footer.contains("long sitting, stress  \"sat 9 hours,\""))
    }

    @Test func severalCheckInsADayShowTheirMeanAndArrowsChangeTheLatest() throws {
        var state = try W.state()
        pressSaved([.char("c"), .char("1"), .enter], &state)
        _ = update(&state, .tick(W.clock(600)))  // 18:30
        pressSaved([.char("c"), .char("4"), .enter], &state)
        #expect(checkIns(state).map(\.time) == [W.time(8, 30), W.time(18, 30)])
        let row = try #require(state.line(containing: "Muscle soreness"))
        #expect(row.contains("severe (2.5)"))
        #expect(state.line(containing: "2 check-ins")?.contains("08:30, 18:30") == true)
        pressSaved([.left], &state)
        #expect(checkIns(state).map(\.checkIn) == [["soreness": 1], ["soreness": 3]])
        #expect(state.line(containing: "Muscle soreness")?.contains("moderate") == true)
        // Backspace clears the day's rating from every check-in: both go, being empty.
        pressSaved([.backspace], &state)
        #expect(checkIns(state).isEmpty)
    }

    @Test func pastDaysAreRatedTheSameWayAndTheRowFollowsTheDay() throws {
        var state = try W.state(entries: [W.checkIn("y", W.today.adding(days: -1), nil, ["soreness": 3])])
        #expect(state.line(containing: "Muscle soreness")?.contains("not rated") == true)
        press([.char("[")], &state)
        #expect(state.shownDay == W.today.adding(days: -1))
        #expect(view(state).text.contains("Sun 22 Nov 2026"))
        #expect(state.line(containing: "Muscle soreness")?.contains("severe") == true)
        // A past day's new check-in has no time.
        pressSaved([.down, .right], &state)
        #expect(checkIns(state).map(\.checkIn) == [["soreness": 3, "slow-recovery": 0]])
        press([.char("[")], &state)
        pressSaved([.char("c"), .char("2"), .enter], &state)
        #expect(checkIns(state).first == W.checkIn(checkIns(state)[0].id, W.today.adding(days: -2), nil, ["soreness": 2]))
        press([.char("t")], &state)
        #expect(state.shownDay == nil)
        #expect(state.line(containing: "Muscle soreness")?.contains("not rated") == true)
        // Never past today.
        press([.char("]")], &state)
        #expect(state.shownDay == nil)
    }

    @Test func addingAndRemovingSymptomsKeepsTheirRatings() throws {
        var state = try W.state(entries: [W.checkIn("a", W.today, nil, ["soreness": 2])])
        press([.char("a")], &state)
        #expect(view(state).text.contains("Add to your list"))
        press(typed("/cramp") + [.enter], &state)
        let before = state
        let effects = press([.enter], &state)
        var expected = before
        expected.symptoms.mode = nil
        expected.journal.trackedSymptoms = ["soreness", "cramps", "slow-recovery", "poor-sleep", "stress-anxiety"]
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expectNoDifference(state, expected)
        #expect(effects == [.saveJournal(expected.journal, touched: JournalTouch(custom: true))])
        _ = update(&state, .storage(.saved))
        #expect(view(state).text.contains("Cramps"))
        // x takes the selected symptom (soreness) off the list; its rating stays in the journal.
        pressSaved([.char("x")], &state)
        #expect(state.journal.trackedSymptoms == ["cramps", "slow-recovery", "poor-sleep", "stress-anxiety"])
        #expect(state.journal.entries.count == 1)
        #expect(!view(state).text.contains("Muscle soreness"))
        pressSaved([.char("a"), .enter], &state)
        #expect(state.line(containing: "Muscle soreness")?.contains("moderate") == true)
    }

    /// Taking the last symptom off the list leaves the selection on the new last row: the row drawn
    /// as selected is the one → rates (it was left past the end, and → only rang the bell).
    @Test func removingTheLastSymptomSelectsTheNewLastOne() throws {
        var state = try W.state()
        press([.end], &state)
        pressSaved([.char("x")], &state)
        #expect(state.journal.trackedSymptoms == ["soreness", "slow-recovery", "poor-sleep"])
        #expect(state.symptoms.browser.cursor.selected == 2)
        let effects = pressSaved([.right], &state)
        #expect(!effects.contains(.bell(count: 1)))
        #expect(state.line(containing: "Poor sleep")?.contains("none") == true)
    }

    /// The before-and-after view lists more rows than the day (all together, what you did): going back
    /// to the day from its last row selects the day's last symptom, which → then rates.
    @Test func changingViewsKeepsTheSelectionOnTheList() throws {
        var state = try W.state(entries: W.fourWeeks)
        for back in [[Key.char("v")], [.escape]] {
            press([.char("v"), .char("v"), .end], &state)
            #expect(state.symptoms.view == .beforeAfter)
            press(back, &state)
            #expect(state.symptoms.view == .day)
            #expect(state.symptoms.browser.cursor.selected == 3)
            let effects = pressSaved([.right], &state)
            #expect(!effects.contains(.bell(count: 1)))
        }
    }

    /// A new goal in the profile brings its own, shorter list: the last symptom selected before is now
    /// past the end, and → rates the new last one, which is drawn selected (it rang the bell).
    @Test func aShorterListFromANewGoalStillRatesTheRowDrawnSelected() throws {
        var state = try W.state()
        state.profile?.goal = .nerveTension
        press([.end], &state)
        #expect(state.symptoms.browser.cursor.selected == 5)
        state.profile?.goal = .soreness
        let effects = pressSaved([.right], &state)
        #expect(!effects.contains(.bell(count: 1)))
        #expect(state.line(containing: "Stress and anxiety")?.contains("none") == true)
    }

    @Test func markingARedFlagRecordsItAndShowsTheActionUntilDismissed() throws {
        var state = try W.state()
        press([.char("!")], &state)
        #expect(view(state).text.contains("Red flag: a sign that needs a clinician"))
        press(typed("/breathless") + [.enter], &state)
        let before = state
        let effects = press([.enter], &state)
        let (id, ids) = nextID(before)
        let flag = try #require(state.catalogue.redFlag(id: "leg-breathless"))
        var expected = before
        expected.symptoms.mode = nil
        expected.journal = Journal(entries: [JournalEntry(id: id, day: W.today, time: W.time(8, 30), kind: .redFlag(flag.id))])
        expected.ids = ids
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expected.overlays = [.alert(RedFlagList.alert(flag, state.context))]
        expectNoDifference(state, expected)
        #expect(effects.count == 1)
        guard case .alert(let alert) = state.topOverlay else {
            Issue.record("no alert on top")
            return
        }
        #expect(alert.danger)
        #expect(alert.paragraphs.contains("Emergency: call emergency services now."))
        #expect(alert.paragraphs.contains { $0.contains("clot in the lung") })
        _ = update(&state, .storage(.saved))
        // The notice takes every key until dismissed.
        press([.char("2")], &state)
        #expect(state.pane == .symptoms && state.topOverlay != nil)
        press([.enter], &state)
        #expect(state.overlays.isEmpty)
        let text = view(state).text
        #expect(text.contains("Red flag 23 Nov: Emergency: call emergency services now"))
        #expect(text.contains("supplements held back through 6 Dec"))
        #expect(text.contains("Red flag marked: Leg pain or swelling"))
        // Marking it again shows the notice, records nothing; Backspace in the list unmarks it.
        press([.char("!")] + typed("/breathless") + [.enter], &state)
        #expect(press([.enter], &state).isEmpty)
        press([.enter, .char("!")] + typed("/breathless") + [.enter], &state)
        pressSaved([.backspace], &state)
        #expect(state.journal.entries.isEmpty)
        press([.escape, .escape], &state)
        #expect(!view(state).text.contains("Red flag 23 Nov"))
    }

    @Test func readOnlySaysItCannotSave() throws {
        var state = try W.state()
        state.storage.readOnly = true
        #expect(press([.char("c"), .char("2"), .enter], &state).isEmpty)
        #expect(state.journal.entries.isEmpty)
        #expect(state.storage.flash == AppState.readOnlyFlash)
        #expect(press([.right], &state).isEmpty)
        #expect(state.storage.flash == AppState.readOnlyFlash)
    }

    @Test func vCyclesTheViewsAndEscGoesBackToTheDay() throws {
        var state = try W.state(entries: W.fourWeeks)
        press([.char("v")], &state)
        #expect(state.symptoms.view == .trends)
        press([.char("v")], &state)
        #expect(state.symptoms.view == .beforeAfter)
        let text = view(state).text
        #expect(text.contains("Baseline: plan days 1-7, 2-8 Nov  ·  latest: 17-23 Nov"))
        #expect(text.contains("Plan tasks done"))
        press([.escape], &state)
        #expect(state.symptoms.view == .day)
    }

    @Test func theHelpAndHintsListThePanesKeys() throws {
        var state = try W.state(width: 120, height: 40)
        let hints = state.symptoms.hints(context: state.context).map(\.key)
        #expect(hints == ["←→", "c", "v", "!", "a", "x", "[ ]"])
        let help = state.symptoms.help(context: state.context).flatMap(\.keys).map(\.key)
        for key in ["←→ h l", "Backspace", "c", "a", "x", "v", "Enter", "/", "!", "Esc", "0-4", "Space", "type", "Enter or Esc"] {
            #expect(help.contains(key), "\(key)")
        }
        press([.char("?")], &state)
        #expect(view(state).text.contains("a difference under 0.5: no clear change"))
    }
}

/// A very wide terminal: the pane's own detail beside the list, drawn once (the list browser's
/// preview would have drawn it a second time).
@Test func aWideTerminalShowsTheDetailOnce() throws {
    for mode: [Key] in [[], [.char("c")], [.char("!")], [.char("a")]] {
        var state = try SymptomsWorld.state(width: 220, height: 50)
        press(mode, &state)
        let text = view(state).text
        let evidence = text.components(separatedBy: "Evidence").count - 1
        let source = text.components(separatedBy: "Source:").count - 1
        #expect(evidence <= 1 && source <= 1, "mode \(mode):\n\(text)")
    }
}
