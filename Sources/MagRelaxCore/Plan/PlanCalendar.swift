/// Where days fall in a person's four-week plan. Day 1 is the plan's start date; week = (day − 1) / 7 + 1.
/// Every view of the plan (its calendar, the Breathe pane's automatic check-off) counts days with this.
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

    /// The entry that ticks off a task on a date, or nil when the date is outside the plan.
    public func checkOff(goal: Goal, taskID: String, on date: CalendarDay, at time: TimeOfDay? = nil) -> JournalEntry? {
        guard let week = week(of: date) else { return nil }
        return JournalEntry(
            id: JournalEntry.newID, day: date, time: time,
            kind: .checkOff(TaskCheckOff(goal: goal, week: week, taskID: taskID)))
    }

    /// The check-off of the first task of `kind` in the plan's week of `date`, unless it is ticked
    /// already; nil outside the plan or when that week has no such task.
    public func checkOff(
        firstTaskOf kind: TaskKind, in plan: PlanTemplate, journal: Journal, on date: CalendarDay, at time: TimeOfDay? = nil
    ) -> JournalEntry? {
        guard let week = week(of: date),
            let task = plan.weeks.first(where: { $0.week == week })?.tasks.first(where: { $0.kind == kind }),
            !journal.isChecked(goal: plan.goal, week: week, taskID: task.id, on: date)
        else { return nil }
        return checkOff(goal: plan.goal, taskID: task.id, on: date, at: time)
    }
}
