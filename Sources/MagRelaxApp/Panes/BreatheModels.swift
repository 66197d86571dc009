import MagRelaxCore

/// Choosing a session before it starts: the length, the optional tension rating and the bell.
public struct BreatheSetup: Sendable, Hashable {
    /// The pattern as it will be breathed (holds already left out when the profile calls for it).
    public var pattern: BreathingPattern
    public var length: SessionLength
    /// 0–10, nil when not given.
    public var tensionBefore: Int?
    public var bell: Bool
    /// The most cycles allowed (4-7-8), nil when the pattern sets no limit.
    public var cycleLimit: Int?
    /// True when the pattern's holds were left out for pregnancy or heart or lung disease.
    public var holdsLeftOut: Bool

    /// Bounds of the length chooser, not a dose: a dose comes from the pattern.
    public static let minuteRange = 1.0...60.0
    public static let cycleRange = 1...200

    public init(pattern: BreathingPattern, profile: Profile?, journal: Journal, today: CalendarDay) {
        (self.pattern, holdsLeftOut) = BreathingRules.breathable(pattern, for: profile)
        let firstMonth = BreathingRules.inFirstMonth(of: pattern.id, journal: journal, today: today)
        cycleLimit = pattern.cycleLimit(inFirstMonth: firstMonth)
        length = pattern.allowedLength(pattern.defaultLength, inFirstMonth: firstMonth)
        bell = profile?.bellCues ?? false
    }

    public var pacer: Pacer { Pacer(pattern: pattern, length: length) }

    public mutating func changeLength(by delta: Int) {
        switch length {
        case .minutes(let m):
            length = .minutes(min(max(m + Double(delta), BreatheSetup.minuteRange.lowerBound), BreatheSetup.minuteRange.upperBound))
        case .cycles(let c):
            let top = min(cycleLimit ?? BreatheSetup.cycleRange.upperBound, BreatheSetup.cycleRange.upperBound)
            length = .cycles(min(max(c + delta, BreatheSetup.cycleRange.lowerBound), top))
        }
    }

    /// Minutes ⇄ cycles, keeping about the same length; a limited pattern stays in cycles.
    public mutating func switchUnit() {
        guard cycleLimit == nil else { return }
        let pacer = self.pacer
        switch length {
        case .minutes:
            length = .cycles(min(pacer.cycles, BreatheSetup.cycleRange.upperBound))
        case .cycles:
            let minutes = (pacer.practiceSeconds / 60).rounded()
            length = .minutes(min(max(minutes, BreatheSetup.minuteRange.lowerBound), BreatheSetup.minuteRange.upperBound))
        }
    }
}

/// A 0–10 rating moved with the arrow keys: empty, then 0 … 10.
enum TensionRating {
    static func step(_ value: Int?, by delta: Int) -> Int? {
        let range = JournalEntry.tensionScale
        guard let value else { return delta > 0 ? range.lowerBound : nil }
        let next = value + delta
        if next < range.lowerBound { return nil }
        return min(next, range.upperBound)
    }

    static func text(_ value: Int?) -> String { value.map { "\($0) / 10" } ?? "not given" }
}

/// A session on screen.
public struct BreatheRun: Sendable, Hashable {
    public var setup: BreatheSetup
    public var session: BreathSession
    /// When the countdown began, for the journal's day and time.
    public var started: TimeReading
    /// Asking whether to end early (the session is paused meanwhile).
    public var confirmingEnd = false
    /// The phase last drawn, so the bell rings once per phase change.
    var lastPhase: PhaseMark?

    struct PhaseMark: Sendable, Hashable {
        var stage: PacerState.Stage
        var cycle: Int
        var step: PacerStep
    }

    init(setup: BreatheSetup, now: TimeReading) {
        self.setup = setup
        session = BreathSession(pacer: setup.pacer, startedAt: now.monotonic)
        started = now
        lastPhase = PhaseMark(state: session.state(at: now.monotonic))
    }

    /// Breathing done so far (no countdown, no pauses).
    func breathingSeconds(at now: Double) -> Double { session.summary(at: now).breathingSeconds }

    /// Sessions shorter than this end without asking and are not kept.
    static let keepAfterSeconds = 60.0

    /// The bells due since the last call: one ring as an in-breath begins, two as an out-breath begins.
    mutating func bells(at now: Double) -> [PaneOutput] {
        let mark = PhaseMark(state: session.state(at: now))
        defer { lastPhase = mark }
        guard setup.bell, mark != lastPhase, mark.stage == .breathing else { return [] }
        switch mark.step.phase {
        case .inhale: return [.bell(count: 1)]
        case .exhale: return [.bell(count: 2)]
        case .holdIn, .holdOut: return []
        }
    }
}

extension BreatheRun.PhaseMark {
    init(state: PacerState) {
        self.init(stage: state.stage, cycle: state.cycleIndex, step: state.step)
    }
}

/// After a session: the summary and the optional "how tense now" rating, saved on leaving.
public struct BreatheDone: Sendable, Hashable {
    public var setup: BreatheSetup
    public var summary: BreathSessionSummary
    public var started: TimeReading
    public var tensionAfter: Int?

    /// The journal entry for the session, dated when it started.
    public var entry: JournalEntry {
        JournalEntry(
            id: JournalEntry.newID, day: CalendarDay(started), time: TimeOfDay(started),
            kind: .breathing(
                BreathingSession(
                    patternID: summary.patternID, plannedSeconds: summary.plannedSeconds,
                    actualSeconds: summary.breathingSeconds, cycles: summary.cyclesCompleted,
                    tensionBefore: setup.tensionBefore, tensionAfter: tensionAfter)))
    }

    /// The check-off of the day's breathing task, when the plan has one for this week and it is not
    /// ticked yet.
    public func planCheckOff(profile: Profile?, journal: Journal, catalogue: Catalogue) -> JournalEntry? {
        PersonalPlan.autoCheckOff(
            firstTaskOf: .breathing, on: CalendarDay(started), at: TimeOfDay(started), profile: profile, journal: journal,
            catalogue: catalogue)?.entry
    }
}

extension AppState {
    /// Opens the Breathe pane straight into a session (`magrelax breathe`): the pattern's default length
    /// unless one is given, held to the pattern's limit; the bell when asked or when the profile has it on.
    /// Returns false, changing nothing, when there is no such pattern.
    public mutating func startBreathing(_ name: String, length: SessionLength?, bell: Bool) -> Bool {
        guard let pattern = Library(catalogue: catalogue, journal: journal).pattern(named: name) else { return false }
        let today = CalendarDay(now)
        var setup = BreatheSetup(pattern: pattern, profile: profile, journal: journal, today: today)
        if let length {
            let firstMonth = BreathingRules.inFirstMonth(of: pattern.id, journal: journal, today: today)
            setup.length = pattern.allowedLength(length, inFirstMonth: firstMonth)
        }
        setup.bell = setup.bell || bell
        pane = .breathe
        breathe.screen = .session(BreatheRun(setup: setup, now: now))
        return true
    }
}
