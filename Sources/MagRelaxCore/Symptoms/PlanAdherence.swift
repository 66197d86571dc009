/// Plan tasks ticked off against plan tasks due, over some days.
public struct TaskTally: Sendable, Hashable {
    public var done: Int
    public var due: Int

    public init(done: Int, due: Int) {
        self.done = done
        self.due = due
    }

    /// done / due, nil when nothing was due.
    public var share: Double? { due > 0 ? Double(done) / Double(due) : nil }
}

/// How much of the plan the person did: each plan day's tasks (its week's, from the plan template)
/// against the check-offs the journal holds for that day.
public enum PlanAdherence {
    public static func share(
        of plan: PlanTemplate, startingOn start: CalendarDay, in journal: Journal, from first: CalendarDay,
        through last: CalendarDay
    ) -> TaskTally {
        let calendar = PlanCalendar(start: start)
        var tally = TaskTally(done: 0, due: 0)
        var day = first
        while day <= last {
            if let week = calendar.week(of: day), let tasks = plan.weeks.first(where: { $0.week == week })?.tasks {
                tally.due += tasks.count
                tally.done += tasks.count { journal.isChecked(goal: plan.goal, week: week, taskID: $0.id, on: day) }
            }
            day = day.adding(days: 1)
        }
        return tally
    }
}
