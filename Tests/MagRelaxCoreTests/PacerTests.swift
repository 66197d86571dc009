import PropertyBased
import Testing

@testable import MagRelaxCore

private let ready = Pacer.getReadySeconds

/// The phases one cycle must go through, from the pattern's own numbers.
private func expectedOrder(_ p: BreathingPattern) -> [PacerStep] {
    let sides: [(Nostril?, Nostril?)] = p.alternateNostril ? [(.left, .right), (.right, .left)] : [(nil, nil)]
    var steps: [PacerStep] = []
    var t = 0.0
    for (inSide, outSide) in sides {
        for (phase, seconds, nostril) in [
            (BreathPhase.inhale, p.inhale, inSide), (.holdIn, p.holdIn, nil), (.exhale, p.exhale, outSide),
            (.holdOut, p.holdOut, nil),
        ] where seconds > 0 {
            steps.append(PacerStep(phase: phase, nostril: nostril, start: t, duration: seconds))
            t += seconds
        }
    }
    return steps
}

/// The invariants every pattern must keep; used for random patterns and for the catalogue's.
private func checkInvariants(_ pattern: BreathingPattern, sourceLocation: SourceLocation = #_sourceLocation) {
    let pacer = Pacer(pattern: pattern, length: .cycles(3))
    #expect(pacer.steps == expectedOrder(pattern), sourceLocation: sourceLocation)
    let perBreath = pattern.inhale + pattern.holdIn + pattern.exhale + pattern.holdOut
    #expect(pacer.cycleSeconds == perBreath * (pattern.alternateNostril ? 2 : 1), sourceLocation: sourceLocation)

    // Walking the session in 10 ms steps meets the steps in order, cycle after cycle, each lasting its
    // duration, and ends after exactly three cycles.
    var seen: [(step: PacerStep, cycle: Int, at: Double)] = []
    var t = ready
    while t < pacer.totalSeconds + 0.5 {
        let s = pacer.state(at: t)
        if s.stage == .breathing, seen.last.map({ $0.step != s.step || $0.cycle != s.cycleIndex }) ?? true {
            seen.append((s.step, s.cycleIndex, t))
        }
        t += 0.01
    }
    let expected = (0..<3).flatMap { cycle in pacer.steps.map { (step: $0, cycle: cycle) } }
    #expect(seen.map(\.step) == expected.map(\.step), sourceLocation: sourceLocation)
    #expect(seen.map(\.cycle) == expected.map(\.cycle), sourceLocation: sourceLocation)
    for (i, entry) in seen.enumerated() {
        let due = ready + Double(entry.cycle) * pacer.cycleSeconds + entry.step.start
        #expect(abs(entry.at - due) < 0.011, "step \(i) began at \(entry.at), due \(due)", sourceLocation: sourceLocation)
    }
    #expect(pacer.state(at: pacer.totalSeconds).isFinished, sourceLocation: sourceLocation)
    #expect(!pacer.state(at: pacer.totalSeconds - 0.001).isFinished, sourceLocation: sourceLocation)
}

@Test func randomPatternsKeepPhaseOrderAndDurations() async {
    await propertyCheck(count: 60, input: BreathingFixtures.anyPattern) { pattern in
        checkInvariants(pattern)
    }
}

@Test func stepsAreContiguousAndSumToTheCycle() async {
    await propertyCheck(input: BreathingFixtures.anyPattern) { pattern in
        let pacer = Pacer(pattern: pattern, length: .cycles(1))
        var t = 0.0
        for step in pacer.steps {
            #expect(step.start == t)
            #expect(step.duration > 0)
            t = step.end
        }
        #expect(t == pacer.cycleSeconds)
        #expect(pacer.steps.reduce(0) { $0 + $1.duration } == pacer.cycleSeconds)
    }
}

@Test func everyDomainPatternKeepsItsTiming() {
    for pattern in BreathingFixtures.domain { checkInvariants(pattern) }
    let cycles = BreathingFixtures.domain.map { Pacer(pattern: $0, length: .cycles(1)).cycleSeconds }
    #expect(cycles == [10, 16, 19, 11, 16, 12, 10])
}

@Test func everyCataloguePatternKeepsItsTiming() {
    let catalogue = BreathingFixtures.catalogue
    for pattern in catalogue {
        checkInvariants(pattern)
        // Where the catalogue holds one of the seven reference patterns, its seconds are the reference's.
        if let known = BreathingFixtures.domain.first(where: { $0.id == pattern.id }) {
            #expect(
                [pattern.inhale, pattern.holdIn, pattern.exhale, pattern.holdOut, pattern.alternateNostril ? 1 : 0]
                    == [known.inhale, known.holdIn, known.exhale, known.holdOut, known.alternateNostril ? 1 : 0],
                "\(pattern.id)")
        }
    }
}

@Test func nadiShodhanaGoesLeftRightRightLeft() {
    let pacer = Pacer(pattern: BreathingFixtures.nadiShodhana, length: .cycles(5))
    let order = pacer.steps.map { "\($0.phase.label) \($0.nostril?.rawValue ?? "-")" }
    #expect(order == ["Inhale left", "Exhale right", "Inhale right", "Exhale left"])
    // Starts and ends on the left.
    #expect(pacer.state(at: ready).nostril == .left)
    #expect(pacer.state(at: pacer.totalSeconds - 0.01).nostril == .left)
    #expect(pacer.state(at: ready + 4.5).nostril == .right)
    #expect(pacer.state(at: ready + 8.5).nostril == .right)
}

@Test func boxBreathingAtFixedTimes() {
    let pacer = Pacer(pattern: BreathingFixtures.box, length: .cycles(2))
    let at = { (t: Double) in pacer.state(at: t) }
    #expect(at(0).stage == .getReady)
    #expect(at(0).secondsLeftInPhase == 3)
    #expect(at(2.5).secondsLeftInPhase == 0.5)
    #expect(at(3).stage == .breathing)
    #expect(at(3).phase == .inhale && at(3).breathSize == 0)
    #expect(at(5).phase == .inhale && abs(at(5).breathSize - 0.5) < 1e-12 && at(5).secondsLeftInPhase == 2)
    #expect(at(7).phase == .holdIn && at(7).breathSize == 1)
    #expect(at(11).phase == .exhale && at(11).breathSize == 1)
    #expect(at(15).phase == .holdOut && at(15).breathSize == 0)
    #expect(at(19).phase == .inhale && at(19).cycleIndex == 1 && at(19).cyclesCompleted == 1)
    #expect(at(19).timeLeft == 16)
    #expect(at(35).isFinished && at(35).cyclesCompleted == 2 && at(35).timeLeft == 0)
    #expect(at(1000).isFinished)
}

@Test func progressIsContinuousAndMonotoneWithinAPhase() async {
    await propertyCheck(
        count: 300, input: BreathingFixtures.anyPattern, Gen.double(in: 0...1), Gen.double(in: 0.000_1...0.05)
    ) { pattern, fraction, delta in
        let pacer = Pacer(pattern: pattern, length: .cycles(2))
        let t = fraction * pacer.totalSeconds
        let a = pacer.state(at: t)
        let b = pacer.state(at: t + delta)
        let shortest = pacer.steps.map(\.duration).min() ?? 1
        // The breath's size never jumps, across phase and cycle boundaries too (its steepest slope is
        // π/2 per phase length).
        #expect(abs(b.breathSize - a.breathSize) <= delta * .pi / 2 / shortest + 1e-9)
        guard a.stage == b.stage, a.stage != .finished, a.step == b.step, a.cycleIndex == b.cycleIndex else { return }
        #expect(b.phaseProgress >= a.phaseProgress)
        #expect(b.phaseProgress - a.phaseProgress <= delta / (a.stage == .getReady ? ready : a.step.duration) + 1e-9)
        #expect(abs((a.secondsLeftInPhase - b.secondsLeftInPhase) - delta) < 1e-9)
        switch a.phase {
        case .inhale where a.stage == .breathing: #expect(b.breathSize >= a.breathSize)
        case .exhale: #expect(b.breathSize <= a.breathSize)
        default: #expect(b.breathSize == a.breathSize)
        }
        #expect(abs((a.timeLeft - b.timeLeft) - (a.stage == .getReady ? 0 : delta)) < 1e-9)
    }
}

@Test func minutesBecomeTheNearestWholeNumberOfCycles() async {
    await propertyCheck(input: BreathingFixtures.anyPattern, Gen.int(in: 1...120)) { pattern, halfMinutes in
        let minutes = Double(halfMinutes) / 2
        let pacer = Pacer(pattern: pattern, length: .minutes(minutes))
        #expect(pacer.cycles >= 1)
        #expect(pacer.practiceSeconds == Double(pacer.cycles) * pacer.cycleSeconds)
        if pacer.cycles > 1 {
            #expect(abs(pacer.practiceSeconds - minutes * 60) <= pacer.cycleSeconds / 2 + 1e-9)
        }
        // The session ends exactly on the last cycle's last boundary.
        let end = pacer.state(at: pacer.totalSeconds)
        #expect(end.isFinished && end.cyclesCompleted == pacer.cycles)
        let before = pacer.state(at: pacer.totalSeconds - 0.001)
        #expect(!before.isFinished && before.step == pacer.steps.last && before.cyclesCompleted == pacer.cycles - 1)
    }
}

@Test func cyclesRule() {
    #expect(Pacer.cycles(for: .minutes(5), cycleSeconds: 16) == 19)  // 18.75 → 19
    #expect(Pacer.cycles(for: .minutes(4), cycleSeconds: 16) == 15)  // exactly 15
    #expect(Pacer.cycles(for: .minutes(2), cycleSeconds: 48) == 3)  // 2.5 rounds up
    #expect(Pacer.cycles(for: .minutes(0.1), cycleSeconds: 19) == 1)
    #expect(Pacer.cycles(for: .cycles(0), cycleSeconds: 19) == 1)
    #expect(Pacer.cycles(for: .cycles(8), cycleSeconds: 19) == 8)
}

@Test func nextPhaseChangeIsTheNextBoundary() async {
    await propertyCheck(count: 300, input: BreathingFixtures.anyPattern, Gen.double(in: 0...1)) { pattern, fraction in
        let pacer = Pacer(pattern: pattern, length: .cycles(3))
        let t = fraction * pacer.totalSeconds
        guard let next = pacer.nextPhaseChange(after: t) else {
            #expect(pacer.state(at: t).isFinished)
            return
        }
        #expect(next > t)
        let now = pacer.state(at: t)
        // Nothing changes before it; the phase (or stage) changes at it.
        let justBefore = pacer.state(at: next - 1e-6)
        #expect(justBefore.step == now.step && justBefore.stage == now.stage && justBefore.cycleIndex == now.cycleIndex)
        let at = pacer.state(at: next)
        #expect(at.step != now.step || at.stage != now.stage || at.cycleIndex != now.cycleIndex)

        let wake = pacer.nextWake(after: t, framesPerSecond: 10)
        #expect(wake.map { $0 > t && $0 <= next && $0 - t <= 0.1 + 1e-9 } == true)
    }
}

@Test func theCountdownComesFirst() {
    let pacer = Pacer(pattern: BreathingFixtures.fourSevenEight, length: .cycles(4))
    for t in stride(from: 0.0, to: ready, by: 0.25) {
        let s = pacer.state(at: t)
        #expect(s.stage == .getReady)
        #expect(s.step == pacer.steps[0])
        #expect(s.secondsLeftInPhase == ready - t)
        #expect(s.timeLeft == 4 * 19)
    }
    #expect(pacer.nextPhaseChange(after: 0) == ready)
    #expect(pacer.nextWake(after: 2.95, framesPerSecond: 10) == ready)
}
