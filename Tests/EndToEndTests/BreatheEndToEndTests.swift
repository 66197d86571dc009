import Foundation
import Testing

/// A box-breathing session in the real binary: phases on time against a clock, pause and resume, the
/// end, the summary saved, and the session found in the journal files.
@Suite(.serialized)
struct BreatheEndToEndTests {
    /// Seconds since `start` when `text` first shows (polled every 50 ms).
    func secondsUntil(_ text: String, in s: TmuxSession, since start: Date) throws -> Double {
        try s.waitFor(text)
        return Date().timeIntervalSince(start)
    }

    @Test(.longTest) func boxBreathingOnTimeThenSavedToTheJournal() throws {
        let s = try TmuxSession(width: 80, height: 24)
        s.deadline = 40
        try s.send("4")
        try s.waitFor("Breathing patterns")
        try s.send("Down", "Enter")
        try s.waitFor("Length")
        // One breath: switch the length to breaths (m), then down to 1.
        try s.send("m")
        for _ in 0..<12 { try s.send("Left") }
        try s.waitFor("‹ 1 breath ›")

        let start = Date()
        try s.send("Enter")
        try s.waitFor("G E T   R E A D Y")
        // Due at 3 s (after the countdown) and 7 s (after a 4 s in-breath); the screen is polled, so
        // allow for the poll and the machine, but never early.
        let inhale = try secondsUntil("I N H A L E", in: s, since: start)
        #expect(inhale >= 2.95 && inhale < 4, "Inhale showed at \(inhale) s")
        let hold = try secondsUntil("H O L D", in: s, since: start)
        #expect(hold >= 6.95 && hold < 8, "Hold showed at \(hold) s")

        try s.send("Space")
        let paused = try s.waitFor("P A U S E D")
        Thread.sleep(forTimeInterval: 2)
        #expect(try s.screen() == paused, "the paused screen changed")
        try s.send("Space")
        try s.waitForAbsence(of: "P A U S E D")
        try s.waitFor("E X H A L E")

        try s.waitFor("Session complete")
        let summary = try s.screen()
        #expect(summary.contains("1 of 1 breath"), "\(framed(summary))")
        try s.send("Enter")
        try s.waitFor("This week: 1 session")
        try s.send("q")
        #expect(try s.waitForExit() == 0)

        let saved = try journalText(in: s.dataDir)
        #expect(saved.contains("\"breathing\"") && saved.contains("\"box\""), "journal files:\n\(saved)")
    }

    @Test(.longTest) func breatheCommandOpensStraightIntoASessionAndEndsInThePane() throws {
        let s = try TmuxSession(width: 80, height: 24, arguments: ["breathe", "nadi-shodhana", "--cycles", "1", "--bell"])
        s.deadline = 30
        try s.waitFor("G E T   R E A D Y")
        try s.waitFor("◀ LEFT nostril")
        try s.waitFor("RIGHT nostril ▶")
        try s.waitFor("Session complete")
        try s.send("Enter")
        try s.waitFor("Breathing patterns")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(try journalText(in: s.dataDir).contains("\"nadi-shodhana\""))
    }

    @Test func breatheListAndBadPattern() throws {
        let list = try runMagrelax(["breathe", "--list"])
        #expect(list.status == 0)
        let ids = list.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(ids == ["diaphragmatic", "box", "4-7-8", "coherent", "nadi-shodhana", "bhramari", "ujjayi"])
        let both = try runMagrelax(["breathe", "box", "--minutes", "3", "--cycles", "4"])
        #expect(both.status != 0 && both.err.contains("not both"))
    }

    /// The cost of a running session at 80×24, measured on the real binary: CPU time from
    /// /proc/<pid>/stat and the bytes sent to the terminal (tmux pipe-pane into a file), over 20 s of
    /// Nadi Shodhana (no holds: the bar always moves, and the nostril label changes every 4 s).
    /// Targets (issue 4): under 2% of one core and under 400 bytes a second.
    @Test(.longTest) func aSessionCostsLittleCPUAndFewBytes() throws {
        let s = try TmuxSession(width: 80, height: 24, arguments: ["breathe", "nadi-shodhana", "--cycles", "10"])
        try s.waitFor("I N H A L E")
        let pid = try s.appPID()
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        func cpuSeconds() throws -> Double { Double(try #require(processCPUTicks(pid))) / ticks }
        let bytesFile = s.scratch.appendingPathComponent("bytes.out").path
        try s.tmuxCommand(["pipe-pane", "-o", "cat > \(shellQuoted(bytesFile))"])
        let cpu0 = try cpuSeconds()
        let t0 = Date()
        Thread.sleep(forTimeInterval: 20)
        let cpu = try cpuSeconds() - cpu0
        let wall = Date().timeIntervalSince(t0)
        try s.tmuxCommand(["pipe-pane"])
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: bytesFile)[.size] as? Int) ?? 0)
        let cpuPercent = 100 * cpu / wall
        let bytesPerSecond = bytes / wall
        print("breathe session at 80x24: \(cpuPercent)% of one core, \(bytesPerSecond) bytes/s over \(wall) s")
        // The 2% target is measured on a release build (README); this debug build on a shared,
        // noisy machine only guards against a busy loop.
        #expect(cpuPercent < 10, "CPU \(cpuPercent)%")
        #expect(bytesPerSecond < 400 && bytes > 0, "\(bytesPerSecond) bytes/s")
    }

    /// Every JSON file under the data folder, concatenated.
    func journalText(in folder: URL) throws -> String {
        var text = ""
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            if url.pathExtension == "json", !url.lastPathComponent.hasPrefix("profile") {
                text += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            }
        }
        return text
    }
}
