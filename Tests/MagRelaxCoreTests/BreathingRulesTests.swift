import PropertyBased
import Testing

@testable import MagRelaxCore

private func problems(_ i: Double, _ hi: Double, _ e: Double, _ ho: Double, pregnant: Bool = false, heart: Bool = false)
    -> [PatternProblem]
{
    BreathingRules.problems(inhale: i, holdIn: hi, exhale: e, holdOut: ho, pregnant: pregnant, heartOrLungDisease: heart)
}

@Test func everyTimingWithinTheLimitsIsAccepted() async {
    let half = BreathingFixtures.halfSeconds
    await propertyCheck(input: half(4...40), half(0...40), half(4...40), half(0...40)) { i, hi, e, ho in
        #expect(problems(i, hi, e, ho).isEmpty)
        // With pregnancy or heart or lung disease, exactly the non-zero holds are refused.
        var holds: [PatternProblem] = []
        if hi > 0 { holds.append(.holdNotAllowed(.holdIn)) }
        if ho > 0 { holds.append(.holdNotAllowed(.holdOut)) }
        #expect(problems(i, hi, e, ho, pregnant: true) == holds)
        #expect(problems(i, hi, e, ho, heart: true) == holds)
    }
}

@Test func timingsOffTheHalfSecondGridAreRefused() async {
    await propertyCheck(input: Gen.int(in: 8...79), Gen.int(in: 1...3)) { quarters, offset in
        let seconds = Double(quarters) / 4 + (offset == 2 ? 0.1 : 0)
        let onGrid = (seconds * 2).rounded() == seconds * 2
        #expect(problems(seconds, 0, 4, 0).contains(.notHalfSecondStep(.inhale)) == !onGrid)
        #expect(problems(4, seconds, 4, 0).contains(.notHalfSecondStep(.holdIn)) == !onGrid)
    }
}

@Test func theLimitsOfTheEditor() {
    #expect(problems(1.5, 0, 4, 0) == [.tooShort(.inhale)])
    #expect(problems(4, 0, 0, 0) == [.tooShort(.exhale)])
    #expect(problems(2, 0, 2, 0).isEmpty)
    #expect(problems(20, 20, 20, 20).isEmpty)
    #expect(problems(20.5, 0, 4, 0) == [.outOfRange(.inhale)])
    #expect(problems(4, -0.5, 4, 21) == [.outOfRange(.holdIn), .outOfRange(.holdOut)])
    #expect(problems(4, .nan, 4, 0) == [.outOfRange(.holdIn)])
    #expect(problems(4, 4, 4, 4, pregnant: true) == [.holdNotAllowed(.holdIn), .holdNotAllowed(.holdOut)])
    #expect(problems(4, 0, 6, 0, pregnant: true, heart: true).isEmpty)
}

@Test func aCustomPatternIsBuiltOrRefusedWithEveryProblem() throws {
    let made = try BreathingPattern.custom(
        name: "  Evening  ", inhale: 4, holdIn: 2, exhale: 6.5, holdOut: 0, pregnant: false, heartOrLungDisease: false
    ).get()
    #expect(made.name == "Evening" && made.isCustom && !made.alternateNostril)
    #expect(Pacer(pattern: made, length: .cycles(1)).cycleSeconds == 12.5)
    #expect(made.defaultLength == .minutes(5))

    let refused = BreathingPattern.custom(
        name: " ", inhale: 1, holdIn: 3, exhale: 4, holdOut: 0, pregnant: true, heartOrLungDisease: false)
    #expect(throws: CustomPatternError(problems: [.emptyName, .tooShort(.inhale), .holdNotAllowed(.holdIn)])) {
        try refused.get()
    }
    #expect(PatternProblem.tooShort(.exhale).description == "Out-breath must be at least 2 seconds")
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
