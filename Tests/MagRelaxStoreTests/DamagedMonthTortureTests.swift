import Foundation
import MagRelaxCore
import PropertyBased
import Testing

@testable import MagRelaxStore

/// Month files damaged in every way a disk, an editor or a bad copy can: each open reports the file,
/// moves the damaged bytes aside unchanged, restores the backup, and never crashes.
@Suite("Store: damaged month files, torture")
struct DamagedMonthTortureTests {
    static let month = "journal-2026-11.json"
    /// The README's long run (MAGRELAX_LONG_TESTS=1): the tests that take seconds of real time.
    static let longRun = ProcessInfo.processInfo.environment["MAGRELAX_LONG_TESTS"] == "1"

    /// A real month (one entry of every kind, then a note), saved twice so a backup of the first save exists.
    func savedMonth() throws -> (folder: TestFolder, bytes: Data, backupIDs: [String]) {
        var rng = Xoshiro(seed: (1, 2, 3, 4))
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location))
        let entries = EntryType.allCases.enumerated().map { index, type in
            var entry = Arbitrary.entry(&rng, type: type)
            entry.day = CalendarDay(year: 2026, month: 11, day: index + 1)!
            return entry
        }
        try session.change(entries.map(JournalChange.add))
        try session.change(.add(note("last")))
        session.store.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file(Self.month)))
        return (folder, bytes, entries.map(\.id).sorted())
    }

    /// Puts `damaged` in place of the month, opens the folder, and checks the outcome: the damage
    /// reported, the damaged bytes kept in damaged/ unchanged, the backup's entries loaded. Clears
    /// damaged/ afterwards so the next call starts alike. Returns the problem found.
    @discardableResult
    func open(_ folder: TestFolder, damaged: Data, expecting ids: [String],
              sourceLocation: SourceLocation = #_sourceLocation) throws -> FileProblem? {
        try damaged.write(to: URL(fileURLWithPath: folder.file(Self.month)))
        let store = try Store(location: folder.location, now: { 1_795_000_000 })
        defer { store.close() }
        guard let report = store.damage.first else { return nil }
        #expect(report.file == Self.month, sourceLocation: sourceLocation)
        #expect(report.restoredFrom == "backups/\(Self.month).1", sourceLocation: sourceLocation)
        let moved = try #require(report.movedTo, sourceLocation: sourceLocation)
        #expect(FileManager.default.contents(atPath: moved) == damaged, "the damaged copy differs", sourceLocation: sourceLocation)
        #expect(store.journal.entries.map(\.id).sorted() == ids, sourceLocation: sourceLocation)
        try FileManager.default.removeItem(atPath: folder.file("damaged"))
        return report.problem
    }

    /// Cut at every byte: each shorter file is damage (or, for a cut that leaves whole JSON, loads as it
    /// reads). Every byte takes half a minute, so the short run cuts at every 11th byte and the first and
    /// last 40; MAGRELAX_LONG_TESTS=1 (the README's long run) cuts at every one.
    @Test func aMonthCutAtEveryByte() throws {
        let (folder, bytes, ids) = try savedMonth()
        #expect(bytes.count > 500)
        for length in 0..<bytes.count where Self.longRun || length % 11 == 0 || length < 40 || length > bytes.count - 40 {
            let cut = bytes.prefix(length)
            let problem = try open(folder, damaged: Data(cut), expecting: ids)
            let wholeJSON = (try? JSONSerialization.jsonObject(with: Data(cut))) != nil
            #expect(problem != nil || wholeJSON, "a cut at byte \(length) was read as if whole")
        }
    }

    /// Damage that is still JSON: the wrong types, numbers out of range, nesting past any sensible depth.
    @Test(arguments: [
        #"{"schemaVersion":"1","month":"2026-11","entries":[]}"#,
        #"{"schemaVersion":1,"month":2026,"entries":[]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":{}}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":7,"day":"2026-11-02","type":"note","text":"x"}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":null}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"symptoms","ratings":{"cramps":"2"}}]}"#,
        #"{"schemaVersion":1e999,"month":"2026-11","entries":[]}"#,
        #"{"schemaVersion":99999999999999999999999999,"month":"2026-11","entries":[]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"symptoms","ratings":{"cramps":99999999999999999999}}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"symptoms","ratings":{"cramps":-1e308}}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"99999999-11-02","type":"note","text":"x"}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":"x"}]}{}"#,
    ])
    func jsonOfTheWrongShape(text: String) throws {
        let (folder, _, ids) = try savedMonth()
        let problem = try open(folder, damaged: Data(text.utf8), expecting: ids)
        #expect(problem != nil, "read as good: \(text)")
    }

    @Test(arguments: [1_000, 100_000])
    func deepNesting(depth: Int) throws {
        let (folder, _, ids) = try savedMonth()
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let inEntries = #"{"schemaVersion":1,"month":"2026-11","entries":["# + String(repeating: "[", count: depth)
        let objects = #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":"x","extra":"#
            + String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth) + "}]}"
        for text in [arrays, inEntries, objects] {
            #expect(try open(folder, damaged: Data(text.utf8), expecting: ids) != nil)
        }
    }

    /// Bytes that are not UTF-8 inside a string, a lone surrogate escape, a NUL, and a binary file.
    @Test func invalidUTF8AndBinary() throws {
        let (folder, bytes, ids) = try savedMonth()
        let head = Data(#"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":""#.utf8)
        let tail = Data(#""}]}"#.utf8)
        for inside in [Data([0xFF, 0xFE]), Data([0xC3]), Data([0xED, 0xA0, 0x80]), Data([0x00])] {
            #expect(try open(folder, damaged: head + inside + tail, expecting: ids) != nil)
        }
        var flipped = bytes
        flipped[flipped.count / 2] = 0xFF
        #expect(try open(folder, damaged: flipped, expecting: ids) != nil)
        var rng = Xoshiro(seed: (5, 6, 7, 8))
        let binary = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })
        #expect(try open(folder, damaged: binary, expecting: ids) != nil)
        // A lone surrogate is valid JSON syntax but no text: it is read (replaced) or refused, never a crash.
        _ = try open(folder, damaged: head + Data(#"\ud800"#.utf8) + tail, expecting: ids)
    }

    /// The newest backup damaged too: the next readable generation is restored, and the damaged backup
    /// is left where it is.
    @Test func aDamagedBackupFallsBackToAnOlderOne() throws {
        let folder = TestFolder()
        let session = Session(try Store(location: folder.location, now: { 1_795_000_000 }))
        for id in ["a", "b", "c"] { try session.change(.add(note(id))) }
        session.store.close()
        let backup = folder.file("backups/\(Self.month).1")
        try Data("{\"schemaVersion\":1,".utf8).write(to: URL(fileURLWithPath: backup))
        try Data("[".utf8).write(to: URL(fileURLWithPath: folder.file(Self.month)))
        let store = try Store(location: folder.location, now: { 1_795_000_000 })
        #expect(store.damage.first?.restoredFrom == "backups/\(Self.month).2")
        #expect(store.journal.entries.map(\.id) == ["a"])
        #expect(folder.read("backups/\(Self.month).1") == "{\"schemaVersion\":1,")
    }

    /// 50 MB: entries enough to fill it, cut off at the end; reported without reading forever (4 s).
    @Test(.enabled(if: longRun, "takes real time: set MAGRELAX_LONG_TESTS=1")) func aFiftyMegabyteMonthCutOff() throws {
        let (folder, _, ids) = try savedMonth()
        let entry = #"{"id":"n","day":"2026-11-02","type":"note","text":"\#(String(repeating: "x", count: 200))"},"#
        var text = #"{"schemaVersion":1,"month":"2026-11","entries":["#
        text += String(repeating: entry, count: 50_000_000 / entry.utf8.count)
        let started = Date()
        #expect(try open(folder, damaged: Data(text.utf8), expecting: ids)?.kind == .truncated)
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
