// Check-offs, completion, adherence and streaks: one rule for the calendar, the Breathe pane's automatic
// check-off and the `today` and `done` commands.

/// How much of a day's tasks is done.
public enum DayCompletion: Sendable, Hashable {
    case none, some, all

    /// From the tasks done out of the day's tasks.
    public init(done: Int, of total: Int) {
        self = done == 0 ? .none : (done == total ? .all : .some)
    }
}

/// Tasks done out of tasks due in a plan week (days up to today only).
public struct Adherence: Sendable, Hashable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// Whole percent, rounded down (100 only when every task is done).
    public var percent: Int { total == 0 ? 0 : done * 100 / total }
}

/// Runs of days with every task done.
public struct Streaks: Sendable, Hashable {
    /// The run that ends today, or yesterday while today is not complete yet.
    public var current: Int
    public var longest: Int

    public init(current: Int, longest: Int) {
        self.current = current
        self.longest = longest
    }
}

extension PersonalPlan {
    /// What an entry on the task's day must say to tick it off: the block's goal, the template week
    /// the task comes from, and the task's id.
    public func checkOffKey(of task: DayTask, on day: PlanDay) -> TaskCheckOff {
        TaskCheckOff(goal: day.position.block.goal, week: day.position.templateWeek, taskID: task.id)
    }

    /// The entries that tick a task off on its day.
    public func checkOffs(of task: DayTask, on day: PlanDay) -> [JournalEntry] {
        let key = checkOffKey(of: task, on: day)
        return journal.checkOffs(goal: key.goal, week: key.week, taskID: key.taskID, on: day.date)
    }

    public func isDone(_ task: DayTask, on day: PlanDay) -> Bool { !checkOffs(of: task, on: day).isEmpty }

    /// Whether each of the day's tasks is done, in task order: the day's entries are found once for
    /// all of them, not once a task (each look-up is a binary search of the whole journal).
    public func doneFlags(_ day: PlanDay) -> [Bool] {
        let entries = journal.entries(on: day.date)
        return day.tasks.map { task in
            let key = checkOffKey(of: task, on: day)
            return entries.contains { $0.ticks(key) }
        }
    }

    public func doneCount(_ day: PlanDay) -> Int { doneFlags(day).count { $0 } }

    public func completion(of day: PlanDay) -> DayCompletion { DayCompletion(done: doneCount(day), of: day.tasks.count) }

    /// The new entry that ticks a task off (named when recorded).
    public func checkOffEntry(of task: DayTask, on day: PlanDay, at time: TimeOfDay? = nil) -> JournalEntry {
        JournalEntry(id: JournalEntry.newID, day: day.date, time: time, kind: .checkOff(checkOffKey(of: task, on: day)))
    }

    /// A task of the day by its id, or by its id without the week ("yoga" for "w3-yoga").
    public func task(named name: String, on day: PlanDay) -> DayTask? {
        day.tasks.first { $0.id == name } ?? day.tasks.first { $0.shortID == name }
    }

    /// The plan day a task can be ticked on: a plan day, today or before.
    public func tickableDay(_ date: CalendarDay, today: CalendarDay) -> Result<PlanDay, PlanRefusal> {
        if date > today { return .failure(PlanRefusal("\(date) is in the future: tick a task on its day or later.")) }
        guard let day = day(date) else {
            let span = timeline.current.map { " (your plan runs \($0.start) to \($0.end))" } ?? ""
            return .failure(PlanRefusal("\(date) is not a day of your plan\(span)."))
        }
        return .success(day)
    }

    /// Ticks a task, or unticks it by removing its check-offs: one batch either way.
    public func toggle(_ taskID: String, on date: CalendarDay, today: CalendarDay, at time: TimeOfDay? = nil)
        -> Result<[JournalChange], PlanRefusal>
    {
        tickableDay(date, today: today).flatMap { day in
            guard let task = task(named: taskID, on: day) else { return .failure(unknown(taskID, day)) }
            let ticks = checkOffs(of: task, on: day)
            if !ticks.isEmpty { return .success(ticks.map { .remove(id: $0.id) }) }
            return .success([.add(checkOffEntry(of: task, on: day, at: date == today ? time : nil))])
        }
    }

    /// Ticks a task (`magrelax done`); no change when it is ticked already.
    public func tick(_ taskID: String, on date: CalendarDay, today: CalendarDay, at time: TimeOfDay? = nil)
        -> Result<[JournalChange], PlanRefusal>
    {
        tickableDay(date, today: today).flatMap { day in
            guard let task = task(named: taskID, on: day) else { return .failure(unknown(taskID, day)) }
            if isDone(task, on: day) { return .success([]) }
            return .success([.add(checkOffEntry(of: task, on: day, at: date == today ? time : nil))])
        }
    }

    private func unknown(_ name: String, _ day: PlanDay) -> PlanRefusal {
        PlanRefusal("No task \"\(name)\" on \(day.date); its tasks are: " + day.tasks.map(\.id).joined(separator: ", ") + ".")
    }

    /// The Breathe pane's automatic check-off: the day's first task of `kind`, unless it is ticked
    /// already; nil outside the plan or when the day has no such task.
    public func checkOff(firstTaskOf kind: TaskKind, on date: CalendarDay, at time: TimeOfDay? = nil) -> JournalEntry? {
        firstOpenTask(kind, on: date).map { checkOffEntry(of: $0.task, on: $0.day, at: time) }
    }

    private func firstOpenTask(_ kind: TaskKind, on date: CalendarDay) -> (task: DayTask, day: PlanDay)? {
        guard let day = day(date), let task = day.tasks.first(where: { $0.kind == kind }), !isDone(task, on: day) else {
            return nil
        }
        return (task, day)
    }

    /// A task ticked by what the person did (a rating, a finished session): the check-off, and the
    /// task (whose title `rate` prints).
    public struct AutoCheckOff: Sendable {
        public let entry: JournalEntry
        public let task: DayTask
        public var change: JournalChange { .add(entry) }
    }

    /// The day's first open task of `kind` ticked at `time`, from the plan made for that day alone; nil
    /// without a profile, outside the plan, or when no such task is open.
    public static func autoCheckOff(
        firstTaskOf kind: TaskKind, on date: CalendarDay, at time: TimeOfDay?, profile: Profile?, journal: Journal,
        catalogue: Catalogue
    ) -> AutoCheckOff? {
        guard let profile else { return nil }
        let plan = PersonalPlan(profile: profile, catalogue: catalogue, journal: journal, onlyDay: date)
        guard let (task, day) = plan.firstOpenTask(kind, on: date) else { return nil }
        return AutoCheckOff(entry: plan.checkOffEntry(of: task, on: day, at: time), task: task)
    }

    /// The plan's "rate your symptoms" task ticked by the ratings themselves: when `changes` record a
    /// check-in with ratings, the check-off of that day's journal task (nil when there is none to
    /// tick). The Symptoms pane and `magrelax rate` add it to the same batch, so it is one save.
    public static func ratingCheckOff(
        for changes: [JournalChange], profile: Profile?, journal: Journal, catalogue: Catalogue
    ) -> AutoCheckOff? {
        let rated = changes.lazy.compactMap { change -> JournalEntry? in
            switch change {
            case .add(let entry), .update(let entry): entry.checkIn?.ratings.isEmpty == false ? entry : nil
            default: nil
            }
        }.first
        guard let rated else { return nil }
        return autoCheckOff(
            firstTaskOf: .journal, on: rated.day, at: rated.time, profile: profile, journal: journal, catalogue: catalogue)
    }

    /// Tasks done in a week of a block, over its days up to today; nil before the week starts.
    public func adherence(of block: PlanBlock, week: Int, today: CalendarDay) -> Adherence? {
        let first = block.start.adding(days: (week - 1) * PlanCalendar.daysPerWeek)
        let last = min(first.adding(days: PlanCalendar.daysPerWeek - 1), block.end, today)
        guard first <= last else { return nil }
        var total = Adherence(done: 0, total: 0)
        for n in first.dayNumber...last.dayNumber {
            guard let day = day(CalendarDay(dayNumber: n)), day.position.block.id == block.id else { continue }
            total.done += doneCount(day)
            total.total += day.tasks.count
        }
        return total.total == 0 ? nil : total
    }

    /// Tasks done over the plan days between two dates (both included), whatever block they fall in;
    /// nil when no plan day falls between them.
    public func adherence(from first: CalendarDay, through last: CalendarDay) -> Adherence? {
        guard first <= last else { return nil }
        var total = Adherence(done: 0, total: 0)
        for n in first.dayNumber...last.dayNumber {
            guard let day = day(CalendarDay(dayNumber: n)) else { continue }
            total.done += doneCount(day)
            total.total += day.tasks.count
        }
        return total.total == 0 ? nil : total
    }

    /// The current and longest runs of plan days with every task done, up to today.
    public func streaks(today: CalendarDay) -> Streaks {
        let dates = timeline.dates.filter { $0 <= today }
        guard let first = dates.first else { return Streaks(current: 0, longest: 0) }
        // One pass over the entries beside the dates (both in date order), rather than a look-up per
        // task and day; no hashing, whose cost changes with each process's seed.
        let entries = journal.entries(from: first, through: today)
        var i = entries.startIndex
        var complete: [Int] = []
        for date in dates {
            let n = date.dayNumber
            while i < entries.endIndex, entries[i].day.dayNumber < n { i += 1 }
            var end = i
            while end < entries.endIndex, entries[end].day.dayNumber == n { end += 1 }
            let ticks = entries[i..<end].compactMap { entry -> TaskCheckOff? in
                if case .checkOff(let c) = entry.kind { c } else { nil }
            }
            i = end
            guard !ticks.isEmpty, let day = day(date) else { continue }
            if day.tasks.allSatisfy({ ticks.contains(checkOffKey(of: $0, on: day)) }) { complete.append(n) }
        }
        var longest = 0
        var run = 0
        for (k, n) in complete.enumerated() {
            run = k > 0 && complete[k - 1] == n - 1 ? run + 1 : 1
            longest = max(longest, run)
        }
        // Today still in progress does not end the run.
        let last = complete.last == today.dayNumber ? today.dayNumber : today.dayNumber - 1
        var current = 0
        for n in complete.reversed() {
            guard n == last - current else { break }
            current += 1
        }
        return Streaks(current: current, longest: longest)
    }
}
