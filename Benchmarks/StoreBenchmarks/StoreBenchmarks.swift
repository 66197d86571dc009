// The journal's files in process, over ten years of entries (MagRelaxBenchData): one month file read
// by the fast reader and by Codable, the store opened with all ten years and with the window the app
// opens with, and one month saved (written, flushed and renamed, as every key that records does).
import Benchmark
import Foundation
import MagRelaxBenchData
import MagRelaxCore
import MagRelaxStore

/// A data folder of its own for each benchmark, holding the ten years and the profile.
final class DataFolder {
    static let today = CalendarDay(iso: "2026-11-23")!
    static let prefix = "magrelax-benchmarks-\(getpid())-"
    let location: DataLocation

    init() throws {
        let path = FileManager.default.temporaryDirectory.path + "/" + Self.prefix + UUID().uuidString
        location = DataLocation(path: path)
        let store = try Store(location: location)
        try store.setProfile(SampleJournal.profile(today: Self.today))
        let journal = SampleJournal.tenYears(through: Self.today)
        try store.save(journal, touched: JournalTouch(months: Set(journal.months)))
        store.close()
    }

    /// The bytes of a whole month's file (October: 31 days).
    func monthFile() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: location.path + "/journal-2026-10.json"))
    }

    func remove() { try? FileManager.default.removeItem(atPath: location.path) }

    /// Removes every folder this process made (a teardown has no hold on its setup's value).
    static func removeAll() {
        let temporary = FileManager.default.temporaryDirectory.path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: temporary + "/" + name)
        }
    }
}

/// A store open on a folder, and the journal the app would hand it.
final class OpenStore {
    let folder: DataFolder
    let store: Store
    var journal: Journal
    var saves = 0

    init() throws {
        folder = try DataFolder()
        store = try Store(location: folder.location)
        journal = store.journal
    }
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .mallocBytesCount],
        timeUnits: .microseconds, warmupIterations: 5, maxDuration: .seconds(2), maxIterations: 2_000)

    Benchmark("Decode a month, fast reader", configuration: configuration) { _, bytes in
        blackHole(MonthDecoding.fast(bytes)!)
    } setup: {
        let folder = try DataFolder()
        defer { folder.remove() }
        return [UInt8](try folder.monthFile())
    }

    Benchmark("Decode a month, Codable", configuration: configuration) { _, data in
        blackHole(MonthDecoding.codable(data)!)
    } setup: {
        let folder = try DataFolder()
        defer { folder.remove() }
        return try folder.monthFile()
    }

    for (name, window) in [
        ("Open the store, all 10 years", LoadWindow.all),
        // What the app reads before its first frame: this month and the one its two-week trend reaches into.
        ("Open the store, the app's start window", .recent(months: 1, through: "2026-11", also: ["2026-11"])),
    ] {
        Benchmark(name, configuration: configuration) { benchmark, folder in
            benchmark.startMeasurement()
            let store = try! Store(location: folder.location, window: window)
            benchmark.stopMeasurement()
            precondition(!store.journal.entries.isEmpty)
            store.close()
        } setup: {
            try DataFolder()
        } teardown: {
            DataFolder.removeAll()
        }
    }

    Benchmark("Save a month (one entry added or removed)", configuration: configuration) { benchmark, open in
        // Alternately adds a note to today and removes it, so the month keeps its size.
        let id = "benchmark-note"
        let change: JournalChange = open.saves % 2 == 0
            ? .add(JournalEntry(id: id, day: DataFolder.today, kind: .note("a note")))
            : .remove(id: id)
        var next = open.journal
        let touched = try! next.apply([change])
        benchmark.startMeasurement()
        try! open.store.save(next, touched: touched)
        benchmark.stopMeasurement()
        open.journal = next
        open.saves += 1
    } setup: {
        try OpenStore()
    } teardown: {
        DataFolder.removeAll()
    }
}
