import Foundation
import MagRelaxCore
import Testing

/// SIGKILL while the real binary saves: `magrelax rate` commands killed at random moments, and the
/// full-screen app killed while check-ins are being recorded as fast as keys arrive. After every kill
/// every file still reads, and every entry that was acknowledged (the command ended with 0, or the app
/// showed it) is there. Each takes 12–20 s, so they run with MAGRELAX_LONG_TESTS=1. The seed is
/// printed on failure; MAGRELAX_E2E_SEED replays one.
@Suite(.serialized)
struct KillDuringSavesTests {
    static var seed: UInt64 { ProcessInfo.processInfo.environment["MAGRELAX_E2E_SEED"].flatMap(UInt64.init) ?? 3 }

    /// For 12 s, each command records a check-in with its own note on one of the last 90 days (so saves
    /// touch many month files). The first five run to their end, to learn how long one takes; the
    /// others are killed between 40% and 110% of that after they start, around their save.
    @Test(.longTest) func killedCommandsLoseNoAcknowledgedCheckIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = try runMagrelax(["--data-dir", folder.path, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female",
                                   "--goal", "soreness"])
        try #require(set.status == 0, "\(set.err)")
        let binary = try magrelaxBinary()
        var rng = SplitMix64(seed: Self.seed)
        var acknowledged: [String] = []
        var killed = 0
        let began = Date()
        var round = 0
        var durations: [Double] = []
        while round < 150 && Date().timeIntervalSince(began) < 12 {
            round += 1
            let note = "kill test \(round)"
            let started = Date()
            let pid = try spawnProcess(binary, ["--data-dir", folder.path, "rate", "soreness=\(round % 5)", "--note", note,
                                         "--date", localDay(-Int.random(in: 0..<90, using: &rng))])
            if durations.count >= 5 {
                let typical = durations.sorted()[durations.count / 2]
                usleep(useconds_t(typical * Double.random(in: 0.4...1.1, using: &rng) * 1_000_000))
                kill(pid, SIGKILL)
            }
            let status = (try? waitStatus(pid)) ?? -1
            if durations.count < 5 { durations.append(Date().timeIntervalSince(started)) }
            switch status {
            case 0: acknowledged.append(note)
            case 128 + SIGKILL: killed += 1
            case let status: Issue.record("seed \(Self.seed), round \(round): rate ended with \(status)")
            }
            let problems = DataFolderCheck.filesProblems(folder)
            if !problems.isEmpty {
                Issue.record("seed \(Self.seed), round \(round): \(problems)")
                return
            }
            if round % 20 == 0 {
                let notes = Set(try DataFolderCheck.exportedEntries(folder).compactMap { $0["note"] as? String })
                let lost = acknowledged.filter { !notes.contains($0) }
                if !lost.isEmpty {
                    Issue.record("seed \(Self.seed), round \(round): acknowledged and lost: \(lost)")
                    return
                }
            }
        }
        let notes = Set(try DataFolderCheck.exportedEntries(folder).compactMap { $0["note"] as? String })
        #expect(acknowledged.allSatisfy(notes.contains), "seed \(Self.seed): lost \(acknowledged.filter { !notes.contains($0) })")
        // Both outcomes happened, or the test proved nothing.
        #expect(killed > 0 && !acknowledged.isEmpty, "seed \(Self.seed): \(killed) killed, \(acknowledged.count) acknowledged")
        print("kill test (commands): \(round) rounds, \(killed) killed, \(acknowledged.count) acknowledged in \(Int(Date().timeIntervalSince(began))) s;"
            + " a command takes \(Int(durations.sorted()[durations.count / 2] * 1000)) ms")
    }

    /// The number of today's check-ins the Symptoms pane shows, if it shows the day's footer.
    static func checkInsShown(_ screen: String) -> Int? {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: #"\d+ check-ins?\b"#, options: .regularExpression) else { continue }
            return Int(line[range].prefix { $0.isNumber })
        }
        return screen.contains("No check-in on this day") ? 0 : nil
    }

    /// The app in tmux records check-ins (c, a rating, Enter) as fast as the keys come, and is killed
    /// 50–600 ms later; then it starts again in a new window, 15 times. What it showed before the kill
    /// was saved before it was drawn, so every check-in it showed is on disk.
    @Test(.longTest) func aKilledAppLosesNoCheckInItShowed() throws {
        let s = try TmuxSession(width: 100, height: 40)
        s.deadline = 20
        var rng = SplitMix64(seed: Self.seed)
        var shown = 0
        for round in 0..<15 {
            let window = round == 0 ? nil : "r\(round)"
            if let window {
                try s.openWindow(window)
                let start = try s.waitFor(" 1 Symptoms", in: window)
                #expect(!start.contains("could not be read"), "seed \(Self.seed), round \(round):\n\(framed(start))")
            }
            let count = Int.random(in: 3...12, using: &rng)
            try s.send(keys: (0..<count).flatMap { _ in ["c", String(Int.random(in: 0...4, using: &rng)), "Enter"] }, to: window)
            usleep(useconds_t(Int.random(in: 50_000...600_000, using: &rng)))
            let before = try s.screen(in: window)
            let pid = try s.appPID(in: window)
            kill(pid, SIGKILL)
            // Killed, the app leaves the terminal raw: the shell's lines start where its cursor was.
            try s.waitUntil("the exit line", in: window) { $0.contains("EXIT:\(128 + SIGKILL)") }
            shown = max(shown, Self.checkInsShown(before) ?? 0)
            let problems = DataFolderCheck.filesProblems(s.dataDir)
            #expect(problems.isEmpty, "seed \(Self.seed), round \(round): \(problems)")
            let today = localDay(0)
            let saved = try DataFolderCheck.exportedEntries(s.dataDir).count { $0["type"] as? String == "symptoms" && $0["day"] as? String == today }
            #expect(saved >= shown, "seed \(Self.seed), round \(round): the app showed \(shown) check-ins, \(saved) saved; it showed:\n\(framed(before))")
            if !problems.isEmpty || saved < shown { return }
        }
        #expect(shown > 0, "seed \(Self.seed): no check-in was ever shown")
        print("kill test (app): \(shown) check-ins shown and saved")
    }
}
