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

func on(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

func customFood(_ name: String = "My bread") -> Food {
    Food(
        id: "my-bread", name: name, category: .wholeGrains, serving: "1 slice", servingGrams: 40,
        mgPer100g: 80, kcalPer100g: nil, ndb: nil, source: "custom")
}

@Suite("Store: round trips and layout")
struct StoreRoundTripTests {
    @Test func anyJournalAndProfileSurviveSaveAndLoad() async throws {
        await propertyCheck(count: 60, input: Arbitrary.journals, Arbitrary.profiles) { journal, profile in
            let folder = TestFolder()
            let store = try Store(location: folder.location)
            try store.save(journal, touched: JournalTouch(months: Set(journal.months), custom: true))
            try store.setProfile(profile)
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
        let session = Session(try Store(location: folder.location))
        try session.store.setProfile(sampleProfile())
        try session.change(.add(note("a", day1)), .add(note("b", on("2026-12-01"))), .putCustomFood(customFood()))
        let files = folder.list().filter { $0.hasSuffix(".json") }
        #expect(files == ["custom.json", "journal-2026-11.json", "journal-2026-12.json", "profile.json"])
        for file in files {
            #expect(folder.read(file)?.hasPrefix("{\"schemaVersion\":1,") == true, "\(file)")
        }
        #expect(session.store.monthsOnDisk == ["2026-11", "2026-12"])
        // Removing the month's last entry removes its file (kept as a backup).
        try session.change(.remove(id: "b"))
        #expect(!folder.list().contains("journal-2026-12.json"))
        #expect(folder.list("backups").contains("journal-2026-12.json.1"))
        #expect(session.store.monthsOnDisk == ["2026-11"])
    }

    @Test func folderIs0700AndFiles0600() throws {
        let folder = TestFolder()
        let old = umask(0o022)
        defer { umask(old) }
        let session = Session(try Store(location: folder.location))
        try session.store.setProfile(sampleProfile())
        try session.change(.add(note("a")))
        try session.change(.add(note("b")))
        #expect(FileIO.mode(folder.path) == 0o700)
        for name in ["profile.json", "journal-2026-11.json", "magrelax.lock"] {
            #expect(FileIO.mode(folder.file(name)) == 0o600, "\(name)")
        }
        #expect(FileIO.mode(folder.file("backups")) == 0o700)
        #expect(FileIO.mode(folder.file("backups/journal-2026-11.json.1")) == 0o600)
    }

    @Test func keepsThreeGenerationsOfBackupsNewestFirst() throws {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        for i in 0..<5 { try session.change(.add(note("e\(i)"))) }
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
}

@Suite("Store: saves")
struct StoreSaveTests {
    @Test func aBatchWritesEachTouchedFileOnceWithOneBackupGeneration() throws {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        try session.change(.add(note("a")), .add(note("old", on("2026-10-05"))), .putCustomFood(customFood()))
        #expect(folder.list("backups").isEmpty)
        // Two changes to November, one to October and custom.json: each file is written once.
        try session.change(
            .add(note("b")), .add(note("c", on("2026-11-20"))), .update(note("old", on("2026-10-06"), "edited")),
            .putCustomFood(customFood("Renamed bread")))
        #expect(folder.list("backups") == ["custom.json.1", "journal-2026-10.json.1", "journal-2026-11.json.1"])
        let november = folder.read("backups/journal-2026-11.json.1") ?? ""
        #expect(november.contains("\"a\"") && !november.contains("\"b\""))
        session.store.close()
        let reopened = try Store(location: folder.location)
        #expect(reopened.journal == session.journal)
        #expect(reopened.journal.entries.map(\.id) == ["old", "a", "b", "c"])
    }

    /// Flushing later (as the screens do): the files are in place at once, readable by another
    /// reader, and the flush after them, a second flush and closing all succeed.
    @Test func aSaveFlushedLaterIsInPlaceAtOnce() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        store.flushesLater = true
        let session = Session(store)
        try session.change(.add(note("a")), .putCustomFood(customFood()))
        try session.change(.remove(id: "a"), .add(note("b", on("2026-10-05"))))
        #expect(try Store(location: folder.location, mode: .readOnly).journal == session.journal)
        // The November file the second save retired needs no flush; October and the folder do.
        #expect(!folder.list().contains("journal-2026-11.json"))
        try store.flush()
        try store.flush()
        store.close()
        #expect(try Store(location: folder.location).journal.entries.map(\.id) == ["b"])
    }

    @Test func aRefusedBatchSavesNothing() throws {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        try session.change(.add(note("a")))
        let before = snapshot(folder)
        #expect(throws: JournalChangeError.duplicateID("a")) { try session.change(.add(note("b")), .add(note("a"))) }
        #expect(session.journal.entries.map(\.id) == ["a"])
        // A touch naming no real month is refused too.
        let error = storeError { try session.store.save(session.journal, touched: JournalTouch(months: ["2026-1"])) }
        #expect(error?.description == "Could not save journal-2026-1.json: Invalid argument. Nothing was changed on disk.")
        #expect(snapshot(folder) == before)
    }

    @Test func updateMovingAnEntryToAnotherMonthRewritesBoth() throws {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        try session.change(.add(note("a")))
        try session.change(.add(note("b")))
        try session.change(.update(note("a", on("2026-10-31"), "edited")))
        session.store.close()
        let reopened = try Store(location: folder.location)
        #expect(reopened.journal.entries.map(\.id) == ["a", "b"])
        #expect(reopened.journal.entry(id: "a")?.kind == .note("edited"))
        #expect(folder.read("journal-2026-11.json")?.contains("\"a\"") == false)
    }

    /// Tests run as root, where chmod does not stop writes; replacing the data folder with a regular
    /// file makes every write fail (ENOTDIR) as a full or read-only disk would.
    @Test func aSaveIntoAMissingFolderFailsAndTheNextOneWorks() throws {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        try session.change(.add(note("a")))
        let aside = folder.path + "-aside"
        try FileManager.default.moveItem(atPath: folder.path, toPath: aside)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.path))
        let error = storeError { try session.change(.add(note("b"))) }
        guard case .saveFailed(let file, let failure) = error else {
            Issue.record("save into a non-folder: \(String(describing: error))")
            return
        }
        #expect(file == "journal-2026-11.json")
        #expect(failure.code == ENOTDIR)
        #expect(error?.description == "Could not save journal-2026-11.json: Not a directory. Nothing was changed on disk.")
        #expect(session.journal.entries.map(\.id) == ["a"])
        try FileManager.default.removeItem(atPath: folder.path)
        try FileManager.default.moveItem(atPath: aside, toPath: folder.path)
        try session.change(.add(note("c")))
        session.store.close()
        #expect(try Store(location: folder.location).journal.entries.map(\.id) == ["a", "c"])
    }

    /// A batch that creates September, empties October (its file is retired) and changes November
    /// and custom.json, failing at one step for one file: every data file stays byte for byte as it
    /// was, no temporary is left, and the store saves normally afterwards.
    @Test(arguments: [
        (Store.SaveStep.writeTemporary, "journal-2026-11.json"),
        (.writeTemporary, "custom.json"),
        (.rotateBackups, "journal-2026-11.json"),
        (.replace, "journal-2026-10.json"),
        (.replace, "journal-2026-11.json"),
        (.replace, "custom.json"),
    ])
    func aFailedSaveLeavesEveryFileAsItWas(step: Store.SaveStep, file: String) throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        let session = Session(store)
        try session.change(.add(note("oct", on("2026-10-05"))), .add(note("a")), .putCustomFood(customFood()))
        try session.change(.add(note("b")))
        let dataFiles = { snapshot(folder).filter { !$0.key.contains("/") && $0.key != "magrelax.lock" } }
        let before = dataFiles()
        let journalBefore = session.journal
        store.injectedFault = { s, name in s == step && name == file ? EIO : nil }
        let error = storeError {
            try session.change(
                .add(note("sep", on("2026-09-09"))), .remove(id: "oct"), .add(note("c")),
                .putCustomFood(customFood("Renamed")))
        }
        guard case .saveFailed(let failed, let failure) = error else {
            Issue.record("an injected failure: \(String(describing: error))")
            return
        }
        #expect(failed == file)
        #expect(failure.code == EIO)
        #expect(dataFiles() == before)
        #expect(session.journal == journalBefore)
        #expect(store.monthsOnDisk == ["2026-10", "2026-11"])
        store.injectedFault = nil
        try session.change(.add(note("sep", on("2026-09-09"))), .remove(id: "oct"), .add(note("c")))
        store.close()
        let reopened = try Store(location: folder.location)
        #expect(reopened.journal == session.journal)
        #expect(reopened.damage.isEmpty)
        #expect(!folder.list().contains { $0.hasPrefix(".tmp-") })
    }

    @Test func aMonthOnDiskThatWasNotLoadedIsNeverOverwritten() throws {
        let folder = TestFolder()
        let writer = Session(try Store(location: folder.location))
        try writer.change(.add(note("old", on("2025-01-10"))), .add(note("a")))
        writer.store.close()
        let store = try Store(location: folder.location, window: .recent(months: 1, through: "2026-11", also: []))
        let session = Session(store)
        let before = snapshot(folder)
        let error = storeError { try session.change(.add(note("late", on("2025-01-11"))), .add(note("b"))) }
        #expect(error == .monthNotLoaded("2025-01"))
        #expect(error?.description.contains("2025-01 were not loaded yet") == true)
        #expect(snapshot(folder) == before)
        // Loaded, the month saves with its old entries kept.
        try session.load(["2025-01"])
        try session.change(.add(note("late", on("2025-01-11"))), .add(note("b")))
        store.close()
        #expect(try Store(location: folder.location).journal.entries.map(\.id) == ["old", "late", "a", "b"])
    }

    @Test func readOnlySavesNothing() throws {
        let folder = TestFolder()
        let writer = Session(try Store(location: folder.location))
        try writer.change(.add(note("a")))
        let reader = try Store(location: folder.location, mode: .readOnly)
        var journal = reader.journal
        let touched = try journal.apply([.add(note("b"))])
        #expect(throws: StoreError.readOnly) { try reader.save(journal, touched: touched) }
        #expect(throws: StoreError.readOnly) { try reader.setProfile(sampleProfile()) }
        #expect(StoreError.readOnly.description.contains("cannot be saved"))
    }

    @Test func profileIsSavedAndLoaded() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        #expect(store.profile == nil)
        try store.setProfile(sampleProfile())
        store.injectedFault = { _, _ in ENOSPC }
        var older = sampleProfile()
        older.ageYears = 70
        #expect(throws: StoreError.self) { try store.setProfile(older) }
        #expect(store.profile == sampleProfile())
        store.close()
        #expect(try Store(location: folder.location).profile == sampleProfile())
    }

    @Test func planBlocksLiveInCustomJsonAndOlderFilesStillLoad() throws {
        let folder = TestFolder()
        // A custom.json from before plan blocks existed.
        try folder.write("custom.json", "{\"schemaVersion\":1,\"customFoods\":[],\"customPatterns\":[]}\n")
        let store = try Store(location: folder.location)
        #expect(store.journal.planBlocks.isEmpty)
        let session = Session(store)
        let block = PlanBlock.keepGoing(goal: .backStiffness, start: day1)
        try session.change(.putPlanBlock(block))
        #expect(folder.read("custom.json")?.contains("\"planBlocks\":[{") == true)
        #expect(try Store(location: folder.location, mode: .readOnly).journal.planBlocks == [block])
        #expect(try store.loadAll().planBlocks == [block])
        try session.change(.removePlanBlock(id: block.id))
        #expect(folder.read("custom.json")?.contains("planBlocks") == false, "an empty list is not written")
    }
}

@Suite("Store: loading a window of months")
struct StoreWindowTests {
    /// Months from 2025-01 to 2026-12 (some missing), custom foods and a profile.
    func tenMonths() throws -> TestFolder {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        try session.store.setProfile(sampleProfile())
        let months = ["2025-01", "2025-06", "2025-10", "2025-11", "2026-01", "2026-10", "2026-11", "2026-12"]
        try session.change(.putCustomFood(customFood()))
        for month in months {
            // Two saves per month, so every month has a backup.
            try session.change(.add(note("\(month)-a", on(month + "-03"))))
            try session.change(.add(note("\(month)-b", on(month + "-04"))))
        }
        session.store.close()
        return folder
    }

    let window = LoadWindow.recent(months: 13, through: "2026-11", also: ["2025-01"])

    @Test func onlyTheWindowIsRead() throws {
        let folder = try tenMonths()
        let store = try Store(location: folder.location, window: window)
        #expect(store.loadedMonths == ["2025-01", "2025-11", "2026-01", "2026-10", "2026-11"])
        #expect(store.monthsOnDisk == ["2025-01", "2025-06", "2025-10", "2025-11", "2026-01", "2026-10", "2026-11", "2026-12"])
        #expect(store.journal.months == ["2025-01", "2025-11", "2026-01", "2026-10", "2026-11"])
        #expect(store.journal.customFoods == [customFood()])
        #expect(store.profile == sampleProfile())
        let none = try Store(location: folder.location, mode: .readOnly, window: .recent(months: 0, through: "2026-11", also: []))
        #expect(none.loadedMonths.isEmpty && none.journal.entries.isEmpty)
    }

    @Test func aBadWindowIsRefused() {
        let folder = TestFolder()
        #expect(throws: StoreError.invalidWindow("\"2026-13\" is not a month (YYYY-MM)")) {
            _ = try Store(location: folder.location, window: .recent(months: 13, through: "2026-13", also: []))
        }
        #expect(throws: StoreError.invalidWindow("-1 months")) {
            _ = try Store(location: folder.location, window: .recent(months: -1, through: "2026-11", also: []))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func loadMonthsReturnsOnlyWhatWasNotLoaded() throws {
        let folder = try tenMonths()
        let store = try Store(location: folder.location, window: window)
        let session = Session(store)
        let older = try store.loadMonths(["2025-06", "2025-11", "2024-02"])
        #expect(older.map(\.id) == ["2025-06-a", "2025-06-b"])
        session.journal.merge(older)
        #expect(store.loadedMonths.contains("2025-06") && !store.loadedMonths.contains("2024-02"))
        #expect(try store.loadMonths(["2025-06"]).isEmpty)
        #expect(session.journal == store.journal)
    }

    @Test func loadAllEqualsAFullLoadEvenAfterSaves() throws {
        let folder = try tenMonths()
        let store = try Store(location: folder.location, window: window)
        let session = Session(store)
        try session.change(.add(note("new")), .remove(id: "2026-10-a"), .putCustomFood(customFood("Changed")))
        let whole = try store.loadAll()
        #expect(store.loadedMonths == store.monthsOnDisk)
        let full = try Store(location: folder.location, mode: .readOnly)
        #expect(whole == full.journal)
        #expect(whole.entry(id: "new") != nil && whole.entry(id: "2026-10-a") == nil && whole.entry(id: "2025-06-a") != nil)
        #expect(whole.customFoods == [customFood("Changed")])
        #expect(try store.exportCSV() == JournalCSV.render(full.journal))
    }

    @Test func aDamagedOldMonthIsReportedOnlyWhenLoadedAndRepairedAsAtOpen() throws {
        let folder = try tenMonths()
        try folder.write("journal-2025-06.json", "{\"schemaVersion\":1,\"month\":\"2025-06\",\n\"entries\":[{\"id\":\"x\"")
        let store = try Store(location: folder.location, window: window, now: { 1_795_000_000 })
        #expect(store.damage.isEmpty)
        #expect(folder.read("journal-2025-06.json")?.hasSuffix("\"x\"") == true)
        let entries = try store.loadMonths(["2025-06"])
        let report = try #require(store.damage.first)
        #expect(report.file == "journal-2025-06.json")
        #expect(report.problem.kind == .truncated)
        #expect(report.movedTo == folder.path + "/damaged/journal-2025-06.json.damaged-20261118T110640Z")
        #expect(report.restoredFrom == "backups/journal-2025-06.json.1")
        // The backup held the month before its last save.
        #expect(entries.map(\.id) == ["2025-06-a"])
        #expect(folder.read("journal-2025-06.json") == folder.read("backups/journal-2025-06.json.1"))
        #expect(folder.read("damaged/journal-2025-06.json.damaged-20261118T110640Z")?.hasSuffix("\"x\"") == true)
    }

    @Test func anEntryFiledUnderAnOldMonthMovesToItsOwnMonthWhenLoaded() throws {
        let folder = try tenMonths()
        try folder.write("journal-2025-06.json", """
            {"schemaVersion":1,"month":"2025-06","entries":[{"id":"stray","day":"2026-11-05","type":"note","text":"x"},
            {"id":"2025-06-a","day":"2025-06-03","type":"note","text":"y"}]}
            """)
        let store = try Store(location: folder.location, window: window)
        let session = Session(store)
        try session.change(.add(note("new")))
        try session.load(["2025-06"])
        #expect(session.journal.entries(inMonth: "2026-11").map(\.id) == ["new", "2026-11-a", "2026-11-b", "stray"])
        #expect(folder.read("journal-2025-06.json")?.contains("stray") == false)
        #expect(folder.read("journal-2026-11.json")?.contains("stray") == true)
        #expect(folder.read("journal-2026-11.json")?.contains("\"new\"") == true)
        store.close()
        let full = try Store(location: folder.location)
        #expect(full.damage.isEmpty)
        for month in ["2025-06", "2026-11"] {
            #expect(full.journal.entries(inMonth: month) == session.journal.entries(inMonth: month))
        }
    }

    @Test func anOlderMonthLoadedLateIsMigratedAndRewritten() throws {
        let folder = TestFolder()
        try folder.write("journal-2025-01.json", SchemaVersionTests.v1Month.replacingOccurrences(of: "2026-11", with: "2025-01"))
        let store = try Store(
            location: folder.location, window: .recent(months: 13, through: "2026-11", also: []),
            registry: SchemaVersionTests.registry)
        #expect(store.journal.entries.isEmpty)
        #expect(try store.loadMonths(["2025-01"]).map(\.id) == ["a", "b"])
        #expect(folder.read("journal-2025-01.json")?.hasPrefix("{\"schemaVersion\":2,") == true)
        #expect(folder.read("backups/journal-2025-01.json.1")?.contains("\"date\"") == true)
    }
}
@Suite("Store: lock")
struct StoreLockTests {
    @Test func secondWriterIsToldWhoHoldsTheFolderAndCanOpenReadOnly() throws {
        let folder = TestFolder()
        let first = try Store(location: folder.location)
        try Session(first).change(.add(note("a")))
        let error = storeError { _ = try Store(location: folder.location) }
        #expect(error == .locked(folder: folder.path, pid: getpid()))
        #expect(error?.description.contains("held by another magrelax (pid \(getpid()))") == true)
        let reader = try Store(location: folder.location, mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(reader.lockHolder == getpid())
        #expect(reader.journal.entries.map(\.id) == ["a"])
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
