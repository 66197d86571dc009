import Foundation
import Testing

/// The Plan pane and the plan commands with the real binary: ticks made on screen survive a restart
/// and `magrelax today` shows the same; `done` refuses what it cannot tick; the ICS export.
@Suite("End to end: the plan (tmux and commands)")
struct PlanEndToEndTests {
    /// A profile for tension around nerves, food only, whose plan started ten days ago (today is day 11, week 2).
    static func setProfile(_ folder: String) throws {
        let set = try runMagrelax([
            "--data-dir", folder, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female", "--goal",
            "nerve-tension", "--start-date", localDay(-10),
        ])
        #expect(set.status == 0, "\(set.err)")
    }

    @Test(.timeLimit(.minutes(1)))
    func ticksMadeOnScreenSurviveARestartAndTodayShowsThem() throws {
        let s = try TmuxSession(width: 80, height: 24, profile: false, prepare: { try Self.setProfile($0.path) })
        try s.send("2")
        try s.waitFor("Day 11 · Week 2: Add yoga and gentle stretching")
        try s.waitFor("0 of 5 done")
        try s.send("Enter")
        try s.waitFor("Space tick")
        try s.send("Space")
        try s.send("Down", "Space")
        try s.send("Escape")
        try s.waitFor("2 of 5 done")
        try s.send("q")
        #expect(try s.waitForExit() == 0)

        try s.openWindow("again")
        try s.waitFor(" 1 Symptoms", in: "again")
        try s.send("2", to: "again")
        let screen = try s.waitFor("2 of 5 done", in: "again")
        #expect(screen.contains("● Magnesium: food first"))
        #expect(screen.contains("● Drink water through the day"))
        #expect(screen.contains("○ Gentle yoga"))
        try s.send("q", to: "again")
        #expect(try s.waitForExit(in: "again") == 0)

        let today = try runMagrelax(["--data-dir", s.dataDir.path, "today"])
        #expect(today.status == 0, "\(today.err)")
        #expect(today.out.contains("Day 11 · Week 2: Add yoga and gentle stretching"))
        #expect(today.out.contains("[x] w2-magnesium "))
        #expect(today.out.contains("[x] w2-hydration "))
        #expect(today.out.contains("[ ] w2-yoga "))
        #expect(today.out.contains("2 of 5 done."))
    }

    @Test func doneTicksOnceAndRefusesWhatItCannotTick() throws {
        let dir = NSTemporaryDirectory() + "magrelax-plan-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.setProfile(dir)
        let ticked = try runMagrelax(["--data-dir", dir, "done", "yoga"])
        #expect(ticked.status == 0 && ticked.out.contains("Ticked on \(localDay(0)): Gentle yoga"), "\(ticked.err)")
        let again = try runMagrelax(["--data-dir", dir, "done", "w2-yoga"])
        #expect(again.status == 0 && again.out.contains("Already ticked"))
        let earlier = try runMagrelax(["--data-dir", dir, "done", "hydration", "--date", localDay(-9)])
        #expect(earlier.status == 0, "\(earlier.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("journal-") }
        let before = try files.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
        for (args, message) in [
            (["done", "dance"], "No task \"dance\" on \(localDay(0)); its tasks are: w2-magnesium, w2-hydration"),
            (["done", "yoga", "--date", localDay(-11)], "is not a day of your plan (your plan runs \(localDay(-10)) to"),
            (["done", "yoga", "--date", localDay(1)], "is in the future"),
            (["done", "yoga", "--date", "2026-02-30"], "--date must be a real day written YYYY-MM-DD"),
        ] {
            let refused = try runMagrelax(["--data-dir", dir] + args)
            #expect(refused.status != 0, "\(args)")
            #expect(refused.err.split(separator: "\n").count == 1 && refused.err.contains(message), "\(refused.err)")
        }
        #expect(try files.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) } == before, "nothing changed")
        let day2 = try runMagrelax(["--data-dir", dir, "today", "--date", localDay(-9)])
        #expect(day2.out.contains("Day 2 · Week 1") && day2.out.contains("[x] w1-hydration"))
        #expect(day2.out.contains("Tick one: magrelax done TASK --date \(localDay(-9))"))
    }

    @Test func theCalendarExportIsICSWithStableUIDs() throws {
        let dir = NSTemporaryDirectory() + "magrelax-ics-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.setProfile(dir)
        let file = dir + "/plan-export.ics"
        let written = try runMagrelax(["--data-dir", dir, "export", "--format", "ics", "--output", file])
        #expect(written.status == 0 && written.err.contains("exported 28 plan days to"), "\(written.err)")
        let first = try String(contentsOfFile: file, encoding: .utf8)
        let second = try runMagrelax(["--data-dir", dir, "export", "--format", "ics"]).out
        #expect(first.hasPrefix("BEGIN:VCALENDAR\r\n") && first.hasSuffix("END:VCALENDAR\r\n"))
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first).count == 28 && uids(first) == uids(second))
        #expect(uids(first).first == "UID:plan-\(localDay(-10))@magrelax")
        let noProfile = try runMagrelax(["--data-dir", dir + "-none", "export", "--format", "ics"])
        #expect(noProfile.status != 0)
    }
}
