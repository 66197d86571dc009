/// A stretch of plan days counted from its own day 1: the four weeks of a goal's plan, or a "keep going"
/// block of the maintain weeks after one. The profile's plan is one; the journal keeps the others
/// (plans the person had before a goal or start change, and every keep-going block).
public struct PlanBlock: Codable, Sendable, Hashable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable, Hashable {
        case plan
        case keepGoing = "keep-going"
    }

    public var id: String
    public var kind: Kind
    public var goal: Goal
    /// Day 1.
    public var start: CalendarDay
    /// The last day in force: day 28, or sooner when a new plan took over.
    public var end: CalendarDay

    public init(id: String, kind: Kind, goal: Goal, start: CalendarDay, end: CalendarDay? = nil) {
        self.id = id
        self.kind = kind
        self.goal = goal
        self.start = start
        self.end = end ?? start.adding(days: PlanCalendar.days - 1)
    }

    /// The profile's plan: four weeks of its goal from its start date.
    public init(_ profile: Profile) {
        self.init(id: "plan-\(profile.planStart)-\(profile.goal.rawValue)", kind: .plan, goal: profile.goal, start: profile.planStart)
    }

    /// A keep-going block of `goal` from `start`.
    public static func keepGoing(goal: Goal, start: CalendarDay) -> PlanBlock {
        PlanBlock(id: "keep-going-\(start)", kind: .keepGoing, goal: goal, start: start)
    }

    public var calendar: PlanCalendar { PlanCalendar(start: start) }

    public func covers(_ date: CalendarDay) -> Bool { start <= date && date <= end }

    /// The template week whose tasks a week of the block uses: the same week in a plan; in a
    /// keep-going block, the plan's last week ("keep the routine") every week.
    public func templateWeek(ofWeek week: Int) -> Int { kind == .plan ? week : PlanCalendar.weeks }

    /// What is wrong with the block; empty when it is fine.
    public var problems: [String] {
        var out: [String] = []
        if id.isEmpty { out.append("empty id") }
        if end < start { out.append("ends (\(end)) before it starts (\(start))") }
        if start.days(until: end) >= PlanCalendar.days { out.append("runs past day \(PlanCalendar.days)") }
        return out
    }
}

/// Where a date falls in the person's plans.
public struct PlanPosition: Sendable, Hashable {
    public var block: PlanBlock
    public var date: CalendarDay
    /// 1…28 within the block.
    public var day: Int
    /// 1…4 within the block.
    public var week: Int
    /// False for a block the journal keeps (a past plan or a keep-going block).
    public var isProfilePlan: Bool

    /// The template week the day's tasks come from.
    public var templateWeek: Int { block.templateWeek(ofWeek: week) }
}

/// Every plan block, and which one a date belongs to. The journal's blocks come first, the earliest
/// made winning where two cover a day (they are history: what was shown stays shown); the profile's
/// plan has the days none of them covers.
public struct PlanTimeline: Sendable, Hashable {
    /// The journal's blocks, in the order they were made.
    public var recorded: [PlanBlock]
    /// The profile's plan; nil without a profile.
    public var current: PlanBlock?

    public init(recorded: [PlanBlock], current: PlanBlock?) {
        self.recorded = recorded
        self.current = current
    }

    public init(profile: Profile?, journal: Journal) {
        self.init(recorded: journal.planBlocks, current: profile.map(PlanBlock.init))
    }

    public func position(on date: CalendarDay) -> PlanPosition? {
        let found = recorded.first { $0.covers(date) }.map { ($0, false) } ?? current.flatMap { $0.covers(date) ? ($0, true) : nil }
        guard let (block, isProfilePlan) = found, let day = block.calendar.day(of: date), let week = block.calendar.week(of: date)
        else { return nil }
        return PlanPosition(block: block, date: date, day: day, week: week, isProfilePlan: isProfilePlan)
    }

    /// Every plan day in date order.
    public var dates: [CalendarDay] {
        // Sorted, then each number once: no hashing, whose cost changes with each process's seed.
        var numbers: [Int] = []
        for block in blocks where block.start <= block.end {
            numbers += block.start.dayNumber...block.end.dayNumber
        }
        numbers.sort()
        return numbers.indices.filter { $0 == 0 || numbers[$0] != numbers[$0 - 1] }.map { CalendarDay(dayNumber: numbers[$0]) }
    }

    /// The journal's blocks, then the profile's plan.
    public var blocks: [PlanBlock] { recorded + (current.map { [$0] } ?? []) }

    /// The goals of the blocks, each once, in the order the blocks are listed.
    public var goals: [Goal] {
        var out: [Goal] = []
        for block in blocks where !out.contains(block.goal) { out.append(block.goal) }
        return out
    }

    /// The last day of any block.
    public var lastDay: CalendarDay? { blocks.map(\.end).max() }
}

/// Why the plan refused a change; the message is for the person.
public struct PlanRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The journal changes that keep the plan history when the plan changes.
public enum PlanHistory {
    /// A new goal or start date makes a new plan from the day of the change on (or from its start, when
    /// that is later): the old plan, and any keep-going block, are kept in the journal up to the day
    /// before, so those days keep their tasks and their check-offs. Nothing changes when neither did.
    public static func changes(from old: Profile?, to new: Profile, journal: Journal, today: CalendarDay) -> [JournalChange] {
        guard let old, old.goal != new.goal || old.planStart != new.planStart else { return [] }
        let cut = max(today, new.planStart).adding(days: -1)
        var changes: [JournalChange] = []
        for block in journal.planBlocks where block.end > cut {
            if block.start > cut {
                changes.append(.removePlanBlock(id: block.id))
            } else {
                var kept = block
                kept.end = cut
                changes.append(.putPlanBlock(kept))
            }
        }
        let previous = PlanBlock(old)
        if previous.start <= cut {
            let end = min(previous.end, cut)
            changes.append(.putPlanBlock(PlanBlock(
                id: previous.id + "-until-\(end)", kind: .plan, goal: old.goal, start: previous.start, end: end)))
        }
        return changes
    }

    /// A keep-going block from `date`: only after every block has ended, and not in the future.
    public static func keepGoing(on date: CalendarDay, profile: Profile, journal: Journal, today: CalendarDay)
        -> Result<PlanBlock, PlanRefusal>
    {
        let timeline = PlanTimeline(profile: profile, journal: journal)
        if date > today { return .failure(PlanRefusal("A keep-going block starts today or earlier, not in the future.")) }
        if timeline.position(on: date) != nil {
            return .failure(PlanRefusal("\(date) is a plan day already: keep going starts after your plan's last day."))
        }
        if let last = timeline.lastDay, date < last {
            return .failure(PlanRefusal("Keep going starts after your plan's last day (\(last))."))
        }
        return .success(.keepGoing(goal: profile.goal, start: date))
    }
}
