import Foundation
import MagRelaxCore
import Testing

@testable import MagRelaxStore

@Suite("Store: damaged files")
struct DamagedFileTests {
    /// Writes two saves (so a backup exists), damages the month file, reopens.
    func reopenAfterDamaging(with text: String, keepBackups: Bool = true) throws -> (TestFolder, Store) {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location, now: { 1_795_000_000 }))
        try session.change(.add(note("a")))
        try session.change(.add(note("b")))
        session.store.close()
        if !keepBackups { try FileManager.default.removeItem(atPath: folder.file("backups")) }
        try folder.write("journal-2026-11.json", text)
        return (folder, try Store(location: folder.location, now: { 1_795_000_000 }))
    }

    @Test func truncatedFileIsMovedAsideAndTheBackupRestored() throws {
        let (folder, store) = try reopenAfterDamaging(with: "{\"schemaVersion\":1,\"month\":\"2026-11\",\n\"entries\":[{\"id\":\"a\"")
        let report = try #require(store.damage.first)
        #expect(report.file == "journal-2026-11.json")
        #expect(report.problem.kind == .truncated)
        #expect(report.problem.location == "line 2")
        #expect(report.movedTo == folder.path + "/damaged/journal-2026-11.json.damaged-20261118T110640Z")
        #expect(report.restoredFrom == "backups/journal-2026-11.json.1")
        // The backup held the state before the last save: entry "a".
        #expect(store.journal.entries.map(\.id) == ["a"])
        // The damaged copy is kept byte for byte; the restored file is readable again.
        #expect(folder.read("damaged/journal-2026-11.json.damaged-20261118T110640Z")?.hasSuffix("\"id\":\"a\"") == true)
        store.close()
        let again = try Store(location: folder.location)
        #expect(again.damage.isEmpty)
        #expect(again.journal.entries.map(\.id) == ["a"])
        #expect(report.description.contains("damaged copy is at"))
    }

    @Test func notJSONNamesLineAndColumn() throws {
        let (_, store) = try reopenAfterDamaging(with: "{\"schemaVersion\":1,\n  \"month\": oops}")
        let problem = try #require(store.damage.first?.problem)
        #expect(problem.kind == .notJSON)
        #expect(problem.location == "line 2, column 12")
    }

    @Test func emptyFileIsReported() throws {
        let (_, store) = try reopenAfterDamaging(with: "")
        #expect(store.damage.first?.problem.kind == .empty)
        #expect(store.damage.first?.restoredFrom != nil)
    }

    @Test func wrongShapeNamesTheField() throws {
        let text = """
            {"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":"x"},
            {"id":"b","day":"2026-13-02","type":"note","text":"y"}]}
            """
        let (_, store) = try reopenAfterDamaging(with: text)
        let problem = try #require(store.damage.first?.problem)
        #expect(problem.kind == .wrongShape)
        #expect(problem.location == "entries[1].day")
        #expect(problem.detail.contains("2026-13-02"))
    }

    @Test func missingFieldAndMissingVersionAreWrongShape() throws {
        let (_, store) = try reopenAfterDamaging(with: "{\"schemaVersion\":1,\"month\":\"2026-11\",\"entries\":[{\"id\":\"a\",\"type\":\"note\",\"text\":\"x\"}]}")
        #expect(store.damage.first?.problem.location == "entries[0].day")
        #expect(store.damage.first?.problem.detail == "missing")
        let (_, other) = try reopenAfterDamaging(with: "[1,2]")
        #expect(other.damage.first?.problem.location == "top level")
        let (_, third) = try reopenAfterDamaging(with: "{\"entries\":[]}")
        #expect(third.damage.first?.problem.location == "schemaVersion")
    }

    @Test func withoutABackupTheFileIsStillMovedAsideNeverOverwritten() throws {
        let (folder, store) = try reopenAfterDamaging(with: "garbage", keepBackups: false)
        let report = try #require(store.damage.first)
        #expect(report.restoredFrom == nil)
        #expect(report.description.contains("No readable backup"))
        #expect(store.journal.entries.isEmpty)
        #expect(!folder.list().contains("journal-2026-11.json"))
        #expect(folder.read("damaged/" + (report.movedTo! as NSString).lastPathComponent) == "garbage")
        // New entries for that month go into a fresh file; the damaged copy stays.
        try Session(store).change(.add(note("c")))
        #expect(folder.list("damaged").count == 1)
    }

    @Test func readOnlyOpenMovesNothingButShowsTheBackup() throws {
        let folder = TestFolder()
        let writer = Session(try Store(location: folder.location))
        try writer.change(.add(note("a")))
        try writer.change(.add(note("b")))
        try folder.write("journal-2026-11.json", "nope")
        let reader = try Store(location: folder.location, mode: .readOnly)
        #expect(reader.damage.first?.movedTo == nil)
        #expect(reader.journal.entries.map(\.id) == ["a"])
        #expect(folder.read("journal-2026-11.json") == "nope")
    }

    @Test func damagedProfileIsRestoredFromBackup() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        try store.setProfile(sampleProfile())
        var older = sampleProfile()
        older.ageYears = 36
        try store.setProfile(older)
        store.close()
        try folder.write("profile.json", "{\"schemaVersion\":1,\"profile\":{\"ageYears\":\"old\"}}")
        let reopened = try Store(location: folder.location)
        #expect(reopened.damage.first?.problem.location == "profile.ageYears")
        #expect(reopened.profile == sampleProfile())
    }
}

@Suite("Store: schema versions")
struct SchemaVersionTests {
    /// Version 1 as a test pretends it was: entries said "date" and "kind" where the current shape
    /// says "day" and "type". A registry with current = 2 and one step proves the mechanism.
    static let v1Month = """
        {"schemaVersion":1,"month":"2026-11","entries":[
          {"id":"a","date":"2026-11-02","kind":"note","text":"old shape"},
          {"id":"b","date":"2026-11-03","kind":"food","food":"almonds","servings":2}]}
        """
    static let registry = SchemaRegistry(current: 2, steps: [
        1: { kind, tree in
            guard kind == .month, let entries = tree["entries"] as? [[String: Any]] else { return }
            tree["entries"] = entries.map { old in
                var e = old
                e["day"] = e.removeValue(forKey: "date")
                e["type"] = e.removeValue(forKey: "kind")
                return e
            }
        }
    ])

    @Test func olderFileIsMigratedRewrittenAndTheOriginalKeptAsBackup() throws {
        let folder = TestFolder()
        try folder.write("journal-2026-11.json", Self.v1Month)
        let store = try Store(location: folder.location, registry: Self.registry)
        #expect(store.damage.isEmpty)
        #expect(store.journal.entries.map(\.id) == ["a", "b"])
        #expect(store.journal.entry(id: "b")?.kind == .food(FoodServing(foodID: "almonds", servings: 2)))
        #expect(folder.read("journal-2026-11.json")?.hasPrefix("{\"schemaVersion\":2,") == true)
        #expect(folder.read("backups/journal-2026-11.json.1") == Self.v1Month)
    }

    @Test func aMissingStepIsReportedNotGuessed() throws {
        let folder = TestFolder()
        try folder.write("journal-2026-11.json", Self.v1Month)
        let store = try Store(location: folder.location, registry: SchemaRegistry(current: 2))
        #expect(store.damage.first?.problem.detail == "no migration from schema version 1 to 2")
    }

    @Test func currentVersionOneFixtureLoads() throws {
        let folder = TestFolder()
        try folder.write("journal-2026-11.json", """
            {"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","time":"08:15:00","type":"symptoms","ratings":{"cramps":2}}]}
            """)
        let store = try Store(location: folder.location)
        #expect(store.journal.entries.first?.kind == .symptoms(["cramps": 2]))
        #expect(store.damage.isEmpty)
    }

    @Test func newerFileIsRefusedAndNeverRewritten() throws {
        let folder = TestFolder()
        let text = "{\"schemaVersion\":2,\"month\":\"2026-11\",\"entries\":[],\"future\":true}"
        try folder.write("journal-2026-11.json", text)
        let before = try FileManager.default.attributesOfItem(atPath: folder.file("journal-2026-11.json"))[.modificationDate]
        let error = storeError { _ = try Store(location: folder.location) }
        guard case .newerVersion(let file, let problem) = error else {
            Issue.record("a newer file was not refused: \(String(describing: error))")
            return
        }
        #expect(file == "journal-2026-11.json")
        #expect(problem.detail.contains("version 2, this magrelax reads up to 1"))
        #expect(error?.description.contains("left untouched") == true)
        #expect(folder.read("journal-2026-11.json") == text)
        let after = try FileManager.default.attributesOfItem(atPath: folder.file("journal-2026-11.json"))[.modificationDate]
        #expect(before as? Date == after as? Date)
        #expect(folder.list("damaged").isEmpty)
    }
}
