import Foundation
import MagRelaxApp
import MagRelaxCore
import MagRelaxStore
import Testing
import TerminalUI

@testable import magrelax

/// The effect path with the real store: an action's batch goes out as one save effect, the store
/// writes it, and the result comes back into `update` — saved, failed (undone) or read-only.
@Suite(.serialized) struct StoreLinkTests {
    let catalogue: Catalogue
    let folder: String
    let today = CalendarDay(iso: "2026-11-20")!

    init() throws {
        catalogue = try Catalogue.embedded()
        folder = NSTemporaryDirectory() + "magrelax-link-\(UUID().uuidString.prefix(8))"
    }

    var profile: Profile {
        Profile(ageYears: 40, sex: .female, goal: .tensionHeadache, planStart: CalendarDay(iso: "2026-11-02")!,
                disclaimerAccepted: CalendarDay(iso: "2026-11-02")!)
    }

    func note(_ id: String, _ iso: String) -> JournalEntry {
        JournalEntry(id: id, day: CalendarDay(iso: iso)!, kind: .note("n"))
    }

    /// A folder with the profile and the given entries, written by a store that then lets go.
    func prepare(_ entries: [JournalEntry] = []) throws {
        let store = try Store(location: DataLocation(path: folder))
        try store.setProfile(profile)
        var journal = Journal()
        let touch = try journal.apply(entries.map(JournalChange.add))
        try store.save(journal, touched: touch)
        store.close()
    }

    func open() throws -> (StoreLink, AppState) {
        let link = StoreLink(try DataDirOption.parse(["--data-dir", folder]), today: today)
        var state = AppState(catalogue: catalogue)
        state.ids = IDGenerator(seed: 7)
        link.load(into: &state)
        return (link, state)
    }

    func onDisk() throws -> Journal {
        try Store(location: DataLocation(path: folder), mode: .readOnly).loadAll()
    }

    @Test func aBatchIsSavedAndReportedBack() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try prepare()
        let (link, start) = try open()
        defer { link.store.close() }
        var state = start
        #expect(state.profile == profile && state.overlays.isEmpty)
        let effects = state.record([.add(note(JournalEntry.newID, "2026-11-20")), .add(note(JournalEntry.newID, "2026-10-30"))])
        #expect(effects.count == 1)
        let results = effects.flatMap(link.perform)
        #expect(results == [.storage(.saved)])
        for action in results { _ = update(&state, action) }
        #expect(state.notices.isEmpty)
        #expect(try onDisk().entries == state.journal.entries)
        #expect(state.journal.entries.count == 2)
    }

    @Test func aFailedSaveIsUndoneAndTheFilesAreUntouched() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try prepare([note("a", "2026-11-01")])
        let (link, start) = try open()
        defer { link.store.close() }
        var state = start
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/journal-2026-11.json"))
        // A folder where October's file would go: renaming onto it fails, so the whole batch must.
        try FileManager.default.createDirectory(atPath: folder + "/journal-2026-10.json/x", withIntermediateDirectories: true)
        let effects = state.record([.add(note("b", "2026-11-02")), .add(note("c", "2026-10-02"))])
        for action in effects.flatMap(link.perform) { _ = update(&state, action) }
        #expect(state.journal.entries.map(\.id) == ["a"])
        #expect(state.notices.first?.title == "Not saved")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/journal-2026-11.json")) == before)
    }

    @Test func readOnlyWhenAnotherMagrelaxHoldsTheFolder() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try prepare([note("a", "2026-11-01")])
        let holder = try Store(location: DataLocation(path: folder))
        defer { holder.close() }
        let (link, start) = try open()
        var state = start
        #expect(state.storage.readOnly && state.notices.first?.title == "Read-only")
        #expect(state.journal.entries.map(\.id) == ["a"])
        press(.enter, &state)  // the notice
        let effects = state.record([.add(note("b", "2026-11-02"))])
        #expect(effects.isEmpty)
        #expect(state.storage.flash != nil && state.journal.entries.map(\.id) == ["a"])
        _ = link
    }

    @Test func oldMonthsWaitUntilAScreenAsksForThem() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try prepare([
            note("old", "2023-05-01"), note("spring", "2026-03-01"), note("plan", "2026-11-03"), note("new", "2026-11-19"),
        ])
        let (link, start) = try open()
        defer { link.store.close() }
        var state = start
        state.now = TimeReading(monotonic: 0, wallClock: 1_795_600_000, utcOffsetSeconds: 0)  // 2026-11-23
        // Before the first frame: the months of the last two weeks (here only November).
        #expect(state.journal.entries.map(\.id) == ["plan", "new"])
        #expect(state.storage.unloadedMonths == ["2023-05", "2026-03"])
        // Right after it: the rest of the last year.
        for action in update(&state, .started).flatMap(link.perform) { _ = update(&state, action) }
        #expect(state.journal.entries.map(\.id) == ["spring", "plan", "new"])
        #expect(state.storage.unloadedMonths == ["2023-05"])
        let ask = state.loadMonths(for: CalendarDay(iso: "2023-04-20")!...CalendarDay(iso: "2023-05-10")!)
        #expect(ask == [.loadMonths(["2023-05"])])
        for action in ask.flatMap(link.perform) { _ = update(&state, action) }
        #expect(state.journal.entries.map(\.id) == ["old", "spring", "plan", "new"])
        #expect(state.storage.unloadedMonths.isEmpty)
        // The app holds the only copy of the entries: the store handed its journal over and keeps none.
        #expect(link.store.journal.entries.isEmpty)
        // Saving through the link still writes the month the change touched, and the store stays empty.
        let effects = state.record([.add(note("extra", "2026-11-20"))])
        for action in effects.flatMap(link.perform) { _ = update(&state, action) }
        #expect(state.overlays.isEmpty)
        #expect(link.store.journal.entries.isEmpty)
        #expect(try onDisk().entries.map(\.id) == ["old", "spring", "plan", "new", "extra"])
    }

    @Test func aCommandRecordsItsBatchTheSameWay() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try prepare([note("a", "2026-11-01")])
        let store = try Store(location: DataLocation(path: folder))
        let saved = StoreAccess.record([.add(note(JournalEntry.newID, "2026-09-09")), .remove(id: "a")], in: store)
        store.close()
        #expect(saved.entries.count == 1 && saved.entries[0].id.count == 36)
        #expect(try onDisk().entries == saved.entries)
    }

    func press(_ key: Key, _ state: inout AppState) { _ = update(&state, .key(key)) }

    @Test func thePlansCalendarGoesToTheDataFolderAndSaysWhere() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try prepare()
        let (link, start) = try open()
        defer { link.store.close() }
        var state = start
        state.now = TimeReading(monotonic: 0, wallClock: 1_794_391_200, utcOffsetSeconds: 0)
        state.pane = .plan
        let effects = update(&state, .key(.char("e")))
        guard case .writeCalendar(let text, let events) = try #require(effects.first) else {
            Issue.record("no calendar effect: \(effects)")
            return
        }
        let actions = link.perform(.writeCalendar(text: text, events: events))
        let path = link.store.location.path + "/plan.ics"
        #expect(actions == [.notify(StorageNotice(
            title: "Calendar exported",
            text: "Wrote 28 plan days to \(path). Import it into your calendar app; exporting again updates the same events."))])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for action in actions { _ = update(&state, action) }
        #expect(view(state).text.contains("Calendar exported"))
    }
}
