// Storage benchmark (run in release: `swift run -c release magrelax-bench`).
// Builds a journal of 10 years of daily entries (symptoms, 5 foods, a supplement, 4 check-offs,
// a breathing session), writes it, then in a fresh process measures load, one save after a change,
// and peak memory (VmHWM). Targets: load < 150 ms, save < 20 ms, memory < 50 MB.
#if canImport(Glibc)
    import Glibc
#endif
import Foundation
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

func tenYears() -> Journal {
    let first = CalendarDay(year: 2016, month: 1, day: 1)!
    let foods = ["pumpkin_seeds", "almonds", "spinach_cooked", "black_beans_cooked", "dark_chocolate"]
    let tasks = ["magnesium", "hydration", "yoga", "breathing"]
    var entries: [JournalEntry] = []
    func id() -> String { UUID().uuidString }
    for d in 0..<3653 {
        let day = first.adding(days: d)
        let t = { (s: Int) in TimeOfDay(secondsSinceMidnight: s)! }
        entries.append(
            JournalEntry(
                id: id(), day: day, time: t(8 * 3600),
                kind: .symptoms(["soreness": d % 5, "cramps": (d + 1) % 5, "stiffness": (d + 2) % 5, "tension-headache": d % 3, "poor-sleep": d % 4])))
        for (i, food) in foods.enumerated() {
            entries.append(
                JournalEntry(
                    id: id(), day: day, time: t(12 * 3600 + i * 60), kind: .food(FoodServing(foodID: food, servings: Double(i % 3 + 1)))))
        }
        entries.append(
            JournalEntry(
                id: id(), day: day, time: t(20 * 3600), kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: 200))))
        for (i, task) in tasks.enumerated() {
            entries.append(
                JournalEntry(
                    id: id(), day: day, time: t(21 * 3600 + i),
                    kind: .checkOff(TaskCheckOff(goal: .backStiffness, week: (d / 7) % 4 + 1, taskID: task))))
        }
        entries.append(
            JournalEntry(
                id: id(), day: day, time: t(22 * 3600),
                kind: .breathing(
                    BreathingSession(
                        patternID: "coherent", plannedSeconds: 600, actualSeconds: 598.4, cycles: 54, tensionBefore: 6,
                        tensionAfter: 3))))
    }
    return Journal(entries: entries)
}

let arguments = CommandLine.arguments
if arguments.count == 3 && arguments[1] == "--measure" {
    // Fresh process: only the store's own work counts towards memory.
    let location = DataLocation(path: arguments[2])
    let baseline = maxRSSMegabytes()
    var loads: [Double] = []
    var entryCount = 0
    for _ in 0..<5 {
        let t0 = seconds()
        let store = try Store(location: location)
        loads.append(seconds() - t0)
        entryCount = store.journal.entries.count
        if loads.count == 1 { print(String(format: "memory: %.1f MB before loading, %.1f MB after the first load", baseline, maxRSSMegabytes())) }
        store.close()
    }
    let store = try Store(location: location)
    let lastDay = store.journal.entries.last!.day
    var saves: [Double] = []
    for i in 0..<30 {
        let entry = JournalEntry(id: "bench-\(i)", day: lastDay, kind: .note("benchmark change \(i)"))
        let t0 = seconds()
        try store.apply(.add(entry))
        saves.append(seconds() - t0)
    }
    // The CPU part of a save: encoding one month (the rest is the disk: fsync of the file and folder).
    let monthEntries = Array(store.journal.entries(inMonth: lastDay.monthKey))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var encodes: [Double] = []
    for _ in 0..<10 {
        let t0 = seconds()
        _ = try encoder.encode(monthEntries)
        encodes.append(seconds() - t0)
    }
    print("entries loaded: \(entryCount)")
    print("encode one month (\(monthEntries.count) entries, 10 runs): median \(ms(median(encodes)))")
    print("load (5 runs): median \(ms(median(loads))), min \(ms(loads.min()!)), max \(ms(loads.max()!))")
    print("save one change (30 runs): median \(ms(median(saves))), min \(ms(saves.min()!)), max \(ms(saves.max()!))")
    print(String(format: "peak memory (VmHWM, whole process): %.1f MB", maxRSSMegabytes()))
    exit(0)
}

let folder = NSTemporaryDirectory() + "magrelax-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: folder) }
let journal = tenYears()
do {
    let store = try Store(location: DataLocation(path: folder))
    let backup = try JSONEncoder().encode(BackupDocument(schemaVersion: 1, profile: nil, journal: journal))
    let t0 = seconds()
    try store.importBackup(backup, knownFormIDs: [])
    print("wrote \(journal.entries.count) entries over \(journal.months.count) month files in \(ms(seconds() - t0))")
    store.close()
}
var onDisk = 0
for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("journal-") {
    onDisk += (try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0
}
print(String(format: "journal files: %.1f MB", Double(onDisk) / 1_048_576))
let child = Process()
child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
child.arguments = ["--measure", folder]
try child.run()
child.waitUntilExit()
exit(child.terminationStatus)
