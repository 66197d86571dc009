import CustomDump
import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The one save path: a batch of changes is checked once, applied whole, saved in one effect, and
/// undone when the save is reported failed. Each test states the whole change of state.
@Suite struct RecordingTests {
    let day = CalendarDay(year: 2026, month: 11, day: 23)!

    func note(_ id: String, _ text: String, on day: CalendarDay? = nil) -> JournalEntry {
        JournalEntry(id: id, day: day ?? self.day, kind: .note(text))
    }

    @Test func aBatchIsAppliedWholeAndSavedOnce() throws {
        var state = try makeState()
        let before = state
        let effects = state.record([.add(note("a", "stiff")), .add(note("b", "better", on: day.adding(days: -30)))])

        var expected = before
        expected.journal = Journal(entries: [note("b", "better", on: day.adding(days: -30)), note("a", "stiff")])
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expectNoDifference(state, expected)
        #expect(effects == [.saveJournal(expected.journal, touched: JournalTouch(months: ["2026-10", "2026-11"]))])

        _ = update(&state, .storage(.saved))
        expected.storage.awaiting = []
        expectNoDifference(state, expected)
    }

    @Test func aRefusedBatchChangesNothingAndSaysWhy() throws {
        var state = try makeState()
        _ = state.record([.add(note("a", "stiff"))])
        _ = update(&state, .storage(.saved))
        let before = state
        // The second change is a duplicate id: the first is not applied either.
        let effects = state.record([.add(note("c", "fine")), .add(note("a", "again"))])
        #expect(effects.isEmpty)
        var expected = before
        expected.overlays = [.notice(StorageNotice(title: "Not recorded", text: "An entry with id a already exists."))]
        expectNoDifference(state, expected)
    }

    @Test func aFailedSaveUndoesTheBatchAndSaysSo() throws {
        var state = try makeState()
        let before = state
        _ = state.record([.add(note("a", "stiff")), .add(note("b", "tired"))])
        _ = update(&state, .storage(.saveFailed("Could not save journal-2026-11.json: No space left on device.")))
        var expected = before
        expected.overlays = [.notice(StorageNotice(
            title: "Not saved",
            text: "Could not save journal-2026-11.json: No space left on device. Nothing was changed: the last change was undone."))]
        expectNoDifference(state, expected)
        #expect(view(state).text.contains("No space left on device"))
    }

    @Test func readOnlyRecordsNothingAndSaysSoOnce() throws {
        var state = try makeState()
        state.storage.readOnly = true
        let before = state
        #expect(state.record([.add(note("a", "stiff"))]).isEmpty)
        var expected = before
        expected.storage.flash = AppState.readOnlyFlash
        expectNoDifference(state, expected)
        #expect(view(state).text.contains("Read-only"))
        // No notice to dismiss: the next key clears the message and works as usual.
        press([.char("3")], &state)
        #expect(state.pane == .food && state.storage.flash == nil && state.overlays.isEmpty)
    }

    @Test func newEntriesGetFreshIDsInOnePlace() throws {
        var state = try makeState()
        let effects = state.record([.add(note(JournalEntry.newID, "one")), .add(note(JournalEntry.newID, "two"))])
        #expect(effects.count == 1)
        let ids = state.journal.entries.map(\.id)
        #expect(ids.count == 2 && Set(ids).count == 2 && !ids.contains(JournalEntry.newID))
        // The same seed names the same way (tests are repeatable); the executable seeds at random.
        var again = try makeState()
        _ = again.record([.add(note(JournalEntry.newID, "one")), .add(note(JournalEntry.newID, "two"))])
        #expect(again.journal.entries.map(\.id) == ids)
    }

    @Test func olderMonthsAreAskedForOnceAndMerged() throws {
        var state = try makeState()
        state.storage.unloadedMonths = ["2024-12", "2025-01", "2025-06"]
        let range = CalendarDay(iso: "2024-12-20")!...CalendarDay(iso: "2025-02-03")!
        #expect(state.loadMonths(for: range) == [.loadMonths(["2024-12", "2025-01"])])
        let old = note("old", "from last winter", on: CalendarDay(iso: "2025-01-05")!)
        _ = update(&state, .monthsLoaded(months: ["2024-12", "2025-01"], entries: [old]))
        #expect(state.storage.unloadedMonths == ["2025-06"])
        #expect(state.journal.entries == [old])
        #expect(state.loadMonths(for: range).isEmpty)
    }

    @Test func overlaysStackAndTheTopTakesTheKeys() throws {
        var state = try makeState()
        state.openWelcomeIfNeeded()
        state.notify(StorageNotice(title: "A data file could not be read", text: "journal-2026-10.json: not JSON."))
        #expect(state.notices.count == 1 && state.profileScreen?.stage == .welcome)
        #expect(view(state).text.contains("not JSON"))
        press([.enter], &state)  // dismisses the notice, not the welcome
        #expect(state.notices.isEmpty && state.profileScreen?.stage == .welcome)
        #expect(press([.ctrl("c")], &state) == [.quit])
    }

    @Test func aPaneOutputRaisesAnAlertSwitchesPanesOrStartsASession() throws {
        var state = try makeState(width: 90, height: 30)
        let alert = Alert(title: "Red flag", paragraphs: ["Call an ambulance now.", "Why: a clot in the lung."], danger: true)
        #expect(state.effects(of: [.alert(alert), .switchTo(.plan)]).isEmpty)
        #expect(state.topOverlay == .alert(alert) && state.pane == .plan)
        let text = view(state).text
        #expect(text.contains("Call an ambulance now.") && text.contains("Why: a clot in the lung."))
        press([.char("3")], &state)
        #expect(state.pane == .plan)  // the alert takes the key
        press([.enter], &state)
        #expect(state.overlays.isEmpty)
        _ = state.effects(of: [.startBreathing(patternID: "box")])
        #expect(state.pane == .breathe)
        guard case .session = state.breathe.screen else {
            Issue.record("no session started")
            return
        }
    }
}

extension AppState {
    /// The journal a failed report of the first awaited save would put back.
    var journalAfterFailedSave: Journal? {
        guard case .journal(let undo)? = storage.awaiting.first else { return nil }
        var journal = journal
        journal.undo(undo)
        return journal
    }
}
