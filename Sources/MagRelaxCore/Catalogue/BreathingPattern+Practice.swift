// What a breathing pattern's entry means in practice: rounds, nostrils, holds, the dose allowed.

public enum Nostril: String, Sendable, Hashable, CaseIterable {
    case left, right
}

extension BreathingPattern {
    /// Breaths in one counted cycle: a Nadi Shodhana round is two (in left, out right, in right, out left).
    public var breathsPerCycle: Int { alternateNostril ? 2 : 1 }

    /// Seconds in one counted cycle (a round for Nadi Shodhana).
    public var cycleSeconds: Double { breathSeconds * Double(breathsPerCycle) }

    /// Whether the pattern holds the breath: holds are refused for pregnancy or heart or lung disease.
    public var hasHolds: Bool { holdIn > 0 || holdOut > 0 }

    /// The nostril to breathe through, for alternate-nostril patterns; nil otherwise.
    /// `breath` counts breaths from 0 within the session; a round starts and ends on the left.
    public func nostril(breath: Int, exhaling: Bool) -> Nostril? {
        guard alternateNostril else { return nil }
        let first = breath % 2 == 0
        // Breath 0: in left, out right. Breath 1: in right, out left.
        return first == exhaling ? .right : .left
    }
}

extension PracticeDose {
    /// The most a person may do in one session: for 4-7-8, `max` in the first month of practice, then
    /// `maxAfterFirstMonth`.
    public func allowedMax(inFirstMonth: Bool) -> Int {
        inFirstMonth ? max : (maxAfterFirstMonth ?? max)
    }

    /// The suggested amount, clamped to what is allowed.
    public func clamped(_ amount: Int, inFirstMonth: Bool) -> Int {
        Swift.min(Swift.max(amount, 1), allowedMax(inFirstMonth: inFirstMonth))
    }
}
