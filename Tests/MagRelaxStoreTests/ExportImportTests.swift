import Foundation
import MagRelaxCore
import PropertyBased
import Testing

@testable import MagRelaxStore

let catalogue: Catalogue = {
    do { return try Catalogue.embedded() } catch { fatalError("embedded catalogue: \(error)") }
}()

@Suite("Export and import")
struct ExportImportTests {
    @Test func csvQuotesCommasQuotesAndLineBreaks() {
        #expect(JournalCSV.quote("plain") == "plain")
        #expect(JournalCSV.quote("a,b") == "\"a,b\"")
        #expect(JournalCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(JournalCSV.quote("two\nlines") == "\"two\nlines\"")
        #expect(JournalCSV.quote("cr\r\nlf") == "\"cr\r\nlf\"")
    }

    @Test func csvHasAHeaderAndOneRowPerEntry() {
        let journal = Journal(entries: [
            JournalEntry(id: "1", day: day1, time: TimeOfDay(hour: 8, minute: 0), kind: .symptoms(["stiffness": 3, "cramps": 1])),
            JournalEntry(id: "2", day: day1, kind: .food(FoodServing(foodID: "almonds", servings: 1.5))),
            JournalEntry(id: "3", day: day1, kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: 200))),
            JournalEntry(id: "4", day: day1, kind: .checkOff(TaskCheckOff(goal: .backStiffness, week: 1, taskID: "hydrate"))),
            JournalEntry(id: "5", day: day1, kind: .breathing(BreathingSession(
                patternID: "box", plannedSeconds: 240, actualSeconds: 236.5, cycles: 15, tensionBefore: 6, tensionAfter: 3))),
            JournalEntry(id: "6", day: day1, kind: .note("tight, then \"better\"\nafter yoga")),
        ])
        let csv = JournalCSV.render(journal)
        #expect(csv == """
            id,date,time,type,item,amount,unit,details\r
            2,2026-11-02,,food,almonds,1.5,servings,\r
            3,2026-11-02,,supplement,glycinate,200,mg elemental,\r
            4,2026-11-02,,check-off,hydrate,,,goal=back-stiffness;week=1\r
            5,2026-11-02,,breathing,box,236.5,seconds,planned=240;cycles=15;tensionBefore=6;tensionAfter=3\r
            6,2026-11-02,,note,,,,"tight, then ""better""\nafter yoga"\r
            1,2026-11-02,08:00:00,symptoms,,,,cramps=1;stiffness=3\r

            """)
    }

    /// Parses RFC 4180 CSV back into rows, to check quoting on any text.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(c) }
        }
        return rows
    }

    @Test func csvRowsParseBackToTheirFields() async {
        await propertyCheck(count: 100, input: Arbitrary.journals) { journal in
            let rows = parseCSV(JournalCSV.render(journal))
            #expect(rows.count == journal.entries.count + 1)
            #expect(rows.first == JournalCSV.header)
            #expect(Array(rows.dropFirst()) == journal.entries.map(JournalCSV.fields))
        }
    }

    @Test func exportThenImportIntoAnotherFolderRestoresEverything() throws {
        let source = TestFolder()
        let session = Session(try Store(location: source.location))
        try session.store.setProfile(sampleProfile())
        try session.change(.add(note("a")), .add(note("b", CalendarDay(year: 2025, month: 1, day: 5)!)))
        let backup = try session.store.exportJSON()
        let target = TestFolder()
        let other = try Store(location: target.location)
        try Session(other).change(.add(note("old", CalendarDay(year: 2024, month: 3, day: 1)!)))
        try other.importBackup(backup, catalogue: catalogue)
        #expect(other.journal == session.journal)
        #expect(other.profile == sampleProfile())
        // The month that only the replaced data had is gone from disk too.
        #expect(!target.list().contains("journal-2024-03.json"))
        #expect(other.loadedMonths == ["2025-01", "2026-11"] && other.monthsOnDisk == ["2025-01", "2026-11"])
        other.close()
        #expect(try Store(location: target.location).journal == session.journal)
    }

    /// Import reads every month first: one that was outside the window, and damaged, is moved aside
    /// (not kept as a backup) before the import replaces it.
    @Test func importLoadsEveryMonthFirst() throws {
        let folder = TestFolder()
        let writer = Session(try Store(location: folder.location))
        try writer.change(.add(note("old", CalendarDay(year: 2024, month: 3, day: 1)!)))
        writer.store.close()
        try folder.write("journal-2024-03.json", "garbage")
        let store = try Store(location: folder.location, window: .recent(months: 1, through: "2026-11", also: []))
        let backup = try BackupDocument(schemaVersion: 1, profile: nil, journal: Journal(entries: [note("a")])).encoded()
        try store.importBackup(backup, catalogue: catalogue)
        #expect(store.damage.map(\.file) == ["journal-2024-03.json"])
        #expect(folder.list("damaged").count == 1)
        #expect(!folder.list().contains("journal-2024-03.json"))
        #expect(try Store(location: folder.location, mode: .readOnly).journal.entries.map(\.id) == ["a"])
    }

    /// The profile in a backup is checked as the profile form checks it, with the limit for the
    /// person's age: 110 mg of supplement a day at 4–8 years, 350 mg from 9 (iom-1997).
    @Test func importChecksTheSupplementLimitForTheAge() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        var child = sampleProfile()
        child.ageYears = 6
        child.doseMg = 200
        let backup = try BackupDocument(schemaVersion: 1, profile: child, journal: Journal()).encoded()
        let error = storeError { try store.importBackup(backup, catalogue: catalogue) }
        #expect(error?.description.contains("110 mg/day upper limit") == true, "\(String(describing: error))")
        child.ageYears = 9
        let older = try BackupDocument(schemaVersion: 1, profile: child, journal: Journal()).encoded()
        try store.importBackup(older, catalogue: catalogue)
        #expect(store.profile == child)
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("{\"schemaVersion\":1,\"format\":\"other\",\"journal\":{\"entries\":[]}}", "not a magrelax backup"),
        ("{\"schemaVersion\":9,\"format\":\"magrelax-backup\",\"journal\":{\"entries\":[]}}", "newer magrelax"),
        ("{\"schemaVersion\":1,\"format\":\"magrelax-backup\",\"journal\":{\"entries\":[{\"id\":\"x\",\"day\":\"2026-11-02\",\"type\":\"symptoms\",\"ratings\":{\"cramps\":9}}]}}", "must be 0–4"),
        ("{\"schemaVersion\":1,\"format\":\"magrelax-backup\",\"profile\":{\"ageYears\":300,\"sex\":\"male\",\"goal\":\"soreness\",\"planStart\":\"2026-11-02\"},\"journal\":{\"entries\":[]}}", "Age must be"),
        ("{\"schemaVersion\":1,\"format\":\"magrelax-backup\",\"journal\":{\"entries\":[{\"id\":\"x\",\"day\":\"2026-11-02\",\"type\":\"note\",\"text\":\"1\"},{\"id\":\"x\",\"day\":\"2026-11-03\",\"type\":\"note\",\"text\":\"2\"}]}}", "duplicate id"),
    ])
    func badImportChangesNothing(text: String, expected: String) throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        try store.setProfile(sampleProfile())
        try Session(store).change(.add(note("a")))
        let filesBefore = snapshot(folder)
        let journalBefore = store.journal
        let error = storeError { try store.importBackup(Data(text.utf8), catalogue: catalogue) }
        guard case .invalidImport(let reason) = error else {
            Issue.record("bad import: \(String(describing: error))")
            return
        }
        #expect(reason.contains(expected), "\(reason)")
        #expect(store.journal == journalBefore)
        #expect(store.profile == sampleProfile())
        #expect(snapshot(folder) == filesBefore)
    }
}
