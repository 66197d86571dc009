import ArgumentParser
import MagRelaxCore
import MagRelaxStore
import TerminalUI

/// `--date YYYY-MM-DD`, shared by `today` and `done`; today when left out.
struct DayOption: ParsableArguments {
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var date: String?

    /// The day asked for; a bad date ends the command with one line.
    func resolved(today: CalendarDay) -> CalendarDay {
        guard let date else { return today }
        guard let day = CalendarDay(iso: date) else { fail("--date must be a real day written YYYY-MM-DD (got \"\(date)\")") }
        return day
    }
}

/// What every section of `magrelax today` is printed from.
struct TodayContext {
    let profile: Profile
    let catalogue: Catalogue
    let journal: Journal
    /// The day asked for, and the real today (streaks and "to come" are counted from it).
    let date: CalendarDay
    let today: CalendarDay

    var plan: PersonalPlan { PersonalPlan(profile: profile, catalogue: catalogue, journal: journal) }
}

/// `magrelax today [--date D]`: the day's plan tasks with their state, the plan day and week, the streak;
/// then the day's magnesium from food and supplements.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Print the day's plan tasks, ticked or not, the plan day and week, and your streak.",
        discussion: "Tick a task with `magrelax done TASK` (the ids are in the first column).")

    @OptionGroup var data: DataDirOption
    @OptionGroup var day: DayOption

    /// The sections printed, in order, each from the same context; a blank line goes between them.
    static let sections: [@Sendable (TodayContext) -> [String]] = [
        planSection,
        { magnesiumSection(journal: $0.journal, profile: $0.profile, catalogue: $0.catalogue, day: $0.date) },
    ]

    func run() throws {
        let today = CalendarDay(SystemClock.now())
        let date = day.resolved(today: today)
        let store = StoreAccess.open(data, readOnly: true)
        let profile = StoreAccess.profile(of: store, for: "today")
        let context = TodayContext(
            profile: profile, catalogue: StoreAccess.catalogue(), journal: store.journal, date: date, today: today)
        print(Self.sections.map { $0(context).joined(separator: "\n") }.joined(separator: "\n\n"))
    }

    /// The plan day: headline, each task as "[x] id  title" with its cautions, the count and the streak.
    static func planSection(_ c: TodayContext) -> [String] {
        let plan = c.plan
        let weekday = CalendarDay.weekdayNames[c.date.weekday]
        let streaks = plan.streaks(today: c.today)
        let streak = "Streak: \(streaks.current) day\(streaks.current == 1 ? "" : "s") with every task done (longest \(streaks.longest))."
        guard let day = plan.day(c.date) else {
            let span = plan.timeline.current.map { " (your plan runs \($0.start) to \($0.end))" } ?? ""
            return ["\(weekday) \(c.date): not a day of your plan\(span).", streak]
        }
        var lines = ["\(weekday) \(c.date) · \(day.headline)", ""]
        let idWidth = day.tasks.map { TextWidth.width($0.id) }.max() ?? 0
        for task in day.tasks {
            let mark = plan.isDone(task, on: day) ? "[x]" : "[ ]"
            lines.append("  \(mark) " + task.id.column(idWidth + 2) + task.title)
            lines += task.notes.map { "      ! " + $0.text }
        }
        lines.append("")
        if c.date > c.today {
            lines.append("To come: tick these on the day (magrelax done TASK --date \(c.date)).")
        } else {
            lines.append("\(plan.doneCount(day)) of \(day.tasks.count) done. Tick one: magrelax done TASK"
                + (c.date == c.today ? "" : " --date \(c.date)"))
        }
        lines.append(streak)
        return lines
    }
}

/// `magrelax done TASK [--date D]`: ticks one of the day's tasks.
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Tick one of the day's plan tasks (its id as `magrelax today` prints it, e.g. w2-yoga or yoga).",
        discussion: "An unknown task, a day outside your plan or a day still to come is refused and nothing changes.")

    @OptionGroup var data: DataDirOption
    @Argument(help: ArgumentHelp("The task's id, with or without its week (w2-yoga or yoga).", valueName: "task"))
    var task: String
    @OptionGroup var day: DayOption

    func run() throws {
        let now = SystemClock.now()
        let today = CalendarDay(now)
        let date = day.resolved(today: today)
        let store = StoreAccess.open(data)
        let profile = StoreAccess.profile(of: store, for: "done")
        let plan = PersonalPlan(profile: profile, catalogue: StoreAccess.catalogue(), journal: store.journal)
        let changes: [JournalChange]
        switch plan.tick(task, on: date, today: today, at: TimeOfDay(now)) {
        case .success(let c): changes = c
        case .failure(let refusal): fail(refusal.message)
        }
        guard let planDay = plan.day(date), let done = plan.task(named: task, on: planDay) else { return }
        if changes.isEmpty {
            print("Already ticked on \(date): \(done.title)")
            return
        }
        let journal = StoreAccess.record(changes, in: store)
        let after = PersonalPlan(profile: profile, catalogue: plan.catalogue, journal: journal)
        print("Ticked on \(date): \(done.title) (\(after.doneCount(planDay)) of \(planDay.tasks.count) done)")
    }
}
