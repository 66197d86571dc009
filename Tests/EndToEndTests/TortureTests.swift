import Foundation
import Testing

/// The real binary under rough handling: other terminals, any size and rapid resizes, a data folder
/// that cannot be used or fills up, damaged month files, and quit signals in every pane and mid-session.
/// Each test is bounded by the session's deadline; one at a time, as the machine is small.
@Suite(.serialized)
struct TortureTests {
    static let panes = [("1", "Symptoms"), ("2", "Plan"), ("3", "Food"), ("4", "Breathe")]

    /// Shows pane `key` and waits until its help overlay (titled with the pane) has come and gone.
    func show(_ pane: (key: String, title: String), in s: TmuxSession) throws {
        try s.send(pane.key, "?")
        try s.waitFor("Help: \(pane.title)")
        try s.send("Escape")
        try s.waitForAbsence(of: "Help: \(pane.title)")
    }

    /// Starts a box-breathing session from the Breathe pane and waits for its countdown.
    func startBreathing(in s: TmuxSession) throws {
        try s.send("4")
        try s.waitFor("Breathing patterns")
        try s.send("Down", "Enter")
        try s.waitFor("Length")
        try s.send("Enter")
        try s.waitFor("G E T   R E A D Y")
    }

    // MARK: Terminals

    /// The terminals AppLifecycleTests does not already walk through every pane, and the ASCII locale
    /// in every pane and its help (that suite checks only the first screen).
    @Test(arguments: [["TERM": "linux"], ["TERM": "tmux-256color"], ["TERM": "xterm-256color", "LANG": "C"]])
    func everyPaneDrawsUnder(environment: [String: String]) throws {
        let s = try TmuxSession(width: 80, height: 24, environment: environment)
        let ascii = environment["LANG"] == "C"
        for pane in Self.panes {
            try s.send(pane.0)
            try s.send("?")
            let help = try s.waitFor("Help: \(pane.1)")
            try s.send("Escape")
            let screen = try s.waitForAbsence(of: "Help: \(pane.1)")
            if ascii {
                for shown in [help, screen] {
                    #expect(shown.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in \(pane.1):\n\(framed(shown))")
                }
            }
        }
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(try !s.alternateScreenOn())
    }

    /// The colours in a screen captured with its attributes: the SGR parameters that set a foreground or
    /// background colour (30–37, 38, 40–47, 48, 90–97, 100–107; 39 and 49, the defaults, are not one).
    static func colours(_ screen: String) -> Set<Int> {
        var out = Set<Int>()
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";" || $0 == ":") }) else { break }
            if rest[end] == "m" {
                for n in rest[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap({ Int($0) })
                where (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n) {
                    out.insert(n)
                }
            }
            rest = rest[end...]
        }
        return out
    }

    /// NO_COLOR and a terminal without colours: no colour in any pane or its help (the app marks what
    /// matters with bold, dim and reverse there); xterm-256color has colours, so the check can fail.
    @Test(arguments: [(["NO_COLOR": "1"], false), (["TERM": "vt100"], false), (["TERM": "xterm-256color"], true)])
    func colourOnlyWhereTheTerminalAndThePersonWantIt(environment: [String: String], coloured: Bool) throws {
        let s = try TmuxSession(width: 80, height: 24, environment: environment)
        var seen = Set<Int>()
        for pane in Self.panes {
            try s.send(pane.0, "?")
            try s.waitFor("Help: \(pane.1)")
            seen.formUnion(Self.colours(try s.tmuxCommand(["capture-pane", "-p", "-e"])))
            try s.send("Escape")
            try s.waitForAbsence(of: "Help: \(pane.1)")
            seen.formUnion(Self.colours(try s.tmuxCommand(["capture-pane", "-p", "-e"])))
        }
        #expect(seen.isEmpty != coloured, "\(environment): colours \(seen.sorted())")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    /// An empty TERM (AppLifecycleTests has "dumb" and an unknown name): one line, a non-zero exit.
    @Test func anEmptyTermGivesOneLine() throws {
        let s = try TmuxSession(width: 200, height: 10, environment: ["TERM": ""], waitForStart: false)
        let (status, lines) = try linesAfterExit(s)
        #expect(status == 1)
        #expect(lines == ["magrelax: the terminal type TERM=(unset) is unknown or cannot move the cursor; try TERM=xterm-256color"])
        #expect(try !s.alternateScreenOn())
    }

    // MARK: Sizes

    static let sizes = [(1, 1), (2, 1), (1, 2), (3, 3), (10, 4), (300, 100), (300, 1), (1, 100), (79, 23), (81, 25), (200, 60)]

    /// Every size in `sizes`, then 80 pseudo-random ones from 1×1 to 300×100 as fast as tmux takes them
    /// (the same 80 every run, so a failure repeats), then 80×24.
    func resizeEverywhere(_ s: TmuxSession) throws {
        for (width, height) in Self.sizes {
            try s.resize(width: width, height: height)
        }
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ range: ClosedRange<Int>) -> Int {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
            return range.lowerBound + Int(x % UInt64(range.count))
        }
        for _ in 0..<80 {
            try s.resize(width: next(1...300), height: next(1...100))
        }
        try s.resize(width: 80, height: 24)
    }

    /// The screen once it stays the same for 150 ms: keys sent just before may still be drawing.
    func settledScreen(_ s: TmuxSession) throws -> String {
        try s.waitUntil("the screen to settle") { screen in
            Thread.sleep(forTimeInterval: 0.15)
            return (try? s.screen()) == screen
        }
    }

    /// Through every size and the rapid resizes the app keeps running, and back at 80×24 the pane looks
    /// exactly as before.
    @Test(arguments: panes.map(\.0))
    func anySizeAndRapidResizesLeaveThePaneAsItWas(key: String) throws {
        let s = try TmuxSession(width: 80, height: 24)
        let pane = Self.panes.first { $0.0 == key }!
        try show(pane, in: s)
        let before = try settledScreen(s)
        try resizeEverywhere(s)
        let after = try s.waitUntil("the \(pane.1) pane as before the resizes") { $0 == before }
        #expect(after == before)
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    /// The same with an overlay or a mode open: the help over the Plan, and a check-in being entered.
    @Test(arguments: [(["2", "?"], "Help: Plan"), (["1", "c", "2"], "Possible triggers")])
    func anySizeAndRapidResizesLeaveAnOpenOverlayAsItWas(keys: [String], shows: String) throws {
        let s = try TmuxSession(width: 80, height: 24)
        for key in keys { try s.send(key) }
        try s.waitFor(shows)
        let before = try settledScreen(s)
        try resizeEverywhere(s)
        let after = try s.waitUntil("\"\(shows)\" as before the resizes") { $0 == before }
        #expect(after == before)
        try s.send("Escape")
        try s.waitForAbsence(of: shows)
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    /// The same mid-session: the session goes on through the resizes and lays out again at 80×24.
    @Test func rapidResizesDuringABreathingSession() throws {
        let s = try TmuxSession(width: 80, height: 24)
        try startBreathing(in: s)
        try resizeEverywhere(s)
        let screen = try s.waitUntil("the session laid out for 80×24") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count >= 24 && rows.allSatisfy { $0.count <= 80 }
                && ["G E T   R E A D Y", "I N H A L E", "H O L D", "E X H A L E"].contains { screen.contains($0) }
        }
        #expect(exitStatus(in: screen) == nil)
        // q steps back: the session (under a minute, so not kept) to its setup, the setup to the list, then quits.
        try s.send("q")
        try s.waitFor("Length")
        try s.send("q")
        try s.waitForAbsence(of: "Length")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(try !s.alternateScreenOn())
    }

    // MARK: The data folder

    /// This month as "YYYY-MM", as the app reckons it (local time).
    static var thisMonth: String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        return String(format: "%04d-%02d", parts.year!, parts.month!)
    }

    /// This month's journal file holding `count` notes of 200 characters (about 250 bytes each).
    static func monthOfNotes(_ count: Int) -> String {
        let entries = (0..<count).map { #"{"id":"n\#($0)","day":"\#(thisMonth)-01","type":"note","text":"\#(String(repeating: "x", count: 200))"}"# }
        return #"{"schemaVersion":1,"month":"\#(thisMonth)","entries":["# + entries.joined(separator: ",") + "]}"
    }

    /// Every file under `folder` with its bytes, but the lock (it holds the running app's pid).
    func files(in folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let names = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let name as String in names where name != "magrelax.lock" {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { out[name] = data }
        }
        return out
    }

    /// Records a check-in in the Symptoms pane: one save of this month's file.
    func checkIn(in s: TmuxSession) throws {
        try s.send("1", "c")
        try s.waitFor("Possible triggers")
        try s.send("2", "3", "1", "Enter")
    }

    /// A check-in whose save fails for `reason`: the notice says so, the app quits cleanly, and every
    /// file is as it was.
    func checkInIsNotSaved(in s: TmuxSession, because reason: String) throws {
        let before = files(in: s.dataDir)
        try checkIn(in: s)
        let notice = try s.waitFor("Not saved")
        #expect(notice.contains(reason), "\(framed(notice))")
        try s.send("Enter", "q")
        #expect(try s.waitForExit() == 0)
        #expect(try !s.alternateScreenOn())
        #expect(files(in: s.dataDir) == before)
    }

    /// The app's lines once it has ended (the shell's exit line left out).
    func linesAfterExit(_ s: TmuxSession) throws -> (status: Int32, lines: [Substring]) {
        let status = try s.waitForExit()
        return (status, try s.screen().split(separator: "\n").filter { !$0.hasPrefix("EXIT:") })
    }

    @Test func aFileWhereTheFolderShouldBeIsNamedAndLeftAlone() throws {
        let text = Data("my notes, not a folder\n".utf8)
        let s = try TmuxSession(width: 200, height: 10, profile: false, prepare: { folder in
            try text.write(to: folder)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.path)
        }, waitForStart: false)
        let (status, lines) = try linesAfterExit(s)
        #expect(status == 1)
        #expect(lines == ["magrelax: Cannot open the data folder: create folder \(s.dataDir.path): Not a directory."])
        #expect(FileManager.default.contents(atPath: s.dataDir.path) == text)
        let mode = try FileManager.default.attributesOfItem(atPath: s.dataDir.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try !s.alternateScreenOn())
    }

    @Test func aFileWhereAParentFolderShouldBeIsNamed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-parent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("documents")
        try Data("x".utf8).write(to: file)
        let s = try TmuxSession(width: 200, height: 10, arguments: ["--data-dir", file.appendingPathComponent("magrelax").path],
                                profile: false, waitForStart: false)
        let (status, lines) = try linesAfterExit(s)
        #expect(status == 1)
        #expect(lines == ["magrelax: Cannot open the data folder: create folder \(file.path): Not a directory."])
        #expect(FileManager.default.contents(atPath: file.path) == Data("x".utf8))
    }

    @Test func missingParentFoldersAreMade() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("a/b/magrelax")
        let s = try TmuxSession(arguments: ["--data-dir", folder.path], profile: false, waitForStart: false)
        try s.waitFor("Welcome to magrelax")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    /// Whether this file system takes the immutable attribute (as root, chmod does not stop writes;
    /// an immutable folder does). Elsewhere, e.g. on tmpfs, the read-only case cannot be made real.
    static let immutableFoldersWork: Bool = {
        guard let chattr = executable(named: "chattr") else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-chattr-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: false)) != nil else { return false }
        defer {
            _ = try? runProcess(chattr, ["-i", probe.path])
            try? FileManager.default.removeItem(at: probe)
        }
        guard (try? runProcess(chattr, ["+i", probe.path]))?.status == 0 else { return false }
        return !FileManager.default.createFile(atPath: probe.appendingPathComponent("x").path, contents: nil)
    }()

    @Test(.enabled(if: immutableFoldersWork, "chattr +i does not work on the temporary folder's file system"))
    func aFolderThatRefusesWritesSaysNotSavedAndKeepsEveryFile() throws {
        var frozen: URL?
        defer { if let frozen { _ = try? runProcess(executable(named: "chattr")!, ["-i", frozen.path]) } }
        let s = try TmuxSession(width: 80, height: 24, prepare: { folder in
            try Data(Self.monthOfNotes(3).utf8).write(to: folder.appendingPathComponent("journal-\(Self.thisMonth).json"))
            #expect(try runProcess(executable(named: "chattr")!, ["+i", folder.path]).status == 0)
            frozen = folder
        })
        // Writable again before the session goes and removes its folder (it was left behind, frozen).
        defer {
            if let frozen { _ = try? runProcess(executable(named: "chattr")!, ["-i", frozen.path]) }
            withExtendedLifetime(s) {}
        }
        try checkInIsNotSaved(in: s, because: "Operation not permitted")
    }

    /// A full disk as the file-size limit makes it: the save fails with a notice (the app is not killed
    /// by SIGXFSZ), every file stays as it was, and the app quits cleanly.
    @Test func aFullDiskSaysNotSavedAndKeepsEveryFile() throws {
        let s = try TmuxSession(width: 80, height: 24, prepare: { folder in
            try Data(Self.monthOfNotes(120).utf8).write(to: folder.appendingPathComponent("journal-\(Self.thisMonth).json"))
        }, shellSetup: "ulimit -f 16")
        try checkInIsNotSaved(in: s, because: "File too large")
    }

    /// No room even for the lock's few bytes (its pid is a courtesy): the app starts rather than being
    /// ended by SIGXFSZ while taking the lock, and quits cleanly with every file as it was.
    @Test func aFullDiskAtStartStillOpens() throws {
        var before: [String: Data] = [:]
        let s = try TmuxSession(width: 80, height: 24, prepare: { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("magrelax.lock"))
            before = files(in: folder)
        }, shellSetup: "ulimit -f 0")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(files(in: s.dataDir) == before)
        #expect(try !s.alternateScreenOn())
    }

    /// A damaged month when the disk is full: the backup is shown, and the damaged file stays in place
    /// (not moved aside with nothing written in its stead), so the next start finds it again.
    @Test func aDamagedMonthOnAFullDiskIsLeftInPlace() throws {
        var before: [String: Data] = [:]
        let s = try TmuxSession(width: 120, height: 40, prepare: { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("magrelax.lock"))
            let backups = folder.appendingPathComponent("backups")
            try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
            let month = "journal-\(Self.thisMonth).json"
            try Data(Self.monthOfNotes(3).utf8).write(to: backups.appendingPathComponent(month + ".1"))
            try Data(Self.monthOfNotes(3).utf8.prefix(100)).write(to: folder.appendingPathComponent(month))
            before = files(in: folder)
        }, shellSetup: "ulimit -f 0", waitForStart: false)
        let notice = try s.waitFor("could not be read")
        #expect(notice.contains("Showing the last good backup"), "\(framed(notice))")
        try s.send("Enter", "q")
        #expect(try s.waitForExit() == 0)
        #expect(files(in: s.dataDir) == before)
    }

    /// The same for a command: one line, a non-zero exit, every file as it was.
    @Test func aFullDiskFailsACommandWithOneLineAndKeepsEveryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = try runMagrelax(["--data-dir", folder.path, "profile", "set", "--accept-disclaimer", "--age", "35",
                                   "--sex", "female", "--goal", "soreness"])
        #expect(set.status == 0, "\(set.err)")
        try Data(Self.monthOfNotes(120).utf8).write(to: folder.appendingPathComponent("journal-\(Self.thisMonth).json"))
        let before = files(in: folder)
        let rated = try runProcess("/bin/sh", ["-c", "ulimit -f 16; exec \"$0\" \"$@\"", try magrelaxBinary(),
                                                "--data-dir", folder.path, "rate", "soreness=2"])
        #expect(rated.status == 1)
        #expect(rated.err.split(separator: "\n").count == 1 && rated.err.contains("File too large"), "stderr: \(rated.err)")
        #expect(files(in: folder) == before)
    }

    /// A second instance on the same folder: a check-in there is refused (the tab bar says so) and writes nothing,
    /// while the first keeps saving.
    @Test func aSecondInstanceRecordsNothing() throws {
        let s = try TmuxSession(width: 80, height: 24)
        try s.openWindow("second")
        try s.waitFor("held by another magrelax", in: "second")
        try s.send("Enter", to: "second")
        try s.waitForAbsence(of: "held by another magrelax", in: "second")
        let before = files(in: s.dataDir)
        try s.send("1", "c", to: "second")
        try s.waitFor("Possible triggers", in: "second")
        try s.send("2", "Enter", to: "second")
        let refused = try s.waitForAbsence(of: "Possible triggers", in: "second")
        #expect(refused.contains("Read-only: nothing recorded"), "\(framed(refused))")
        let soreness = refused.split(separator: "\n").first { $0.contains("Muscle soreness") } ?? ""
        #expect(soreness.contains("not rated"), "\(framed(refused))")
        #expect(files(in: s.dataDir) == before)
        try s.send("q", to: "second")
        #expect(try s.waitForExit(in: "second") == 0)
        try checkIn(in: s)
        try s.waitFor("1 check-in")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
        #expect(files(in: s.dataDir) != before)
    }

    /// Damaged files the app meets at start: which file, and its bytes.
    static let damagedFiles: [String: (file: String, bytes: Data)] = {
        let month = "journal-\(thisMonth).json"
        let head = #"{"schemaVersion":1,"month":"\#(thisMonth)","entries":"#
        let note = #"[{"id":"a","day":"\#(thisMonth)-01","type":"note","text":""#
        return [
            "a month cut off": (month, Data(monthOfNotes(3).utf8.prefix(300))),
            "invalid UTF-8": (month, Data((head + note).utf8) + Data([0xFF, 0xC3]) + Data(#""}]}"#.utf8)),
            "deep nesting": (month, Data((head + String(repeating: "[", count: 200_000)).utf8)),
            "a huge number": (month, Data((head + #"[{"id":"a","day":"\#(thisMonth)-01","type":"symptoms","ratings":{"cramps":1e999}}]}"#).utf8)),
            "custom.json of the wrong type": ("custom.json", Data(#"{"schemaVersion":1,"customFoods":"none"}"#.utf8)),
        ]
    }()

    /// A damaged file in the app: a notice names it, the damaged bytes are kept unchanged in damaged/,
    /// and the app carries on and quits cleanly.
    @Test(arguments: damagedFiles.keys.sorted())
    func aDamagedFileIsNamedAndKeptByteForByte(kind: String) throws {
        try openDamaged(Self.damagedFiles[kind]!)
    }

    /// 50 MB of a month, cut off at the end: read, reported and kept like any other damage.
    @Test(.longTest) func aFiftyMegabyteDamagedMonth() throws {
        let entry = #"{"id":"n","day":"\#(Self.thisMonth)-01","type":"note","text":"\#(String(repeating: "x", count: 200))"},"#
        let text = #"{"schemaVersion":1,"month":"\#(Self.thisMonth)","entries":["# + String(repeating: entry, count: 50_000_000 / entry.utf8.count)
        try openDamaged(("journal-\(Self.thisMonth).json", Data(text.utf8)), deadline: 30)
    }

    func openDamaged(_ damaged: (file: String, bytes: Data), deadline: TimeInterval = 10) throws {
        let s = try TmuxSession(width: 120, height: 40, prepare: { folder in
            try damaged.bytes.write(to: folder.appendingPathComponent(damaged.file))
        }, waitForStart: false)
        s.deadline = deadline
        let notice = try s.waitFor("could not be read")
        #expect(notice.contains(damaged.file), "\(framed(notice))")
        let copies = try FileManager.default.contentsOfDirectory(atPath: s.dataDir.appendingPathComponent("damaged").path)
        #expect(copies.count == 1 && copies[0].hasPrefix(damaged.file + ".damaged-"))
        #expect(FileManager.default.contents(atPath: s.dataDir.appendingPathComponent("damaged/" + copies[0]).path) == damaged.bytes)
        try s.send("Enter")
        try s.waitForAbsence(of: "could not be read")
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    // MARK: Signals

    static let quitSignals = [SIGINT, SIGTERM, SIGHUP]

    /// Each quit signal in each pane: the terminal is restored and the shell sees 128 + the signal,
    /// as AppLifecycleTests sets for the first pane.
    @Test(arguments: panes.map(\.0), quitSignals)
    func aQuitSignalInAnyPaneRestoresTheTerminal(key: String, sig: Int32) throws {
        let s = try TmuxSession(width: 80, height: 24)
        try show(Self.panes.first { $0.0 == key }!, in: s)
        try s.signal(sig)
        #expect(try s.waitForExit() == 128 + sig)
        #expect(try !s.alternateScreenOn())
    }

    @Test(arguments: quitSignals)
    func aQuitSignalMidSessionRestoresTheTerminal(sig: Int32) throws {
        let s = try TmuxSession(width: 80, height: 24)
        try startBreathing(in: s)
        try s.signal(sig)
        #expect(try s.waitForExit() == 128 + sig)
        #expect(try !s.alternateScreenOn())
    }
}
