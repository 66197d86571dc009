import Foundation
import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Random keys, resizes and time through `update` and `view`, on a seeded generator, from a first start
/// and from five months of use: the app never crashes, every step keeps the invariants
/// (MonkeyInvariants), and every pane, overlay and mode is reached. The seed is printed on failure;
/// MAGRELAX_MONKEY_SEED replays one. The long run (MAGRELAX_LONG_TESTS=1) takes 100,000 steps.
@Suite struct MonkeyTests {
    /// Every key the run loop can deliver: the named keys, Ctrl-C and Ctrl-U, every printable ASCII
    /// character (q and Ctrl-C only ask to quit: the run goes on), a wide and an accented letter.
    static let keys: [Key] = {
        let named: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
            .delete, .function(1), .ctrl("u"), .ctrl("c"),
        ]
        let printable = (32...126).map { Character(UnicodeScalar($0)!) }
        return named + printable.map(Key.char) + [.char("é"), .char("日")]
    }()

    /// Keys that do something in most places, drawn as often as all the others together.
    static let common: [Key] = [
        .up, .down, .left, .right, .enter, .escape, .tab, .char(" "), .backspace, .pageDown, .home, .end,
    ] + "1234?p!cvaxdsmgwneNofj[]/+-yt".map(Key.char)

    /// One move of a run.
    enum Move: Sendable, Hashable {
        case key(Key)
        case resize(Int, Int)
        /// Seconds pass (a tick).
        case wait(Double)
    }

    /// Sequences that reach deep states random keys reach seldom: the first-start form filled in and
    /// saved, a check-in, a red flag's alert, food and supplements logged and removed, an own food, the
    /// plan's days and tasks, a breathing session run to its end, an own pattern, help scrolled past
    /// its end, the shared day moved. Each starts by closing what may be open. The first four reach
    /// the overlays, so that even a short run opens every one.
    static let bursts: [[Move]] = {
        func keys(_ k: [Key]) -> [Move] { [.key(.escape), .key(.escape), .key(.escape)] + k.map(Move.key) }
        func typing(_ s: String) -> [Key] { s.map(Key.char) }
        let enter = Key.enter, down = Key.down, up = Key.up
        return [
            // The form from its first row: a valid age, dose and start typed over whatever is there.
            keys([.char("p"), enter] + Array(repeating: up, count: 17) + [.ctrl("u")] + typing("38") + Array(repeating: enter, count: 12)
                + [.ctrl("u"), .char("0")] + Array(repeating: enter, count: 4) + [.ctrl("u")] + typing("2026-11-20") + [enter]),
            keys([.char("1"), .char("!"), down, down, enter]),
            keys([.char("?"), .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown] + Array(repeating: down, count: 30) + [up]),
            keys([]) + [.resize(1, 1), .key(.char("2")), .resize(300, 100), .key(down), .resize(59, 18), .key(.char("3")), .resize(80, 24),
                        .key(.char("4"))],
            keys(typing("1c2310") + [down, down, .char(" "), down, .char(" ")] + Array(repeating: down, count: 12) + typing("tired") + [enter]),
            keys([.char("1"), down, .right, .right, .left, .backspace, .right]),
            keys([.char("1"), .char("!"), down, .backspace, .char("/"), .char("c"), enter, .right, .pageDown, .escape]),
            keys([.char("1"), .char("a"), down, enter]),
            keys([.char("1"), .end, .char("x")]),
            keys([.char("1"), .char("v"), down, enter, .pageDown, .end, .escape, .char("v")]),
            keys([.char("3"), .char("/")] + typing("al") + [enter, .char("a"), up, up, enter]),
            keys([.char("3"), .char("a"), down, down, .char("a"), .tab, .ctrl("u")] + typing("150") + [enter]),
            keys([.char("3"), .char("d"), down, enter, up, enter]),
            keys([.char("3"), .char("d"), .end, .char("x"), .char("y")]),
            keys([.char("3"), .char("m"), .char("s"), .char("a"), .tab, enter, .char("+"), .char("w")] + typing("650") + [enter]),
            keys([.char("3"), .char("a"), .char("N")] + typing("Oat bar") + [.tab] + typing("1 bar") + [.tab] + typing("40") + [.tab]
                + typing("52") + [enter]),
            keys([.char("3"), .char("a"), .char("c"), .char("o"), .char("f"), .char("n"), down, enter, .pageDown, .escape]),
            keys([.char("2"), enter, .char(" "), down, .char(" "), enter, down, .pageDown, .escape, .escape]),
            keys([.char("2"), .char("w"), .right, .char(" "), enter, .char("s")]),
            keys([.char("2"), .char("g"), down, enter, .end, .escape, .escape]),
            keys([.char("2"), .char("]"), .char("]"), .pageDown, .char("n"), .char("e"), .char("t")]),
            keys([.char("4"), .home, enter, .char("-"), .char("-"), .char("m"), .char("m"), up, enter])
                + Array(repeating: .wait(7), count: 12) + [.key(.char(" ")), .wait(3), .key(.char(" ")), .key(.char("q")), .key(.char("y")),
                                                            .key(up), .key(up), .key(enter)],
            keys([.char("4"), .char("n")] + typing("Box 5") + [.tab, .right, .tab, .right, .tab, .right, enter]),
            keys([.char("4"), .char("/")] + typing("fold") + [enter, enter, down, .pageDown, .escape]),
            keys([.char("["), .char("["), .char("["), .char("1"), .char("t"), .char("3"), .char("]")]),
        ]
    }()

    /// What a run reached, and how it went.
    struct Outcome {
        var reached: Set<String> = []
        var steps = 0
        var views = 0
        var saves = 0
        var failedSaves = 0
        var seconds = 0.0
        /// Processor time of the run's thread: what the pace is, however busy the machine.
        var cpuSeconds = 0.0
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Every pane and overlay: what every run must reach.
    static let panesAndOverlays: Set<String> = ["Symptoms", "Plan", "Food", "Breathe", "help", "profile", "alert", "notice", "too small"]

    /// What a long run must reach besides: every mode of every pane, a day before today, saves that
    /// succeed and fail, and (from a journal) older months read on request.
    static let modes: Set<String> = [
        "check-in", "adding a symptom", "red flags", "symptoms trends", "symptoms before and after", "plan day", "plan week",
        "plan task", "the five plans", "food foods", "food forms", "food prompt", "own food form", "breathe setup",
        "breathe session", "breathe done", "pattern editor", "a day before today", "saved", "save failed", "months loaded",
    ]

    static func places(_ s: AppState) -> [String] {
        var out: [String] = []
        switch s.topOverlay {
        case .help?: out.append("help")
        case .profile?: out.append("profile")
        case .alert?: out.append("alert")
        case .notice?: out.append("notice")
        case nil:
            if s.isTooSmall { return ["too small"] }
            out.append(s.pane.title)
            switch s.pane {
            case .symptoms:
                switch s.symptoms.mode {
                case .checkIn?: out.append("check-in")
                case .adding?: out.append("adding a symptom")
                case .redFlags?: out.append("red flags")
                case nil: out.append("symptoms \(s.symptoms.view.title)")
                }
            case .plan:
                if s.plan.readingPlans || s.profile == nil {
                    out.append("the five plans")
                } else if s.plan.openTask != nil {
                    out.append("plan task")
                } else {
                    out.append("plan \(s.plan.calendar)")
                }
            case .food:
                switch s.food.prompt {
                case .customFood?: out.append("own food form")
                case .some: out.append("food prompt")
                case nil: out.append("food \(s.food.shown)")
                }
            case .breathe:
                switch s.breathe.screen {
                case .setup?: out.append("breathe setup")
                case .session?: out.append("breathe session")
                case .done?: out.append("breathe done")
                case .editor?: out.append("pattern editor")
                case nil: out.append("breathe list")
                }
            }
        }
        if s.shownDay != nil { out.append("a day before today") }
        return out
    }

    /// Runs `steps` moves from `start`. After every step: the shell's checks and those of whatever took
    /// the key; the totals and the journal when the journal or the day changed. A view and the canvas
    /// checks after every `viewEvery`-th step, every resize and the last (every fourth view also draws
    /// the pane alone to see it stays in its area): a view costs more in a debug build than the rest
    /// together. Records an issue with the seed, the step and the screen at the first broken invariant.
    static func run(seed: UInt64, steps: Int, from start: MonkeyStart, viewEvery: Int = 1) -> Outcome {
        var rng = SplitMix64(seed: seed)
        var state = start.state
        var onDisk = start.onDisk
        var outcome = Outcome()
        var clock = state.now.wallClock
        var mono = state.now.monotonic
        var burst: [Move] = []
        var bursts = 0
        var queue: [Action] = [.started]
        let began = Date()
        let cpu = threadCPUSeconds()

        func fail(_ step: Int, _ problems: [String], _ move: String) {
            Issue.record("""
                monkey seed \(seed) (\(start.name)), step \(step) (\(move)): \(problems.joined(separator: "; "))
                replay: MAGRELAX_MONKEY_SEED=\(seed)\(steps > 1000 ? " MAGRELAX_LONG_TESTS=1" : "") swift test --filter MonkeyTests
                \(view(state).text)
                """)
        }

        for step in 0..<steps {
            let move: Move
            if !burst.isEmpty {
                move = burst.removeFirst()
            } else if state.profile == nil, Int.random(in: 0..<20, using: &rng) == 0 {
                // A first start leaves the welcome once in a while, through the form filled in.
                burst = Self.bursts[0]
                move = burst.removeFirst()
            } else {
                let sane = Move.resize(Int.random(in: 60...140, using: &rng), Int.random(in: 18...50, using: &rng))
                switch Int.random(in: 0..<1000, using: &rng) {
                case 0..<15: move = .resize(Int.random(in: 1...300, using: &rng), Int.random(in: 1...100, using: &rng))
                case 15..<30: move = sane
                case 30..<110: move = .wait(Double(Int.random(in: 1...4000, using: &rng)) / 100)
                case 110..<113: move = .wait(Double(Int.random(in: 3600...30 * 3600, using: &rng)))
                case 113..<153:
                    // The bursts in turn, each at a size the panes fit.
                    burst = Self.bursts[bursts % Self.bursts.count]
                    bursts += 1
                    move = sane
                case 153..<570: move = .key(Self.common.randomElement(using: &rng)!)
                default: move = .key(Self.keys.randomElement(using: &rng)!)
                }
            }
            switch move {
            case .key(let key): queue.append(.key(key))
            case .resize(let w, let h): queue.append(.resize(width: w, height: h))
            case .wait(let seconds):
                clock += seconds
                mono += seconds
                queue.append(.tick(TimeReading(monotonic: mono, wallClock: clock, utcOffsetSeconds: 0)))
            }
            if Int.random(in: 0..<2000, using: &rng) == 0 {
                queue.append(.notify(StorageNotice(title: "A file could not be read", text: "journal-2026-06.json: cut off at byte 120.")))
            }

            let before = (journal: state.journal, day: state.context.day, width: state.width, height: state.height)
            while !queue.isEmpty {
                let action = queue.removeFirst()
                for effect in update(&state, action) {
                    switch effect {
                    case .saveJournal, .saveProfile:
                        outcome.saves += 1
                        // One save in ten fails, as on a full disk: the change is undone and a notice says so.
                        if Int.random(in: 0..<10, using: &rng) == 0 {
                            outcome.failedSaves += 1
                            outcome.reached.insert("save failed")
                            queue.append(.storage(.saveFailed("No space left on device.")))
                        } else {
                            outcome.reached.insert("saved")
                            queue.append(.storage(.saved))
                        }
                    case .loadMonths(let months):
                        let entries = months.sorted().flatMap { onDisk.removeValue(forKey: $0) ?? [] }
                        if !entries.isEmpty { outcome.reached.insert("months loaded") }
                        queue.append(.monthsLoaded(months: months, entries: entries))
                    case .writeCalendar(_, let events):
                        queue.append(.notify(StorageNotice(title: "Plan exported", text: "\(events) days written to plan.ics.")))
                    case .quit, .bell:
                        break
                    }
                }
            }
            outcome.steps += 1
            outcome.reached.formUnion(Self.places(state))

            var problems = MonkeyInvariants.shell(state)
            let journalChanged = state.journal != before.journal
            if case .key = move { problems += MonkeyInvariants.touched(state, journalChanged: journalChanged) }
            let changed = journalChanged || state.context.day != before.day
            if changed {
                problems += MonkeyInvariants.allPanes(state) + MonkeyInvariants.totals(state, journalChanged: journalChanged)
                if journalChanged { problems += state.journal.problems }
            }
            let resized = state.width != before.width || state.height != before.height
            if viewEvery == 1 || step % viewEvery == 0 || step == steps - 1 || resized {
                let canvas = view(state)
                outcome.views += 1
                problems += MonkeyInvariants.canvas(canvas, state) + MonkeyInvariants.totalsShown(state, canvas)
                if outcome.views % 4 == 0 { problems += MonkeyInvariants.drawsInsideItsArea(state) }
            }
            if !problems.isEmpty {
                fail(step, problems, "\(move)")
                break
            }
        }
        outcome.seconds = Date().timeIntervalSince(began)
        outcome.cpuSeconds = threadCPUSeconds() - cpu
        return outcome
    }

    static var longRun: Bool { ProcessInfo.processInfo.environment["MAGRELAX_LONG_TESTS"] == "1" }
    static var replaySeed: UInt64? { ProcessInfo.processInfo.environment["MAGRELAX_MONKEY_SEED"].flatMap(UInt64.init) }

    static func start(_ journal: Bool) throws -> MonkeyStart {
        journal ? try MonkeyStart.withJournal.get() : try MonkeyStart.firstStart()
    }

    /// One run and its report: what it missed of `places`, and its pace.
    static func check(seed: UInt64, journal: Bool, steps: Int, viewEvery: Int, everyMode: Bool) throws {
        let start = try start(journal)
        let outcome = run(seed: seed, steps: steps, from: start, viewEvery: viewEvery)
        print(String(format: "monkey seed %llu (%@): %d steps, %d views, %d saves (%d failed) in %.1f s (%.1f s CPU, %.0f steps/s)",
                     seed, start.name, outcome.steps, outcome.views, outcome.saves, outcome.failedSaves, outcome.seconds,
                     outcome.cpuSeconds, Double(outcome.steps) / outcome.cpuSeconds))
        guard outcome.steps == steps else { return }
        // A first start has no older months on disk to read.
        let places = Self.panesAndOverlays.union(everyMode ? Self.modes : []).subtracting(start.onDisk.isEmpty ? ["months loaded"] : [])
        let missed = places.subtracting(outcome.reached)
        #expect(missed.isEmpty, "monkey seed \(seed) (\(start.name)) never reached \(missed.sorted())")
        let modes = Self.modes.subtracting(outcome.reached)
        if !everyMode && !modes.isEmpty { print("monkey seed \(seed) (\(start.name)) did not reach \(modes.sorted()) this time") }
    }

    /// A few hundred steps from each start, viewed and checked after every one.
    @Test(arguments: [(UInt64(1), true), (UInt64(2), false)])
    func randomKeysNeverBreakTheApp(seed: UInt64, journal: Bool) throws {
        try Self.check(seed: Self.replaySeed ?? seed, journal: journal, steps: 500, viewEvery: 1, everyMode: false)
    }

    /// 100,000 steps over four seeds, two of each start, run side by side.
    @Test(.enabled(if: longRun, "set MAGRELAX_LONG_TESTS=1"),
          arguments: [(UInt64(11), true), (UInt64(12), false), (UInt64(13), true), (UInt64(14), false)])
    func aHundredThousandRandomStepsNeverBreakTheApp(seed: UInt64, journal: Bool) throws {
        try Self.check(seed: Self.replaySeed ?? seed, journal: journal, steps: 25_000, viewEvery: 16, everyMode: true)
    }
}
