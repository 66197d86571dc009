/// A breathing session in progress: when it started and when it was paused, on the monotonic clock.
/// A value: the app keeps it in its state and passes each fresh reading in.
public struct BreathSession: Sendable, Hashable {
    /// A pause, from one monotonic reading to another; `to` is nil while it lasts.
    public struct Pause: Sendable, Hashable {
        public var from: Double
        public var to: Double?
    }

    public let pacer: Pacer
    /// Monotonic seconds when the countdown began.
    public let startedAt: Double
    public private(set) var pauses: [Pause] = []

    public init(pacer: Pacer, startedAt: Double) {
        self.pacer = pacer
        self.startedAt = startedAt
    }

    public var isPaused: Bool { pauses.last.map { $0.to == nil } ?? false }

    /// Seconds spent paused up to `now`.
    public func pausedSeconds(at now: Double) -> Double {
        pauses.reduce(0) { sum, pause in sum + max(0, min(pause.to ?? now, now) - pause.from) }
    }

    /// Monotonic time since the start minus paused time: the pacer's only input.
    /// While paused, the clock stops at the pause's start, so the value stays exactly the same.
    public func activeSeconds(at now: Double) -> Double {
        var end = now
        var paused = 0.0
        for pause in pauses where pause.from < end {
            if let to = pause.to, to <= end {
                paused += to - pause.from
            } else {
                end = pause.from
                break
            }
        }
        return max(0, end - startedAt - paused)
    }

    public func state(at now: Double) -> PacerState { pacer.state(at: activeSeconds(at: now)) }

    public func isFinished(at now: Double) -> Bool { activeSeconds(at: now) >= pacer.totalSeconds }

    /// Pausing a finished session, or one already paused, changes nothing.
    public mutating func pause(at now: Double) {
        guard !isPaused, !isFinished(at: now) else { return }
        // Readings never go backwards on a monotonic clock; clamp anyway so pauses never overlap.
        pauses.append(Pause(from: max(now, pauses.last?.to ?? startedAt)))
    }

    public mutating func resume(at now: Double) {
        guard isPaused else { return }
        pauses[pauses.count - 1].to = max(now, pauses[pauses.count - 1].from)
    }

    public mutating func togglePause(at now: Double) {
        if isPaused { resume(at: now) } else { pause(at: now) }
    }

    /// The monotonic time at which the run loop should wake for the next frame or phase change;
    /// nil while paused or once finished (the loop then blocks on input).
    public func nextWakeup(at now: Double, framesPerSecond: Int) -> Double? {
        guard !isPaused else { return nil }
        let active = activeSeconds(at: now)
        guard let next = pacer.nextWake(after: active, framesPerSecond: framesPerSecond) else { return nil }
        return now + (next - active)
    }

    /// What happened, for the journal: breathing time excludes the countdown and the pauses.
    public func summary(at now: Double) -> BreathSessionSummary {
        let state = state(at: now)
        let breathing = min(pacer.practiceSeconds, max(0, activeSeconds(at: now) - Pacer.getReadySeconds))
        return BreathSessionSummary(
            patternID: pacer.pattern.id, plannedCycles: pacer.cycles, plannedSeconds: pacer.practiceSeconds,
            breathingSeconds: breathing, cyclesCompleted: state.cyclesCompleted, completed: state.isFinished)
    }
}

/// The outcome of a session, as the journal records it.
public struct BreathSessionSummary: Sendable, Hashable, Codable {
    public var patternID: String
    public var plannedCycles: Int
    public var plannedSeconds: Double
    /// Seconds actually breathed: the countdown and pauses left out.
    public var breathingSeconds: Double
    public var cyclesCompleted: Int
    /// True when the session ran to its last cycle, false when ended early.
    public var completed: Bool

    public init(
        patternID: String, plannedCycles: Int, plannedSeconds: Double, breathingSeconds: Double,
        cyclesCompleted: Int, completed: Bool
    ) {
        self.patternID = patternID
        self.plannedCycles = plannedCycles
        self.plannedSeconds = plannedSeconds
        self.breathingSeconds = breathingSeconds
        self.cyclesCompleted = cyclesCompleted
        self.completed = completed
    }
}
