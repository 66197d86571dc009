// Crash-test helper: adds journal entries two at a time (one batch over two month files, saved as
// one), printing the ids of every batch whose save returned. The crash test kills it with SIGKILL
// at random moments and checks the files.
// Usage: magrelax-crashwriter <data-folder> <run-tag>
#if canImport(Glibc)
    import Glibc
#endif
import MagRelaxCore
import MagRelaxStore

/// One unbuffered write per line, so a line printed is a line the test sees even after SIGKILL.
func say(_ text: String, fd: Int32 = 1) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    say("usage: magrelax-crashwriter <data-folder> <run-tag>", fd: 2)
    exit(2)
}
let store: Store
do {
    store = try Store(location: DataLocation(path: arguments[1]))
} catch {
    say("open failed: \(error)", fd: 2)
    exit(1)
}
if !store.damage.isEmpty {
    say("damage: \(store.damage)", fd: 2)
    exit(3)
}
say("ready")
var journal = store.journal
let start = CalendarDay(year: 2026, month: 1, day: 1)!
var n = 0
while true {
    // Spread entries over three months so saves touch different files, with a note long enough to
    // make each write take a moment.
    let batch = (n..<n + 2).map { k in
        JournalEntry(
            id: "\(arguments[2])-\(k)", day: start.adding(days: (k * 31) % 90), time: TimeOfDay(secondsSinceMidnight: k % 86_400),
            kind: k % 2 == 0
                ? .note(String(repeating: "crash test line \(k) ", count: 20))
                : .food(FoodServing(foodID: "almonds", servings: Double(k % 5 + 1))))
    }
    do {
        var next = journal
        let touched = try next.apply(batch.map(JournalChange.add))
        try store.save(next, touched: touched)
        journal = next
    } catch {
        say("save failed: \(error)", fd: 2)
        exit(1)
    }
    for entry in batch { say(entry.id) }
    n += 2
}
