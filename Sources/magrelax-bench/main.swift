// Storage benchmark (run in release: `swift run -c release magrelax-bench`).
// Builds a journal of 10 years of daily entries (symptoms, 5 foods, a supplement, 4 check-offs,
// a breathing session) and writes it. Then one fresh process measures the windowed load (the last
// 13 months, as the app opens), its peak memory and saves (one change; a batch in one month; a
// batch over two months and custom.json), and another the full load and its peak memory (VmHWM).
// Targets: full load < 150 ms, save < 20 ms, memory < 50 MB.
#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import MagRelaxBenchData
import MagRelaxCore
import MagRelaxStore

func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident memory of this process image. getrusage's ru_maxrss survives execve (and after a
/// posix_spawn it reports the parent's peak), so the child reads VmHWM, which starts fresh at exec;
/// ru_maxrss is the fallback when /proc is not there.
func maxRSSMegabytes() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kB = Double(line.split(separator: " ").dropFirst().first ?? "")
    {
        return kB / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func ms(_ x: Double) -> String { String(format: "%.2f ms", x * 1000) }

/// Opens the folder `runs` times with `window`; returns the load times and the last store.
func timedLoads(_ location: DataLocation, window: LoadWindow, runs: Int) throws -> ([Double], Store) {
    var loads: [Double] = []
    var store: Store?
    for _ in 0..<runs {
        // One store at a time, so the peak memory is one load's.
        store?.close()
        store = nil
        let t0 = seconds()
        store = try Store(location: location, window: window)
        loads.append(seconds() - t0)
    }
    return (loads, store!)
}

func report(_ what: String, _ times: [Double]) {
    print("\(what) (\(times.count) runs): median \(ms(median(times))), min \(ms(times.min()!)), max \(ms(times.max()!))")
}

/// Saves `batch(i)` for i in 0..<runs, as the app does: apply to its journal, then save what the batch touched.
func timedSaves(_ store: Store, _ journal: inout Journal, runs: Int, _ batch: (Int) -> [JournalChange]) throws -> [Double] {
    var times: [Double] = []
    for i in 0..<runs {
        var next = journal
        let touched = try next.apply(batch(i))
        let t0 = seconds()
        try store.save(next, touched: touched)
        times.append(seconds() - t0)
        journal = next
    }
    return times
}

let arguments = CommandLine.arguments
if arguments.count == 5 && arguments[1] == "--write-data" {
    // A data folder for the start-up benchmark (Benchmarks/ptybench.py): a profile whose plan began ten
    // days before the given day and, with "10y", ten years of daily entries ending that day.
    guard ["empty", "10y"].contains(arguments[2]), let through = CalendarDay(iso: arguments[4]) else {
        FileHandle.standardError.write(Data("usage: magrelax-bench --write-data empty|10y DIR YYYY-MM-DD\n".utf8))
        exit(2)
    }
    let store = try Store(location: DataLocation(path: arguments[3]))
    try store.setProfile(SampleJournal.profile(today: through))
    if arguments[2] == "10y" {
        let journal = SampleJournal.tenYears(through: through)
        try store.save(journal, touched: JournalTouch(months: Set(journal.months)))
        print("wrote \(journal.entries.count) entries, \(journal.months.first!) to \(journal.months.last!)")
    }
    store.close()
    exit(0)
}
if arguments.count == 4 && arguments[1] == "--measure" {
    // A fresh process per mode: only the store's own work counts towards memory.
    let location = DataLocation(path: arguments[3])
    let baseline = maxRSSMegabytes()
    if arguments[2] == "full" {
        let (loads, store) = try timedLoads(location, window: .all, runs: 5)
        print("full load: \(store.journal.entries.count) entries, \(store.loadedMonths.count) month files")
        report("full load", loads)
        print(String(format: "peak memory with the full journal (VmHWM): %.1f MB (%.1f MB before loading)", maxRSSMegabytes(), baseline))
        exit(0)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: location.path)
    let last = names.filter { $0.hasPrefix("journal-") }.max()!.dropFirst(8).prefix(7)
    let (loads, store) = try timedLoads(location, window: .recent(months: 13, through: String(last), also: []), runs: 5)
    print("windowed load: \(store.journal.entries.count) entries, \(store.loadedMonths.count) of \(store.monthsOnDisk.count) month files")
    report("windowed load, 13 months", loads)
    print(String(format: "peak memory with 13 months loaded (VmHWM): %.1f MB (%.1f MB before loading)", maxRSSMegabytes(), baseline))
    var journal = store.journal
    let lastDay = journal.entries.last!.day
    let earlier = lastDay.adding(days: -40)
    let one = try timedSaves(store, &journal, runs: 30) { i in
        [.add(JournalEntry(id: "one-\(i)", day: lastDay, kind: .note("benchmark change \(i)")))]
    }
    // Ending a breathing session: the session and the plan check-off, one month.
    let sameMonth = try timedSaves(store, &journal, runs: 30) { i in
        [
            .add(JournalEntry(id: "session-\(i)", day: lastDay, kind: .breathing(BreathingSession(
                patternID: "coherent", plannedSeconds: 300, actualSeconds: 300, cycles: 27)))),
            .add(JournalEntry(id: "check-\(i)", day: lastDay, kind: .checkOff(TaskCheckOff(
                goal: .backStiffness, week: 1, taskID: "breathing")))),
        ]
    }
    let threeFiles = try timedSaves(store, &journal, runs: 30) { i in
        [
            .add(JournalEntry(id: "late-\(i)", day: lastDay, kind: .note("x"))),
            .add(JournalEntry(id: "early-\(i)", day: earlier, kind: .note("y"))),
            .putCustomFood(Food(id: "my-bread", name: "My bread \(i)", category: .wholeGrains, serving: "1 slice",
                servingGrams: 40, mgPer100g: 80, kcalPer100g: nil, ndb: nil, source: "custom")),
        ]
    }
    // The CPU part of a save: encoding one month (the rest is the disk: fsync of the files and folder).
    let monthEntries = Array(journal.entries(inMonth: lastDay.monthKey))
    var encodes: [Double] = []
    for _ in 0..<10 {
        let t0 = seconds()
        _ = try Store.monthFileBytes(month: lastDay.monthKey, entries: monthEntries)
        encodes.append(seconds() - t0)
    }
    report("encode one month (\(monthEntries.count) entries)", encodes)
    report("save one change (1 file)", one)
    report("save a batch of 2 changes in one month (1 file)", sameMonth)
    report("save a batch over 2 months and custom.json (3 files)", threeFiles)
    exit(0)
}

let folder = NSTemporaryDirectory() + "magrelax-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: folder) }
let journal = SampleJournal.tenYears()
do {
    let store = try Store(location: DataLocation(path: folder))
    let t0 = seconds()
    try store.save(journal, touched: JournalTouch(months: Set(journal.months)))
    print("wrote \(journal.entries.count) entries over \(journal.months.count) month files in one save: \(ms(seconds() - t0))")
    store.close()
}
var onDisk = 0
for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("journal-") {
    onDisk += (try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0
}
print(String(format: "journal files: %.1f MB", Double(onDisk) / 1_048_576))
fflush(nil)
for mode in ["full", "window"] {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    child.arguments = ["--measure", mode, folder]
    try child.run()
    child.waitUntilExit()
    if child.terminationStatus != 0 { exit(child.terminationStatus) }
}
