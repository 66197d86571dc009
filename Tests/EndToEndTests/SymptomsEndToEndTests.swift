import Foundation
import Testing

/// The Symptoms pane in the real binary: a check-in that survives a restart, a red flag's notice, and
/// `magrelax rate` / `magrelax symptoms` on the same data.
@Suite("End to end: symptoms (tmux and the command line)")
struct SymptomsEndToEndTests {
    /// Every journal month file's text.
    func journal(_ folder: URL) throws -> String { try BreatheEndToEndTests().journalText(in: folder) }

    @Test(.timeLimit(.minutes(1)))
    func aCheckInOfThreeSymptomsIsThereAfterARestart() throws {
        let s = try TmuxSession(width: 80, height: 24)
        // The soreness goal's list: soreness, slow recovery, poor sleep, stress and anxiety.
        try s.waitFor("Muscle soreness")
        try s.send("c")
        try s.waitFor("Possible triggers")
        try s.send("2", "3", "1", "Enter")
        try s.waitFor("1 check-in")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        let saved = try journal(s.dataDir)
        #expect(saved.contains(#""ratings":{"poor-sleep":1,"slow-recovery":3,"soreness":2}"#), "\(saved)")

        try s.openWindow("again")
        let screen = try s.waitFor("1 check-in", in: "again")
        let row = { (name: String) in screen.split(separator: "\n").first { $0.contains(name) }.map(String.init) ?? "" }
        #expect(row("Muscle soreness").contains("moderate"), "\(framed(screen))")
        #expect(row("Slow recovery").contains("severe"))
        #expect(row("Poor sleep").contains("mild"))
        #expect(row("Stress and anxiety").contains("not rated"))
        try s.send("q", to: "again")
        #expect(try s.waitForExit(in: "again") == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func markingARedFlagShowsItsActionAndHoldsSupplements() throws {
        let s = try TmuxSession(width: 80, height: 24)
        try s.send("!")
        try s.waitFor("Red flag: a sign that needs a clinician")
        try s.type("/dark urine")
        try s.send("Enter", "Enter")
        let notice = try s.waitFor("Red flag: get medical help")
        #expect(notice.contains("Urgent: get a same-day medical appointment."))
        #expect(notice.contains("rhabdomyolysis"))
        try s.send("Enter")
        let pane = try s.waitForAbsence(of: "Red flag: get medical help")
        #expect(pane.contains("supplements held back through"))
        #expect(pane.contains("Red flag marked: Muscle pain with dark"))
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(try journal(s.dataDir).contains(#""flag":"muscle-dark-urine""#))
    }

    @Test(.timeLimit(.minutes(1)))
    func rateOnTheCommandLineThenThePaneShowsIt() throws {
        let s = try TmuxSession(width: 100, height: 30, prepare: { folder in
            let rated = try runMagrelax(["--data-dir", folder.path, "rate", "soreness=3", "poor-sleep=0", "--note", "desk day",
                                         "--trigger", "long-sitting"])
            #expect(rated.status == 0, "\(rated.err)")
            #expect(rated.out.contains("soreness 3 (severe)"))
            // The plan starts today: the ratings tick its task.
            #expect(rated.out.contains("Ticked in your plan: Rate your symptoms (baseline week)."), "\(rated.out)")
        })
        let screen = try s.waitFor("1 check-in")
        #expect(screen.split(separator: "\n").first { $0.contains("Muscle soreness") }?.contains("severe") == true, "\(framed(screen))")
        #expect(screen.contains("long sitting  \"desk day\""))
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    @Test func rateRefusesABadIdOrValueWithTheChoicesAndWritesNothing() throws {
        let dir = NSTemporaryDirectory() + "magrelax-rate-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try runMagrelax(["--data-dir", dir, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female", "--goal", "soreness"])
        for (args, message) in [
            (["sorenes=2"], "Unknown symptom \"sorenes\"; the symptoms are: soreness, stiffness, cramps"),
            (["soreness=2", "cramps=9"], "Rating for cramps must be a whole number 0-4"),
            (["soreness=2", "--trigger", "moon"], "the triggers are: long-sitting, hard-training"),
            (["soreness=2", "--date", "2999-01-01"], "is after today"),
        ] {
            let bad = try runMagrelax(["--data-dir", dir, "rate"] + args)
            #expect(bad.status != 0)
            #expect(bad.err.split(separator: "\n").count == 1 && bad.err.contains(message), "\(bad.err)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!files.contains { $0.hasPrefix("journal-") }, "\(files)")

        #expect(try runMagrelax(["--data-dir", dir, "rate", "soreness=1", "--date", "2026-11-02"]).status == 0)
        let printed = try runMagrelax(["--data-dir", dir, "symptoms", "--days", "3"])
        #expect(printed.status == 0, "\(printed.err)")
        #expect(printed.out.contains("Muscle soreness") && printed.out.contains("Red flags in the last 14 days: none."))
        #expect(printed.out.contains("Before and after") && printed.out.contains("Plan tasks done"))
        #expect(printed.out.contains("not a diagnosis"))
        #expect(try runMagrelax(["--data-dir", dir, "symptoms", "--days", "40"]).status != 0)
    }
}
