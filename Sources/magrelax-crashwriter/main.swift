// Crash-test helper: appends journal entries and saves after each one, printing the id of every entry
// whose save returned. The crash test kills it with SIGKILL at random moments and checks the files.
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
let start = CalendarDay(year: 2026, month: 1, day: 1)!
var n = 0
while true {
    // Spread entries over three months so saves touch different files, with a note long enough to
    // make each write take a moment.
    let entry = JournalEntry(
        id: "\(arguments[2])-\(n)", day: start.adding(days: n % 90), time: TimeOfDay(secondsSinceMidnight: n % 86_400),
        kind: n % 2 == 0
            ? .note(String(repeating: "crash test line \(n) ", count: 20))
            : .food(FoodServing(foodID: "almonds", servings: Double(n % 5 + 1))))
    do {
        try store.apply(.add(entry))
    } catch {
        say("save failed: \(error)", fd: 2)
        exit(1)
    }
    say(entry.id)
    n += 1
}
