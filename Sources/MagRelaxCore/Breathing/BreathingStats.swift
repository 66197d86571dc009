/// Breathing practice in the journal over a span of days.
public struct BreathingStats: Sendable, Hashable {
    public var sessions: Int
    public var minutes: Double
    /// Mean of (after − before) over sessions rated both times; nil when none was.
    public var averageChange: Double?

    /// Sessions from `first` through `last`, both included.
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

    /// This week (from the person's first weekday) and the last 28 days, today included in both.
    public static func weekAndFourWeeks(_ journal: Journal, today: CalendarDay, weekStart: WeekStart)
        -> (week: BreathingStats, fourWeeks: BreathingStats)
    {
        (
            BreathingStats(journal, from: today.startOfWeek(weekStart), through: today),
            BreathingStats(journal, from: today.adding(days: -27), through: today)
        )
    }
}

extension CalendarDay {
    /// The first day of the week this day is in, for weeks that begin on `weekStart`.
    public func startOfWeek(_ weekStart: WeekStart) -> CalendarDay {
        adding(days: -((weekday - weekStart.weekday + 7) % 7))
    }
}
