import PropertyBased
import Testing

@testable import MagRelaxCore

@Test func pausedTimeDoesNotCount() async {
    let runsAndPauses = zip(Gen.double(in: 0...30), Gen.double(in: 0...600)).array(of: 0...10)
    await propertyCheck(
        input: BreathingFixtures.anyPattern, runsAndPauses, Gen.double(in: 0...1_000_000), Gen.double(in: 0...30)
    ) { pattern, pairs, start, lastRun in
        // Long enough that no pause falls after the end (a pause then is refused, as tested below).
        let pacer = Pacer(pattern: pattern, length: .cycles(1_000))
        var session = BreathSession(pacer: pacer, startedAt: start)
        var now = start
        var active = 0.0
        for (run, pause) in pairs {
            now += run
            active += run
            session.pause(at: now)
            #expect(session.isPaused)
            let frozen = session.state(at: now)
            #expect(session.state(at: now + pause) == frozen)
            #expect(session.nextWakeup(at: now + pause / 2, framesPerSecond: 10) == nil)
            now += pause
            session.resume(at: now)
            #expect(!session.isPaused)
        }
        now += lastRun
        active += lastRun
        #expect(abs(session.activeSeconds(at: now) - active) < 1e-6)
        #expect(session.pauses.count == pairs.count)
        let state = session.state(at: now)
        let expected = pacer.state(at: session.activeSeconds(at: now))
        #expect(state == expected)
    }
}

@Test func pauseAndResumeAreIdempotentAndStopAtTheEnd() {
    let pacer = Pacer(pattern: BreathingFixtures.box, length: .cycles(1))
    var session = BreathSession(pacer: pacer, startedAt: 50)
    session.resume(at: 51)
    #expect(session.pauses.isEmpty)
    session.pause(at: 52)
    session.pause(at: 53)
    #expect(session.pauses == [BreathSession.Pause(from: 52, to: nil)])
    session.resume(at: 60)
    session.resume(at: 61)
    #expect(session.pauses == [BreathSession.Pause(from: 52, to: 60)])
    #expect(session.activeSeconds(at: 61) == 3)
    // 3 s countdown + 16 s of breathing + 8 s paused: over at 50 + 27.
    #expect(!session.isFinished(at: 76.99))
    #expect(session.isFinished(at: 77))
    #expect(session.nextWakeup(at: 77, framesPerSecond: 10) == nil)
    session.pause(at: 78)
    #expect(!session.isPaused)
    session.togglePause(at: 80)
    #expect(!session.isPaused && session.pauses.count == 1)
}

@Test func summaryOfASessionEndedEarly() {
    let pacer = Pacer(pattern: BreathingFixtures.box, length: .minutes(5))
    var session = BreathSession(pacer: pacer, startedAt: 100)
    session.pause(at: 130)
    session.resume(at: 150)
    // 3 s countdown, then 60 s of breathing, with 20 s paused in between.
    let summary = session.summary(at: 183)
    #expect(
        summary
            == BreathSessionSummary(
                patternID: "box", plannedCycles: 19, plannedSeconds: 304, breathingSeconds: 60, cyclesCompleted: 3,
                completed: false))
    let done = session.summary(at: 10_000)
    #expect(done.completed && done.cyclesCompleted == 19 && done.breathingSeconds == 304)
}

/// A tiny deterministic generator for the run loop's lateness in the simulation below.
private struct Jitter {
    var state: UInt64
    mutating func next(max: Double) -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53) * max
    }
}

/// Simulates the run loop: it sleeps until the session's next wake-up (arriving up to 10 ms late, as a
/// busy machine might) or until a key comes, whichever is first. Space toggles the pause; other keys
/// only wake it. Returns the moments the loop drew (monotonic, active) and when it saw the end.
private func runLoop(
    _ session: inout BreathSession, keys: [(at: Double, space: Bool)], seed: UInt64
) -> (draws: [(now: Double, active: Double)], end: Double?) {
    var jitter = Jitter(state: seed)
    var keys = keys.sorted { $0.at < $1.at }
    var now = session.startedAt
    var draws: [(Double, Double)] = []
    for _ in 0..<200_000 {
        let timer = session.nextWakeup(at: now, framesPerSecond: 10).map { $0 + jitter.next(max: 0.01) }
        if timer == nil, keys.isEmpty {
            guard session.isPaused else { break }
            keys.append((now + 5, true))  // someone finally resumes
        }
        if let key = keys.first, key.at <= (timer ?? .infinity) {
            now = max(now, key.at)
            keys.removeFirst()
            if key.space { session.togglePause(at: now) }
        } else if let timer {
            now = max(now, timer)
        }
        draws.append((now, session.activeSeconds(at: now)))
        if session.state(at: now).isFinished { return (draws, now) }
    }
    return (draws, nil)
}

@Test func aThirtyMinuteSessionEndsOnTimeWhateverKeysArePressed() async {
    let keys = zip(Gen.double(in: 0...2_400), Gen.bool).array(of: 0...16)
    await propertyCheck(
        count: 30, input: Gen.element(of: BreathingFixtures.domain.map(\.id)), keys, Gen.uint64()
    ) { id, keyList, seed in
        let pattern = BreathingFixtures.domain.first { $0.id == id }!
        let pacer = Pacer(pattern: pattern, length: .minutes(30))
        let start = 7_777.5
        var session = BreathSession(pacer: pacer, startedAt: start)
        let (draws, end) = runLoop(&session, keys: keyList.map { (start + $0.0, $0.1) }, seed: seed)
        guard let end else {
            Issue.record("the session never ended")
            return
        }
        // Due: the countdown, the whole cycles and the time spent paused.
        let due = start + pacer.totalSeconds + session.pausedSeconds(at: end)
        #expect(end >= due && end - due <= 0.05, "ended \(end - due) s after it was due")
        #expect(abs(pacer.practiceSeconds - 1_800) <= pacer.cycleSeconds / 2)

        // Every phase change is drawn within 50 ms (of active time) of when it was due.
        var boundaries: [Double] = [Pacer.getReadySeconds]
        for cycle in 0..<pacer.cycles {
            for step in pacer.steps {
                boundaries.append(Pacer.getReadySeconds + Double(cycle) * pacer.cycleSeconds + step.end)
            }
        }
        var i = 0
        for boundary in boundaries {
            while i < draws.count, draws[i].active < boundary { i += 1 }
            guard i < draws.count else {
                Issue.record("no draw after the boundary at \(boundary)")
                return
            }
            #expect(draws[i].active - boundary <= 0.05, "boundary \(boundary) drawn at \(draws[i].active)")
        }
    }
}

@Test func thirtyMinutesOfDiaphragmaticBreathingIsExactlyThirtyMinutes() {
    // 4 + 6 s a breath: 180 whole breaths.
    let pacer = Pacer(pattern: BreathingFixtures.diaphragmatic, length: .minutes(30))
    #expect(pacer.cycles == 180)
    #expect(pacer.practiceSeconds == 1_800)
    var session = BreathSession(pacer: pacer, startedAt: 0)
    let (_, end) = runLoop(&session, keys: [(600, true), (900, true), (1_000, false)], seed: 42)
    let expectedEnd = Pacer.getReadySeconds + 1_800 + 300
    #expect(end.map { $0 >= expectedEnd && $0 - expectedEnd <= 0.05 } == true)
}
