import Foundation
import Testing

/// The real binary in tmux: start, switch panes, resize, quit, signals; and start-up without a terminal.
/// One at a time: each test drives a process in a terminal, and the machine is small.
@Suite(.serialized)
struct AppLifecycleTests {
    @Test func startsWithTheTabBarOnTheAlternateScreen() throws {
        let s = try TmuxSession(width: 100, height: 30)
        let screen = try s.waitFor(" 4 Breathe")
        for tab in [" 1 Symptoms", " 2 Plan", " 3 Food", " 4 Breathe"] {
            #expect(screen.contains(tab), "tab \(tab) missing:\n\(framed(screen))")
        }
        #expect(try s.alternateScreenOn())
    }

    @Test func numberKeysSwitchPanes() throws {
        let s = try TmuxSession()
        // The help overlay is titled with the current pane: a visible sign of which tab is active.
        for (key, title) in [("2", "Plan"), ("3", "Food"), ("4", "Breathe"), ("1", "Symptoms")] {
            try s.send(key)
            try s.send("?")
            try s.waitFor("Help: \(title)")
            try s.send("Escape")
            try s.waitForAbsence(of: "Help: \(title)")
        }
    }

    /// A key sequence the terminal description does not know (here End as Esc [ 4 ~, arriving in one
    /// write) is dropped whole: it must not read as Esc, then "4" switching to the Breathe pane.
    @Test func anUnknownKeySequenceIsDroppedWhole() throws {
        let s = try TmuxSession()
        try s.send("2")
        try s.send("?")
        try s.waitFor("Help: Plan")
        try s.tmuxCommand(["send-keys", "-H", "1b", "5b", "34", "7e"])
        try s.tmuxCommand(["send-keys", "-H", "1b", "4f", "46"])
        // The help is still open (no Esc reached it) and still the Plan's (no digit switched panes).
        try s.send("j")
        let screen = try s.waitFor("Help: Plan")
        #expect(screen.contains("Help: Plan"))
        try s.send("Escape")
        try s.waitForAbsence(of: "Help: Plan")
        try s.send("?")
        try s.waitFor("Help: Plan")
    }

    @Test func resizingRelaysOutAndRecovers() throws {
        let s = try TmuxSession(width: 100, height: 30)
        try s.resize(width: 60, height: 20)
        // The title sits at the right edge, so its column shows the new width took effect.
        try s.waitUntil("the tab bar laid out for 60 columns") { screen in
            let top = screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            return top.hasSuffix("magrelax") && top.count == 59
        }
        try s.resize(width: 40, height: 12)
        try s.waitFor("Terminal too small")
        try s.waitFor("40×12")
        try s.resize(width: 140, height: 45)
        try s.waitUntil("the tab bar laid out for 140 columns") { screen in
            let top = screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            return top.hasSuffix("magrelax") && top.count == 139
        }
        #expect(!(try s.screen()).contains("too small"))
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    @Test func qQuitsAndRestoresTheTerminal() throws {
        let s = try TmuxSession()
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(try !s.alternateScreenOn())
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func quitSignalsRestoreTheTerminal(sig: Int32) throws {
        let s = try TmuxSession()
        try s.signal(sig)
        // Ended by the signal's default action after restoring: the shell reports 128 + signal.
        #expect(try s.waitForExit() == 128 + sig)
        #expect(try !s.alternateScreenOn())
    }

    @Test func ctrlCQuits() throws {
        let s = try TmuxSession()
        try s.send("C-c")
        #expect(try s.waitForExit() == 128 + SIGINT)
        #expect(try !s.alternateScreenOn())
    }

    @Test(arguments: [SIGSEGV, SIGABRT, SIGILL])
    func aCrashRestoresTheTerminal(sig: Int32) throws {
        let s = try TmuxSession()
        try s.signal(sig)
        #expect(try s.waitForExit() == 128 + sig)
        #expect(try !s.alternateScreenOn())
    }

    @Test func asciiLocaleDrawsOnlyASCII() throws {
        let s = try TmuxSession(environment: ["LANG": "C"])
        let screen = try s.waitFor(" 4 Breathe")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII on the screen:\n\(framed(screen))")
    }

    /// 8 colours (64 pairs, fewer than the combinations), no colours, and NO_COLOR: every pane draws.
    @Test(arguments: [["TERM": "xterm"], ["TERM": "vt100"], ["TERM": "screen"], ["NO_COLOR": "1"]])
    func fewerColoursStillDrawEveryPane(environment: [String: String]) throws {
        let s = try TmuxSession(environment: environment)
        for (key, title) in [("2", "Plan"), ("3", "Food"), ("4", "Breathe")] {
            try s.send(key, "?")
            try s.waitFor("Help: \(title)")
            try s.send("Escape")
            try s.waitForAbsence(of: "Help: \(title)")
        }
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    @Test func withoutATerminalItSaysSoInOneLine() throws {
        let result = try runMagrelax([])
        #expect(result.status != 0)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.err)")
        #expect(result.err.contains("terminal"), "stderr: \(result.err)")
    }

    @Test(arguments: ["nonexistent-term", "dumb"])
    func anUnusableTermGivesAClearError(term: String) throws {
        // Wide enough that the message does not wrap.
        let s = try TmuxSession(width: 200, height: 10, environment: ["TERM": term], waitForStart: false)
        let status = try s.waitForExit()
        #expect(status != 0)
        let screen = try s.screen()
        let lines = screen.split(separator: "\n").filter { !$0.hasPrefix("EXIT:") }
        #expect(lines == ["magrelax: the terminal type TERM=\(term) is unknown or cannot move the cursor; try TERM=xterm-256color"],
                "the screen:\n\(framed(screen))")
        #expect(try !s.alternateScreenOn())
    }

    @Test func versionAndHelpNeedNoTerminal() throws {
        let version = try runMagrelax(["--version"])
        #expect(version.status == 0)
        #expect(!version.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let help = try runMagrelax(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("--data-dir"))
    }
}
