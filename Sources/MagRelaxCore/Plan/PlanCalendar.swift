/// Where days fall in a four-week plan block. Day 1 is the block's start date; week = (day − 1) / 7 + 1.
/// Every view of the plan (its calendar, the Breathe pane's automatic check-off) counts days with this
/// (through `PlanTimeline`).
public struct PlanCalendar: Sendable, Hashable {
    public static let weeks = 4
    public static let daysPerWeek = 7
    public static let days = weeks * daysPerWeek

    /// The plan's first day.
    public var start: CalendarDay

    public init(start: CalendarDay) { self.start = start }

    public init(_ profile: Profile) { self.init(start: profile.planStart) }

    /// The plan day of a date, 1…28; nil before the start or after the last day.
    public func day(of date: CalendarDay) -> Int? {
        let day = start.days(until: date) + 1
        return (1...Self.days).contains(day) ? day : nil
    }

    /// The plan week of a date, 1…4; nil outside the plan.
    public func week(of date: CalendarDay) -> Int? {
        day(of: date).map { ($0 - 1) / Self.daysPerWeek + 1 }
    }

    /// The date of plan day `day` (1…28); nil for a day outside the plan.
    public func date(ofDay day: Int) -> CalendarDay? {
        (1...Self.days).contains(day) ? start.adding(days: day - 1) : nil
    }
}

extension WeekStart {
    /// The ISO weekday (1 Monday … 7 Sunday) a calendar row starts on.
    public var isoWeekday: Int { self == .monday ? 1 : 7 }
}
