import PropertyBased
import Testing

@testable import MagRelaxCore

/// The problems found, as (phase, kind) pairs.
private func problems(_ i: Double, _ hi: Double, _ e: Double, _ ho: Double, pregnant: Bool = false, heart: Bool = false)
    -> [Found]
{
    BreathingRules.problems(inhale: i, holdIn: hi, exhale: e, holdOut: ho, pregnant: pregnant, heartOrLungDisease: heart)
        .map { Found(phase: $0.phase, kind: $0.kind, message: $0.message) }
}

private struct Found: Equatable {
    var phase: BreathPhase?
    var kind: PatternProblem.Kind
    var message: String

    static func timing(_ phase: BreathPhase, _ text: String) -> Found { Found(phase: phase, kind: .timing, message: text) }
    static func hold(_ phase: BreathPhase) -> Found {
        Found(phase: phase, kind: .holdNotAllowed, message: "must be 0 with pregnancy or heart or lung disease")
    }
}

@Test func everyTimingWithinTheLimitsIsAccepted() async {
    let half = BreathingFixtures.halfSeconds
    await propertyCheck(input: half(4...40), half(0...40), half(4...40), half(0...40)) { i, hi, e, ho in
        #expect(problems(i, hi, e, ho).isEmpty)
        // With pregnancy or heart or lung disease, exactly the non-zero holds are refused.
        var holds: [Found] = []
        if hi > 0 { holds.append(.hold(.holdIn)) }
        if ho > 0 { holds.append(.hold(.holdOut)) }
        #expect(problems(i, hi, e, ho, pregnant: true) == holds)
        #expect(problems(i, hi, e, ho, heart: true) == holds)
    }
}

@Test func timingsOffTheHalfSecondGridAreRefused() async {
    await propertyCheck(input: Gen.int(in: 8...79), Gen.int(in: 1...3)) { quarters, offset in
        let seconds = Double(quarters) / 4 + (offset == 2 ? 0.1 : 0)
        let onGrid = (seconds * 2).rounded() == seconds * 2
        let offGrid = { (found: [Found], phase: BreathPhase) in
            found.contains { $0.phase == phase && $0.message.hasPrefix("must be in 0.5 s steps") }
        }
        #expect(offGrid(problems(seconds, 0, 4, 0), .inhale) == !onGrid)
        #expect(offGrid(problems(4, seconds, 4, 0), .holdIn) == !onGrid)
    }
}

@Test func theLimitsOfTheEditor() {
    #expect(problems(1.5, 0, 4, 0) == [.timing(.inhale, "must be at least 2 s (got 1.5)")])
    #expect(problems(4, 0, 0, 0) == [.timing(.exhale, "must be at least 2 s (got 0)")])
    #expect(problems(2, 0, 2, 0).isEmpty)
    #expect(problems(20, 20, 20, 20).isEmpty)
    #expect(problems(20.5, 0, 4, 0) == [.timing(.inhale, "must be 0–20 s (got 20.5)")])
    #expect(problems(4, -0.5, 4, 21).map(\.phase) == [.holdIn, .holdOut])
    #expect(problems(4, .nan, 4, 0).map(\.phase) == [.holdIn])
    #expect(problems(4, 4, 4, 4, pregnant: true) == [.hold(.holdIn), .hold(.holdOut)])
    #expect(problems(4, 0, 6, 0, pregnant: true, heart: true).isEmpty)
}

@Test func aCustomPatternIsBuiltOrRefusedWithEveryProblem() throws {
    let made = try BreathingPattern.custom(
        id: "p1", name: "  Evening  ", inhale: 4, holdIn: 2, exhale: 6.5, holdOut: 0, pregnant: false, heartOrLungDisease: false
    ).get()
    #expect(made.name == "Evening" && made.isCustom && !made.alternateNostril)
    #expect(Pacer(pattern: made, length: .cycles(1)).cycleSeconds == 12.5)
    #expect(made.defaultLength == .minutes(5))

    let refused = BreathingPattern.custom(
        id: "p1", name: " ", inhale: 1, holdIn: 3, exhale: 4, holdOut: 0, pregnant: true, heartOrLungDisease: false)
    guard case .failure(let error) = refused else {
        Issue.record("a nameless pattern with a 1 s in-breath was accepted")
        return
    }
    #expect(error.problems.map(\.kind) == [.emptyName, .timing, .holdNotAllowed])
    #expect(
        error.problems.map(\.description) == [
            "The pattern needs a name", "In-breath must be at least 2 s (got 1)",
            "Hold (full) must be 0 with pregnancy or heart or lung disease",
        ])
}

@Test func fourSevenEightIsLimitedInTheFirstMonth() {
    let p = BreathingFixtures.fourSevenEight
    #expect(p.defaultLength == .cycles(4))
    #expect(p.cycleLimit(inFirstMonth: true) == 4)
    #expect(p.cycleLimit(inFirstMonth: false) == 8)
    #expect(p.allowedLength(.cycles(6), inFirstMonth: true) == .cycles(4))
    #expect(p.allowedLength(.cycles(6), inFirstMonth: false) == .cycles(6))
    #expect(p.allowedLength(.cycles(12), inFirstMonth: false) == .cycles(8))
    // Ten minutes of 19 s breaths would be 32: held to the limit.
    #expect(p.allowedLength(.minutes(10), inFirstMonth: false) == .cycles(8))

    let box = BreathingFixtures.box
    #expect(box.defaultLength == .minutes(3))
    #expect(box.cycleLimit(inFirstMonth: true) == nil)
    #expect(box.allowedLength(.minutes(30), inFirstMonth: true) == .minutes(30))
    #expect(BreathingFixtures.coherent.defaultLength == .minutes(10))
    #expect(BreathingFixtures.nadiShodhana.defaultLength == .cycles(5))
}
