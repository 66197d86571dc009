import Foundation
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
        let leaveOutHolds = BreatheSetup.holdsRefused(profile) && pattern.hasHolds
        var breathed = pattern
        if leaveOutHolds {
            breathed.holdIn = 0
            breathed.holdOut = 0
        }
        self.pattern = breathed
        holdsLeftOut = leaveOutHolds
        let firstMonth = BreatheSetup.inFirstMonth(of: pattern.id, journal: journal, today: today)
        cycleLimit = pattern.cycleLimit(inFirstMonth: firstMonth)
        length = pattern.allowedLength(pattern.defaultLength, inFirstMonth: firstMonth)
        bell = profile?.bellCues ?? false
    }

    /// DOMAIN.md: holds are off for anyone who recorded pregnancy or heart or lung disease.
    public static func holdsRefused(_ profile: Profile?) -> Bool {
        guard let profile else { return false }
        return profile.lifeStage == .pregnant || profile.heartOrLungDisease
    }

    /// The first month of practising a pattern: from its first session in the journal, 30 days (none
    /// yet counts as the first month).
    public static func inFirstMonth(of patternID: String, journal: Journal, today: CalendarDay) -> Bool {
        let first = journal.entries.first {
            if case .breathing(let b) = $0.kind { return b.patternID == patternID }
            return false
        }
        guard let first else { return true }
        return first.day.days(until: today) < 30
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
        return JournalEntry(
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
        guard let profile, let plan = catalogue.plan(for: profile.goal) else { return nil }
        let day = CalendarDay(started)
        let daysIn = profile.planStart.days(until: day)
        guard daysIn >= 0 else { return nil }
        let week = daysIn / 7 + 1
        guard let tasks = plan.weeks.first(where: { $0.week == week })?.tasks,
            let task = tasks.first(where: { $0.kind == .breathing }),
            !journal.isChecked(goal: profile.goal, week: week, taskID: task.id, on: day)
        else { return nil }
        return JournalEntry(
            id: JournalEntry.newID, day: day, time: TimeOfDay(started),
            kind: .checkOff(TaskCheckOff(goal: profile.goal, week: week, taskID: task.id)))
    }
}

/// Breathing practice in the journal, for the stats line.
public struct BreathingStats: Sendable, Hashable {
    public var sessions: Int
    public var minutes: Double
    /// Mean of (after − before) over sessions rated both times; nil when none was.
    public var averageChange: Double?

    public init(_ journal: Journal, from first: CalendarDay, through last: CalendarDay) {
        var sessions = 0
        var seconds = 0.0
        var changes: [Int] = []
        for entry in journal.entries(from: first, through: last) {
            guard case .breathing(let b) = entry.kind else { continue }
            sessions += 1
            seconds += b.actualSeconds
            if let before = b.tensionBefore, let after = b.tensionAfter { changes.append(after - before) }
        }
        self.sessions = sessions
        minutes = seconds / 60
        averageChange = changes.isEmpty ? nil : Double(changes.reduce(0, +)) / Double(changes.count)
    }

    /// This week (from the profile's first weekday) and the last 28 days, today included.
    public static func weekAndFourWeeks(_ journal: Journal, today: CalendarDay, weekStart: WeekStart)
        -> (week: BreathingStats, fourWeeks: BreathingStats)
    {
        let back = (today.weekday - weekStart.weekday + 7) % 7
        return (
            BreathingStats(journal, from: today.adding(days: -back), through: today),
            BreathingStats(journal, from: today.adding(days: -27), through: today)
        )
    }
}

extension AppState {
    /// A pattern by catalogue id, or by the id or name of one of the person's own (case ignored).
    public static func breathingPattern(_ name: String, catalogue: Catalogue, journal: Journal) -> BreathingPattern? {
        if let p = catalogue.breathing.first(where: { $0.id == name }) { return p }
        return journal.customPatterns.first {
            $0.id.caseInsensitiveCompare(name) == .orderedSame || $0.name.caseInsensitiveCompare(name) == .orderedSame
        }
    }

    /// Opens the Breathe pane straight into a session (`magrelax breathe`): the pattern's default length
    /// unless one is given, held to the pattern's limit; the bell when asked or when the profile has it on.
    /// Returns false, changing nothing, when there is no such pattern.
    public mutating func startBreathing(_ name: String, length: SessionLength?, bell: Bool) -> Bool {
        guard let pattern = AppState.breathingPattern(name, catalogue: catalogue, journal: journal) else { return false }
        let today = CalendarDay(now)
        var setup = BreatheSetup(pattern: pattern, profile: profile, journal: journal, today: today)
        if let length {
            let firstMonth = BreatheSetup.inFirstMonth(of: pattern.id, journal: journal, today: today)
            setup.length = pattern.allowedLength(length, inFirstMonth: firstMonth)
        }
        setup.bell = setup.bell || bell
        pane = .breathe
        breathe.screen = .session(BreatheRun(setup: setup, now: now))
        return true
    }
}
