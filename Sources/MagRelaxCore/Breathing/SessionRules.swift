// Who may breathe what: the holds refused for some people, and the 4-7-8 limit in a pattern's first month.

extension BreathingRules {
    /// Holds are off for anyone who recorded pregnancy or heart or lung disease. No profile
    /// records neither.
    public static func holdsRefused(for profile: Profile?) -> Bool {
        guard let profile else { return false }
        return profile.lifeStage == .pregnant || profile.heartOrLungDisease
    }

    /// A pattern as this person may breathe it: with its holds left out when they are refused.
    public static func breathable(_ pattern: BreathingPattern, for profile: Profile?)
        -> (pattern: BreathingPattern, holdsLeftOut: Bool)
    {
        guard holdsRefused(for: profile), pattern.hasHolds else { return (pattern, false) }
        var breathed = pattern
        breathed.holdIn = 0
        breathed.holdOut = 0
        return (breathed, true)
    }

    /// Days a pattern's first month of practice lasts, from its first session.
    public static let firstMonthDays = 30

    /// Whether `today` is in the first month of practising a pattern: within 30 days of its first
    /// session in the journal (day 0 to day 29). A pattern never practised is in its first month.
    public static func inFirstMonth(of patternID: String, journal: Journal, today: CalendarDay) -> Bool {
        let first = journal.entries.first {
            if case .breathing(let b) = $0.kind { return b.patternID == patternID }
            return false
        }
        guard let first else { return true }
        return first.day.days(until: today) < firstMonthDays
    }
}
