import Foundation
import Testing

/// The real binary in tmux: first start, the profile saved to disk, `p` from a pane, and a second
/// instance told that the folder is held.
@Suite("End to end: first start and profile (tmux)")
struct FirstStartTmuxTests {
    /// Polls until the file holds `text`.
    func waitForFile(_ url: URL, containing text: String) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let s = try? String(contentsOf: url, encoding: .utf8), s.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test(.timeLimit(.minutes(1)))
    func firstStartSavesTheProfileAndPReopensIt() throws {
        let s = try TmuxSession(profile: false, waitForStart: false)
        let welcome = try s.waitFor("Welcome to magrelax")
        #expect(welcome.contains("education, not medical advice"))
        try s.send("Enter")
        try s.waitFor("Your profile (first start)")
        try s.send("3", "5")
        for _ in 0..<20 { try s.send("Down") }
        try s.send("Enter")
        #expect(waitForFile(s.dataDir.appendingPathComponent("profile.json"), containing: "\"ageYears\":35"))
        try s.send("3", "p")
        try s.waitFor("Your profile")
        #expect(try !s.screen().contains("first start"))
        try s.send("Escape", "q")
        #expect(try s.waitForExit() == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: s.dataDir.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test(.timeLimit(.minutes(1)))
    func aSecondInstanceOpensReadOnlyAndSaysWhy() throws {
        let s = try TmuxSession(profile: false, waitForStart: false)
        try s.waitFor("Welcome to magrelax")
        try s.openWindow("second")
        // The notice wraps, so look for pieces of it.
        let second = try s.waitFor("(pid ", in: "second")
        #expect(second.contains("held by another magrelax"))
        #expect(second.contains("magrelax (read-only)"))
        try s.send("Enter", to: "second")
        try s.send("q", to: "second")
        #expect(try s.waitForExit(in: "second") == 0)
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aDamagedProfileIsReportedOnScreenAndRestoredFromItsBackup() throws {
        let s = try TmuxSession(profile: false, prepare: { folder in
            for age in ["35", "36"] {
                let set = try runMagrelax([
                    "--data-dir", folder.path, "profile", "set", "--accept-disclaimer", "--age", age, "--sex", "female",
                    "--goal", "soreness",
                ])
                #expect(set.status == 0, "\(set.err)")
            }
            try Data("{\"schemaVersion\":1,\"profile\":{\"ageYears\":".utf8).write(to: folder.appendingPathComponent("profile.json"))
        }, waitForStart: false)
        let screen = try s.waitFor("could not be read")
        #expect(screen.contains("profile.json"))
        #expect(screen.contains("cut off"))
        try s.send("Enter", "p")
        // The backup held the profile before the last change: age 35.
        try s.waitFor("Your profile")
        #expect(try s.screen().contains("35_"))
        try s.send("Escape", "q")
        #expect(try s.waitForExit() == 0)
        let damaged = try FileManager.default.contentsOfDirectory(atPath: s.dataDir.appendingPathComponent("damaged").path)
        #expect(damaged.count == 1 && damaged[0].hasPrefix("profile.json.damaged-"))
    }
}
