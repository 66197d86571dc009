import Foundation
import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Random keys, resizes and ticks through `update` and `view`, on a seeded generator: the app never
/// crashes, and after every step the screen fits the terminal and the journal is valid. The seed is
/// printed on failure; MAGRELAX_MONKEY_SEED replays one. The long run is behind MAGRELAX_LONG_TESTS.
@Suite struct MonkeyTests {
    /// SplitMix64: small, seedable, the same sequence on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = {
        let named: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
            .delete, .function(1), .ctrl("u"),
        ]
        // Every printable ASCII key but q (which only quits), plus a wide and an accented letter.
        let printable = (32...126).map { Character(UnicodeScalar($0)!) }.filter { $0 != "q" }
        return named + printable.map(Key.char) + [.char("é"), .char("日")]
    }()

    static var longRun: Bool { ProcessInfo.processInfo.environment["MAGRELAX_LONG_TESTS"] == "1" }

    func run(seed: UInt64, steps: Int) throws {
        var rng = Seeded(state: seed)
        var state = try makeState()
        state.profile = Profile(
            ageYears: 40, sex: .female, goal: .tensionHeadache, planStart: CalendarDay(iso: "2026-11-02")!,
            supplementFormID: "glycinate", doseMg: 200, disclaimerAccepted: CalendarDay(iso: "2026-11-02")!)
        var clock = 1_795_600_000.0
        var mono = 1000.0
        for step in 0..<steps {
            var actions: [Action]
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<2:
                actions = [.resize(width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng))]
            case 2..<4:
                actions = [.resize(width: Int.random(in: 60...140, using: &rng), height: Int.random(in: 18...50, using: &rng))]
            case 4..<12:
                let dt = Double(Int.random(in: 1...4000, using: &rng)) / 100
                clock += dt
                mono += dt
                actions = [.tick(TimeReading(monotonic: mono, wallClock: clock, utcOffsetSeconds: 0))]
            default:
                actions = [.key(Self.keys.randomElement(using: &rng)!)]
            }
            while !actions.isEmpty {
                let action = actions.removeFirst()
                for effect in update(&state, action) {
                    switch effect {
                    case .saveJournal, .saveProfile: actions.append(.storage(.saved))
                    case .loadMonths(let months): actions.append(.monthsLoaded(months: months, entries: []))
                    case .writeCalendar: break
                    case .quit, .bell: break
                    }
                }
            }
            let canvas = view(state)
            let lines = canvas.lines
            let fits = lines.count == state.height && lines.allSatisfy { TextWidth.width($0) <= state.width }
            let problems = state.journal.problems
            if !fits || !problems.isEmpty {
                Issue.record("seed \(seed), step \(step): fits \(fits), journal problems \(problems)\n\(canvas.text)")
                return
            }
        }
    }

    @Test func randomKeysNeverBreakTheApp() throws {
        let given = ProcessInfo.processInfo.environment["MAGRELAX_MONKEY_SEED"].flatMap(UInt64.init)
        let seeds: [UInt64] = given.map { [$0] } ?? (Self.longRun ? [1, 2, 3, 4] : [1])
        let steps = Self.longRun ? 10_000 : 800
        for seed in seeds { try run(seed: seed, steps: steps) }
    }
}
