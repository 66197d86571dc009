import Foundation
import MagRelaxCore
import PropertyBased
import Testing

@testable import MagRelaxStore

let day1 = CalendarDay(year: 2026, month: 11, day: 2)!

func sampleProfile() -> Profile {
    Profile(
        ageYears: 35, sex: .female, medicines: [.protonPumpInhibitor], goal: .backStiffness, planStart: day1,
        supplementFormID: "glycinate", doseMg: 200, disclaimerAccepted: day1)
}

func note(_ id: String, _ day: CalendarDay = day1, _ text: String = "felt fine") -> JournalEntry {
    JournalEntry(id: id, day: day, time: TimeOfDay(hour: 9, minute: 30), kind: .note(text))
}

@Suite("Store: round trips and layout")
struct StoreRoundTripTests {
    @Test func anyJournalAndProfileSurviveSaveAndLoad() async throws {
        await propertyCheck(count: 60, input: Arbitrary.journals, Arbitrary.profiles) { journal, profile in
            let folder = TestFolder()
            let store = try Store(location: folder.location)
            let backup = try BackupDocument(schemaVersion: 1, profile: profile, journal: journal).encoded()
            try store.importBackup(backup, knownFormIDs: ["glycinate"])
            #expect(store.journal == journal)
            store.close()
            let reopened = try Store(location: folder.location)
            #expect(reopened.journal == journal)
            #expect(reopened.profile == profile)
            #expect(reopened.damage.isEmpty)
        }
    }

    @Test func anyJournalEncodesAndDecodesToItself() async throws {
        await propertyCheck(count: 200, input: Arbitrary.journals) { journal in
            let data = try JSONEncoder().encode(journal)
            #expect(try JSONDecoder().decode(Journal.self, from: data) == journal)
        }
    }

    @Test func anyProfileEncodesAndDecodesToItself() async throws {
        await propertyCheck(count: 200, input: Arbitrary.profiles) { profile in
            let data = try JSONEncoder().encode(profile)
            #expect(try JSONDecoder().decode(Profile.self, from: data) == profile)
        }
    }

    @Test func filesAreOnePerMonthWithSchemaVersionFirst() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        try store.setProfile(sampleProfile())
        try store.apply(.add(note("a", day1)))
        try store.apply(.add(note("b", CalendarDay(year: 2026, month: 12, day: 1)!)))
        try store.apply(.putCustomFood(Food(
            id: "my-bread", name: "My bread", category: .wholeGrains, serving: "1 slice", servingGrams: 40,
            mgPer100g: 80, kcalPer100g: nil, ndb: nil, source: "custom")))
        let files = folder.list().filter { $0.hasSuffix(".json") }
        #expect(files == ["custom.json", "journal-2026-11.json", "journal-2026-12.json", "profile.json"])
        for file in files {
            #expect(folder.read(file)?.hasPrefix("{\"schemaVersion\":1,") == true, "\(file)")
        }
        // Removing the month's last entry removes its file (kept as a backup).
        try store.apply(.remove(id: "b"))
        #expect(!folder.list().contains("journal-2026-12.json"))
        #expect(folder.list("backups").contains("journal-2026-12.json.1"))
    }

    @Test func folderIs0700AndFiles0600() throws {
        let folder = TestFolder()
        let old = umask(0o022)
        defer { umask(old) }
        let store = try Store(location: folder.location)
        try store.setProfile(sampleProfile())
        try store.apply(.add(note("a")))
        try store.apply(.add(note("b")))
        #expect(FileIO.mode(folder.path) == 0o700)
        for name in ["profile.json", "journal-2026-11.json", "magrelax.lock"] {
            #expect(FileIO.mode(folder.file(name)) == 0o600, "\(name)")
        }
        #expect(FileIO.mode(folder.file("backups")) == 0o700)
        #expect(FileIO.mode(folder.file("backups/journal-2026-11.json.1")) == 0o600)
    }

    @Test func keepsThreeGenerationsOfBackupsNewestFirst() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        for i in 0..<5 { try store.apply(.add(note("e\(i)"))) }
        #expect(folder.list("backups") == ["journal-2026-11.json.1", "journal-2026-11.json.2", "journal-2026-11.json.3"])
        // .1 holds the version before the last save: entries e0…e3.
        let newest = folder.read("backups/journal-2026-11.json.1") ?? ""
        #expect(newest.contains("\"e3\"") && !newest.contains("\"e4\""))
        let oldest = folder.read("backups/journal-2026-11.json.3") ?? ""
        #expect(oldest.contains("\"e1\"") && !oldest.contains("\"e2\""))
    }

    @Test func staleTemporaryFilesAreRemovedAtOpen() throws {
        let folder = TestFolder()
        try folder.write(".tmp-journal-2026-11.json-999", "{\"half")
        _ = try Store(location: folder.location)
        #expect(!folder.list().contains { $0.hasPrefix(".tmp-") })
    }

    @Test func dataLocationFollowsFlagThenXDGThenHome() {
        #expect(DataLocation.resolve(dataDir: "/d", environment: ["XDG_DATA_HOME": "/x"]).path == "/d")
        #expect(DataLocation.resolve(dataDir: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/x/magrelax")
        // A relative XDG_DATA_HOME is invalid per the spec and ignored.
        #expect(DataLocation.resolve(dataDir: nil, environment: ["XDG_DATA_HOME": "x", "HOME": "/h"]).path
            == "/h/.local/share/magrelax")
    }
}

@Suite("Store: changes and failed saves")
struct StoreChangeTests {
    @Test func invalidChangeIsRefusedAndChangesNothing() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        try store.apply(.add(note("a")))
        #expect(throws: StoreError.invalidChange(.duplicateID("a"))) { try store.apply(.add(note("a"))) }
        let bad = JournalEntry(id: "r", day: day1, kind: .symptoms(["cramps": 7]))
        #expect(throws: StoreError.self) { try store.apply(.add(bad)) }
        #expect(store.journal.entries.map(\.id) == ["a"])
    }

    @Test func updateMovingAnEntryToAnotherMonthRewritesBoth() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        try store.apply(.add(note("a")))
        try store.apply(.add(note("b")))
        try store.apply(.update(note("a", CalendarDay(year: 2026, month: 10, day: 31)!, "edited")))
        store.close()
        let reopened = try Store(location: folder.location)
        #expect(reopened.journal.entries.map(\.id) == ["a", "b"])
        #expect(reopened.journal.entry(id: "a")?.kind == .note("edited"))
        #expect(folder.read("journal-2026-11.json")?.contains("\"a\"") == false)
    }

    /// Tests run as root, where chmod does not stop writes; replacing the data folder with a regular
    /// file makes every write fail (ENOTDIR) as a full or read-only disk would.
    @Test func failedSaveKeepsTheChangeInMemoryAndRetriesLater() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        try store.apply(.add(note("a")))
        let aside = folder.path + "-aside"
        try FileManager.default.moveItem(atPath: folder.path, toPath: aside)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.path))
        let error = storeError { try store.apply(.add(note("b"))) }
        guard case .saveFailed(let file, let failure) = error else {
            Issue.record("save into a non-folder: \(String(describing: error))")
            return
        }
        #expect(file == "journal-2026-11.json")
        #expect(failure.code == ENOTDIR)
        #expect(error?.description.contains("kept") == true)
        #expect(store.journal.entries.map(\.id) == ["a", "b"])
        #expect(store.unsavedFiles == ["journal-2026-11.json"])
        // The disk comes back: the next save writes the kept change too.
        try FileManager.default.removeItem(atPath: folder.path)
        try FileManager.default.moveItem(atPath: aside, toPath: folder.path)
        try store.apply(.add(note("c")))
        #expect(store.unsavedFiles.isEmpty)
        store.close()
        #expect(try Store(location: folder.location).journal.entries.map(\.id) == ["a", "b", "c"])
    }

    @Test func profileIsSavedAndLoaded() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        #expect(store.profile == nil)
        try store.setProfile(sampleProfile())
        store.close()
        #expect(try Store(location: folder.location).profile == sampleProfile())
    }
}

@Suite("Store: lock")
struct StoreLockTests {
    @Test func secondWriterIsToldWhoHoldsTheFolderAndCanOpenReadOnly() throws {
        let folder = TestFolder()
        let first = try Store(location: folder.location)
        try first.apply(.add(note("a")))
        let error = storeError { _ = try Store(location: folder.location) }
        #expect(error == .locked(folder: folder.path, pid: getpid()))
        #expect(error?.description.contains("held by another magrelax (pid \(getpid()))") == true)
        let reader = try Store(location: folder.location, mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(reader.lockHolder == getpid())
        #expect(reader.journal.entries.map(\.id) == ["a"])
        #expect(throws: StoreError.readOnly) { try reader.apply(.add(note("b"))) }
        // Once the first closes, a writer can open.
        first.close()
        #expect(throws: Never.self) { _ = try Store(location: folder.location) }
    }

    @Test func lockHeldByAnotherProcessNamesItsPid() throws {
        let folder = TestFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        // flock(1) from util-linux holds the lock in a child process.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", "exec flock -x \(folder.file("magrelax.lock")) sh -c 'echo $$ > \(folder.file("magrelax.lock")); echo ok; read line'"]
        let out = Pipe()
        let input = Pipe()
        child.standardOutput = out
        child.standardInput = input
        try child.run()
        defer {
            // End of input ends `read`, then the holder exits.
            try? input.fileHandleForWriting.close()
            child.waitUntilExit()
        }
        _ = out.fileHandleForReading.availableData  // waits for "ok": the lock is held
        let error = storeError { _ = try Store(location: folder.location) }
        guard case .locked(_, let pid) = error else {
            Issue.record("got a lock held by another process: \(String(describing: error))")
            return
        }
        #expect(pid != nil && pid != getpid())
    }
}
