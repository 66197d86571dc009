#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The breathing pacer: a pure function of the active seconds since a session started.
///
/// Nothing here counts ticks or adds up sleeps. The caller passes the time elapsed on a monotonic clock
/// minus paused time (see `BreathSession`), so however often or late the run loop wakes, the phase it
/// shows is the one that is due, and a session of N cycles ends after exactly N × the cycle's seconds.

/// One part of a breath.
public enum BreathPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case inhale, holdIn, exhale, holdOut

    /// The large label on the session screen.
    public var label: String {
        switch self {
        case .inhale: "Inhale"
        case .holdIn, .holdOut: "Hold"
        case .exhale: "Exhale"
        }
    }
}

/// One timed step of a cycle.
public struct PacerStep: Sendable, Hashable {
    public var phase: BreathPhase
    /// Set for the in- and out-breaths of an alternate-nostril pattern; nil for holds and other patterns.
    public var nostril: Nostril?
    /// Seconds from the start of the cycle.
    public var start: Double
    public var duration: Double

    public var end: Double { start + duration }
}

/// How long a session should be, as the person chose it.
public enum SessionLength: Sendable, Hashable, Codable {
    case minutes(Double)
    case cycles(Int)
}

/// Where a session stands at one moment.
public struct PacerState: Sendable, Hashable {
    public enum Stage: Sendable, Hashable {
        /// The countdown before the first breath.
        case getReady
        case breathing
        case finished
    }

    public var stage: Stage
    /// The phase being breathed; during the countdown, the first phase to come; when finished, the last one.
    public var step: PacerStep
    /// Seconds left in the phase (or in the countdown).
    public var secondsLeftInPhase: Double
    /// 0 at the start of the phase, 1 at its end.
    public var phaseProgress: Double
    /// The size of the breath for the animation: 0 empty, 1 full.
    public var breathSize: Double
    /// The cycle being breathed, from 0.
    public var cycleIndex: Int
    public var cyclesCompleted: Int
    /// Seconds of breathing left in the session (the countdown not included).
    public var timeLeft: Double

    public var phase: BreathPhase { step.phase }
    public var nostril: Nostril? { step.nostril }
    public var isFinished: Bool { stage == .finished }
}

public struct Pacer: Sendable, Hashable {
    /// The "get ready" countdown before the first phase.
    public static let getReadySeconds: Double = 3

    public let pattern: BreathingPattern
    /// One cycle's steps, in order, zero-length holds left out.
    public let steps: [PacerStep]
    public let cycleSeconds: Double
    /// The session's whole number of cycles.
    public let cycles: Int

    public init(pattern: BreathingPattern, length: SessionLength) {
        self.pattern = pattern
        steps = Pacer.steps(for: pattern)
        cycleSeconds = steps.last?.end ?? 0
        cycles = Pacer.cycles(for: length, cycleSeconds: cycleSeconds)
    }

    /// A cycle is one breath; for an alternate-nostril pattern it is one round: in left, out right,
    /// in right, out left (holds, if any, after each in- and out-breath with both nostrils closed).
    public static func steps(for pattern: BreathingPattern) -> [PacerStep] {
        let breath: [(BreathPhase, Double)] = [
            (.inhale, pattern.inhale), (.holdIn, pattern.holdIn), (.exhale, pattern.exhale), (.holdOut, pattern.holdOut),
        ]
        var steps: [PacerStep] = []
        var t = 0.0
        for n in 0..<pattern.breathsPerCycle {
            for (phase, seconds) in breath where seconds > 0 {
                let nostril: Nostril? =
                    switch phase {
                    case .inhale: pattern.nostril(breath: n, exhaling: false)
                    case .exhale: pattern.nostril(breath: n, exhaling: true)
                    case .holdIn, .holdOut: nil
                    }
                steps.append(PacerStep(phase: phase, nostril: nostril, start: t, duration: seconds))
                t += seconds
            }
        }
        return steps
    }

    /// Sessions end on a whole cycle. A length in minutes becomes the whole number of cycles nearest to
    /// it (a half cycle rounds up), and never fewer than one, so the session ends at most half a cycle
    /// before or after the minutes chosen.
    public static func cycles(for length: SessionLength, cycleSeconds: Double) -> Int {
        switch length {
        case .cycles(let n):
            return max(1, n)
        case .minutes(let minutes):
            guard cycleSeconds > 0, minutes.isFinite else { return 1 }
            let exact = max(0, minutes) * 60 / cycleSeconds
            return max(1, Int(exact.rounded(.toNearestOrAwayFromZero)))
        }
    }

    /// Seconds of breathing, the countdown not included.
    public var practiceSeconds: Double { Double(cycles) * cycleSeconds }
    /// Seconds from the start of the countdown to the end of the last cycle.
    public var totalSeconds: Double { Pacer.getReadySeconds + practiceSeconds }

    /// The state after `active` seconds of the session (countdown included, pauses excluded).
    public func state(at active: Double) -> PacerState {
        guard let first = steps.first, let last = steps.last else {
            // A pattern with no timed phase cannot be breathed: it is over before it starts.
            let none = PacerStep(phase: .inhale, nostril: nil, start: 0, duration: 0)
            return PacerState(
                stage: .finished, step: none, secondsLeftInPhase: 0, phaseProgress: 1, breathSize: 0,
                cycleIndex: 0, cyclesCompleted: 0, timeLeft: 0)
        }
        let t = max(0, active)
        if t < Pacer.getReadySeconds {
            return PacerState(
                stage: .getReady, step: first, secondsLeftInPhase: Pacer.getReadySeconds - t,
                phaseProgress: t / Pacer.getReadySeconds, breathSize: 0,
                cycleIndex: 0, cyclesCompleted: 0, timeLeft: practiceSeconds)
        }
        let p = t - Pacer.getReadySeconds
        if p >= practiceSeconds {
            return PacerState(
                stage: .finished, step: last, secondsLeftInPhase: 0, phaseProgress: 1,
                breathSize: Pacer.size(of: last, progress: 1),
                cycleIndex: cycles - 1, cyclesCompleted: cycles, timeLeft: 0)
        }
        let cycle = min(cycles - 1, Int((p / cycleSeconds).rounded(.down)))
        // Float rounding can put the offset a hair outside the cycle; clamp it in.
        let offset = min(max(0, p - Double(cycle) * cycleSeconds), cycleSeconds)
        let step = steps.last { $0.start <= offset } ?? first
        let progress = min(1, max(0, (offset - step.start) / step.duration))
        return PacerState(
            stage: .breathing, step: step, secondsLeftInPhase: max(0, step.end - offset),
            phaseProgress: progress, breathSize: Pacer.size(of: step, progress: progress),
            cycleIndex: cycle, cyclesCompleted: cycle, timeLeft: practiceSeconds - p)
    }

    /// The breath's size: grows during the in-breath, stays full or empty during a hold, shrinks during the
    /// out-breath. Eased (a half cosine) so it starts and ends gently, as a breath does.
    static func size(of step: PacerStep, progress: Double) -> Double {
        let eased = (1 - cos(Double.pi * progress)) / 2
        switch step.phase {
        case .inhale: return eased
        case .holdIn: return 1
        case .exhale: return 1 - eased
        case .holdOut: return 0
        }
    }

    /// The active time of the next phase change (the end of the countdown included) after `active`;
    /// nil once the session is over.
    public func nextPhaseChange(after active: Double) -> Double? {
        let t = max(0, active)
        guard t < totalSeconds, !steps.isEmpty else { return nil }
        if t < Pacer.getReadySeconds { return Pacer.getReadySeconds }
        let p = t - Pacer.getReadySeconds
        let cycle = min(cycles - 1, Int((p / cycleSeconds).rounded(.down)))
        let base = Pacer.getReadySeconds + Double(cycle) * cycleSeconds
        for step in steps where base + step.end > t {
            return base + step.end
        }
        // `t` sits on the cycle's last boundary (float rounding): the next cycle's first step ends next.
        return min(totalSeconds, base + cycleSeconds + steps[0].end)
    }

    /// When the run loop should next wake (active time): the next phase change or the next frame,
    /// whichever comes first; frames fall on a fixed grid of active time, so every whole second of the
    /// countdowns and every half-second phase boundary is on it. nil once the session is over.
    public func nextWake(after active: Double, framesPerSecond: Int) -> Double? {
        guard let change = nextPhaseChange(after: active) else { return nil }
        guard framesPerSecond > 0 else { return change }
        let fps = Double(framesPerSecond)
        // Dividing a whole frame number keeps grid times exact (55 / 10 == 5.5, unlike 55 * 0.1).
        let frame = ((max(0, active) * fps + 1e-9).rounded(.down) + 1) / fps
        return min(change, frame)
    }
}
