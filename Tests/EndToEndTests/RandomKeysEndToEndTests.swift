import Foundation
import MagRelaxCore
import Testing

/// Random keys and resizes to the real binary in tmux, from a data folder with entries, in batches as
/// fast as tmux takes them (200; 3,000 in the long run), with sequences that record something mixed
/// in; then `q`. The app ends with 0, and
/// every file it wrote still reads and validates (DataFolderCheck). The seed is printed on failure;
/// MAGRELAX_E2E_SEED replays one.
@Suite(.serialized)
struct RandomKeysEndToEndTests {
    /// tmux names of every key the app takes, and every printable character but `q` (which would end
    /// the run early) and `;` (tmux's command separator).
    static let keys: [String] = {
        let named = [
            "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Enter", "Escape", "Tab", "BTab", "BSpace",
            "DC", "F1", "C-u", "Space",
        ]
        let printable = (33...126).map { String(UnicodeScalar($0)!) }.filter { $0 != "q" && $0 != ";" }
        return named + printable + ["é", "日"]
    }()

    /// Keys that do something in most places, drawn as often as all the others together.
    static let common = ["Up", "Down", "Left", "Right", "Enter", "Escape", "Tab", "Space", "BSpace", "1", "2", "3", "4", "?", "p",
                         "!", "c", "v", "a", "x", "d", "s", "m", "g", "w", "n", "/", "[", "]", "y", "t", "0"]

    /// Sequences that record something, mixed in so that the run saves as it goes: a check-in, a food,
    /// the supplement, a plan task ticked, a breathing session set up, a red flag marked.
    static let bursts: [[String]] = [
        ["Escape", "Escape", "1", "c", "2", "3", "1", "Enter"],
        ["Escape", "Escape", "3", "a", "Down", "a", "Up", "Enter"],
        ["Escape", "Escape", "3", "m"],
        ["Escape", "Escape", "2", "Enter", "Space", "Down", "Space", "Escape"],
        ["Escape", "Escape", "4", "Down", "Enter", "Enter"],
        ["Escape", "Escape", "1", "!", "Down", "Enter", "Enter"],
        ["Escape", "Escape", "1", "Down", "Right", "Right"],
    ]

    /// A few days of use, through the commands: check-ins, foods, a supplement, a plan task.
    static func prepare(_ folder: URL) throws {
        let dir = ["--data-dir", folder.path]
        for args in [
            ["rate", "soreness=2", "poor-sleep=3", "--date", localDay(-2), "--note", "long drive"],
            ["rate", "soreness=1", "slow-recovery=2", "--date", localDay(-1)],
            ["log", "food", "banana", "--servings", "2"],
            ["log", "food", "almonds_dry_roasted", "--grams", "30", "--date", localDay(-1)],
            ["log", "supplement", "glycinate", "--mg", "200"],
            ["done", "hydration"],
        ] {
            let result = try runMagrelax(dir + args)
            guard result.status == 0 else { throw EndToEndFailure(description: "magrelax \(args) failed: \(result.err)") }
        }
    }

    /// Processor time the app has used so far, in clock ticks; nil once it has ended.
    /// Waits until the app has read every key sent (it uses no processor for a while) and returns the
    /// screen: the screen alone may look still while keys wait (ncurses holds output back then).
    func settled(_ s: TmuxSession) throws -> String {
        guard let pid = try? s.appPID() else { return try s.screen() }
        let end = Date().addingTimeInterval(s.deadline)
        var last = processCPUTicks(pid)
        while Date() < end {
            Thread.sleep(forTimeInterval: 0.3)
            let now = processCPUTicks(pid)
            // A tick or two: a breathing session's frames, not keys still waiting.
            if let now, let before = last, now - before <= 2 { break }
            if now == nil { break }
            last = now
        }
        return try s.screen()
    }

    /// Closes whatever is open (Escape; y ends a breathing session that asks), until the hint line offers
    /// `q`, then quits. Returns the exit status (also when the app ended before).
    func quit(_ s: TmuxSession) throws -> Int32 {
        try s.resize(width: 100, height: 30)
        for attempt in 0..<30 {
            let screen = try settled(s)
            if let status = exitStatus(in: screen) { return status }
            let hints = screen.split(separator: "\n").last ?? ""
            if hints.contains("q quit") {
                try s.send("q")
                return try s.waitForExit()
            }
            try s.send(attempt % 3 == 2 ? "y" : "Escape")
        }
        throw EndToEndFailure(description: "nothing closed the app's screens; the screen:\n\(framed(try s.screen()))")
    }

    func run(seed: UInt64, keyCount: Int) throws {
        var rng = SplitMix64(seed: seed)
        let s = try TmuxSession(width: 100, height: 30, prepare: Self.prepare)
        s.deadline = 20
        var sent = 0
        while sent < keyCount {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let tiny = Int.random(in: 0..<3, using: &rng) == 0
                try s.resize(width: tiny ? Int.random(in: 1...60, using: &rng) : Int.random(in: 60...300, using: &rng),
                             height: tiny ? Int.random(in: 1...18, using: &rng) : Int.random(in: 18...100, using: &rng))
            }
            var batch = (0..<Int.random(in: 5...40, using: &rng)).map { _ in
                Bool.random(using: &rng) ? Self.common.randomElement(using: &rng)! : Self.keys.randomElement(using: &rng)!
            }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                batch.insert(contentsOf: Self.bursts.randomElement(using: &rng)!, at: Int.random(in: 0...batch.count, using: &rng))
            }
            batch = Array(batch.prefix(keyCount - sent))
            try s.send(keys: batch)
            sent += batch.count
            // A crash shows the shell's exit line; what it was sent last is in the message.
            let screen = try s.screen()
            if let status = exitStatus(in: screen) {
                Issue.record("seed \(seed): magrelax ended with \(status) after \(sent) keys, the last \(batch):\n\(framed(screen))")
                return
            }
        }
        let status = try quit(s)
        #expect(status == 0, "seed \(seed): exit \(status) after \(sent) keys")
        let problems = DataFolderCheck.filesProblems(s.dataDir)
        #expect(problems.isEmpty, "seed \(seed): \(problems)")
        do {
            let entries = try DataFolderCheck.exportedEntries(s.dataDir)
            print("random keys end to end, seed \(seed): \(sent) keys, exit \(status), \(entries.count) entries after")
        } catch {
            Issue.record("seed \(seed): \(error)")
        }
    }

    static var replaySeed: UInt64? { ProcessInfo.processInfo.environment["MAGRELAX_E2E_SEED"].flatMap(UInt64.init) }

    @Test func twoHundredRandomKeysThenQuitLeaveEveryFileWhole() throws {
        try run(seed: Self.replaySeed ?? 1, keyCount: 200)
    }

    @Test(.longTest) func threeThousandRandomKeysThenQuitLeaveEveryFileWhole() throws {
        try run(seed: Self.replaySeed ?? 7, keyCount: 3000)
    }
}
