import MagRelaxCore
import TerminalUI

/// 2 Plan: the person's own plan as a calendar. A month grid with each day's completion, the day's
/// tasks to tick, a week view, and a task's detail (the pose, the breathing pattern). Before there is a
/// profile, and with `g`, the five plans by goal to read.
public struct PlanPane: BrowsingPane, Hashable {
    var title: String { "Plan" }
    /// The five plans by goal.
    public var browser = ListBrowser()
    /// Reading the five plans (`g`); without a profile the pane shows nothing else.
    public var readingPlans = false
    public var calendar = CalendarView.month
    /// The selected task of the day (day and week views).
    public var taskIndex = 0
    /// The task whose detail is open, by id.
    public var openTask: String?
    public var detailScroll = 0
    /// A day after today the calendar shows: the shared day stops at today, so the pane keeps this
    /// itself, for as long as the shared day stays the one it was chosen from.
    public var ahead: Ahead?
    /// Why the last key changed nothing, until the next key.
    public var message: String?

    public enum CalendarView: Sendable, Hashable {
        case month, week, day
    }

    public struct Ahead: Sendable, Hashable {
        public var day: CalendarDay
        public var from: CalendarDay
    }

    public init() {}

    public var showsDays: Bool { true }

    /// Only the five plans' filter takes every key (the browser filters nowhere else).
    public var capturesKeys: Bool { browser.capturesKeys }

    /// From this width on the week view shows its seven days side by side.
    static let weekColumnsWidth = 120

    /// The day the calendar shows.
    public func selectedDay(_ ctx: PaneContext) -> CalendarDay {
        if let ahead, ahead.from == ctx.day, ahead.day > ctx.today { return ahead.day }
        return ctx.day
    }

    /// The selected task of a plan day, kept within its tasks.
    func selectedTask(_ day: PlanDay?) -> DayTask? {
        guard let day, !day.tasks.isEmpty else { return nil }
        return day.tasks[min(max(taskIndex, 0), day.tasks.count - 1)]
    }

    // MARK: Keys

    public mutating func handle(_ key: Key, context ctx: PaneContext) -> [PaneOutput]? {
        message = nil
        guard let plan = ctx.personalPlan, !readingPlans else { return handlePlansKey(key, ctx) }
        if let id = openTask { return handleTaskKey(key, id, plan, ctx) }
        switch key {
        case .char("t"):
            // Today is the shell's key; a day kept ahead of it goes too.
            ahead = nil
            return nil
        case .char("g"):
            readingPlans = true
            return []
        case .char("w"):
            calendar = calendar == .week ? .month : .week
            return []
        case .char("e"):
            let file = plan.calendar(stamp: ctx.now.wallClock, productID: ICalendar.magrelaxProductID)
            return [.exportCalendar(text: file.text, events: file.events.count)]
        case .char("n"):
            switch PlanHistory.keepGoing(on: selectedDay(ctx), profile: plan.profile, journal: ctx.journal, today: ctx.today) {
            case .success(let block): return [.record([.putPlanBlock(block)])]
            case .failure(let refusal): message = refusal.message
            }
            return []
        default:
            break
        }
        return calendar == .month ? handleMonthKey(key, plan, ctx) : handleDayKey(key, plan, ctx)
    }

    private mutating func handlePlansKey(_ key: Key, _ ctx: PaneContext) -> [PaneOutput]? {
        if ctx.profile != nil, key == .escape, !browser.filtering, !browser.isDetailOpen, browser.query.isEmpty {
            readingPlans = false
            return []
        }
        return handleBrowserKey(key, ctx) ? [] : nil
    }

    private mutating func handleMonthKey(_ key: Key, _ plan: PersonalPlan, _ ctx: PaneContext) -> [PaneOutput]? {
        var grid = GridCursor(date: GridDate(selectedDay(ctx)), firstWeekday: plan.profile.weekStart.isoWeekday)
        switch key {
        case .char("["): grid.select(grid.date.adding(months: -1))
        case .char("]"): grid.select(grid.date.adding(months: 1))
        case .enter:
            calendar = .day
            return []
        default:
            guard grid.handle(key) else { return nil }
        }
        return move(to: CalendarDay(grid.date), ctx)
    }

    private mutating func handleDayKey(_ key: Key, _ plan: PersonalPlan, _ ctx: PaneContext) -> [PaneOutput]? {
        let date = selectedDay(ctx)
        let day = plan.day(date)
        switch key {
        case .left, .char("h"), .char("["): return move(to: date.adding(days: -1), ctx)
        case .right, .char("l"), .char("]"): return move(to: date.adding(days: 1), ctx)
        case .up, .char("k"): taskIndex = max(0, min(taskIndex, (day?.tasks.count ?? 1) - 1) - 1)
        case .down, .char("j"): taskIndex = min(taskIndex + 1, max(0, (day?.tasks.count ?? 1) - 1))
        case .home: taskIndex = 0
        case .end: taskIndex = max(0, (day?.tasks.count ?? 1) - 1)
        case .char(" "):
            guard let task = selectedTask(day) else { return [.bell(count: 1)] }
            return toggle(task, on: date, plan, ctx)
        case .enter:
            guard let task = selectedTask(day) else { return [.bell(count: 1)] }
            return open(task)
        case .escape:
            calendar = .month
        default:
            return nil
        }
        return []
    }

    private mutating func handleTaskKey(_ key: Key, _ id: String, _ plan: PersonalPlan, _ ctx: PaneContext) -> [PaneOutput]? {
        let date = selectedDay(ctx)
        guard let day = plan.day(date), let task = day.tasks.first(where: { $0.id == id }) else {
            // The day changed under the detail (midnight, another pane): back to the day.
            openTask = nil
            return handle(key, context: ctx)
        }
        let page = max(1, PlanScreens.middle(ctx).height - 1)
        switch key {
        case .escape, .left, .char("h"), .backspace: openTask = nil
        case .up, .char("k"): detailScroll -= 1
        case .down, .char("j"): detailScroll += 1
        case .pageUp: detailScroll -= page
        case .pageDown: detailScroll += page
        case .char(" "): return toggle(task, on: date, plan, ctx)
        case .enter, .char("s"):
            guard case .breathing(let pattern, _) = task.practice else { return [] }
            openTask = nil
            return [.startBreathing(patternID: pattern)]
        default:
            return nil
        }
        let total = DetailLine.layout(PlanScreens.taskLines(task, day, plan, ctx), width: PlanScreens.middle(ctx).width).count
        detailScroll = max(0, min(detailScroll, ListBrowser.maxDetailScroll(lines: total, height: PlanScreens.middle(ctx).height)))
        return []
    }

    /// Space: ticks the task, or unticks it; a day in the future or outside the plan says why.
    private mutating func toggle(_ task: DayTask, on date: CalendarDay, _ plan: PersonalPlan, _ ctx: PaneContext) -> [PaneOutput] {
        switch plan.toggle(task.id, on: date, today: ctx.today, at: TimeOfDay(ctx.now)) {
        case .success(let changes): return [.record(changes)]
        case .failure(let refusal):
            message = refusal.message
            return [.bell(count: 1)]
        }
    }

    /// Enter: the food task goes to the Food pane's day (what is logged, and the foods that fill the
    /// gap); the others open their detail.
    private mutating func open(_ task: DayTask) -> [PaneOutput] {
        if case .food = task.practice { return [.showFoodDay] }
        openTask = task.id
        detailScroll = 0
        return []
    }

    /// Moves the calendar to a day: today or before through the shared day, later days here.
    private mutating func move(to date: CalendarDay, _ ctx: PaneContext) -> [PaneOutput] {
        guard date > ctx.today else {
            ahead = nil
            return [.showDay(date)]
        }
        ahead = Ahead(day: date, from: ctx.today)
        return ctx.shownDay == nil ? [] : [.showDay(ctx.today)]
    }

    // MARK: Drawing

    public func render(into canvas: inout Canvas, context ctx: PaneContext) {
        guard let plan = ctx.personalPlan, !readingPlans else {
            renderBrowser(into: &canvas, ctx)
            return
        }
        PlanScreens(pane: self, plan: plan, ctx: ctx).draw(into: &canvas)
    }

    public func hints(context ctx: PaneContext) -> [KeyHint] {
        // There is a plan whenever there is a profile; only an open task needs it here.
        guard let profile = ctx.profile, !readingPlans else {
            return browser.hints + (ctx.profile != nil && !browser.filtering ? [KeyHint("Esc", "your plan")] : [])
        }
        if let id = openTask, let plan = ctx.personalPlan {
            let breathing = plan.day(selectedDay(ctx))?.tasks.first { $0.id == id }.map {
                if case .breathing = $0.practice { true } else { false }
            } ?? false
            return (breathing ? [KeyHint("Enter", "start the session")] : [])
                + [KeyHint("Space", "tick"), KeyHint("↑↓", "scroll"), KeyHint("Esc", "back")]
        }
        let keepGoing = (try? PlanHistory.keepGoing(on: selectedDay(ctx), profile: profile, journal: ctx.journal,
                                                     today: ctx.today).get()) != nil
        let more = (keepGoing ? [KeyHint("n", "keep going")] : []) + [KeyHint("e", "export"), KeyHint("g", "all plans")]
        switch calendar {
        case .month:
            return [KeyHint("←→", "day"), KeyHint("↑↓", "week"), KeyHint("Enter", "tasks"), KeyHint("[ ]", "month"),
                    KeyHint("w", "week view")] + more
        case .week, .day:
            return [KeyHint("Space", "tick"), KeyHint("↑↓", "task"), KeyHint("Enter", "open"), KeyHint("←→", "day"),
                    KeyHint("Esc", "month"), KeyHint("w", calendar == .week ? "month" : "week")] + more
        }
    }

    public func help(context: PaneContext) -> [HelpSection] {
        [
            HelpSection("Plan calendar", [
                KeyHint("←→ or h l", "previous / next day"),
                KeyHint("↑↓ or k j", "previous / next week"),
                KeyHint("[ ] PgUp PgDn", "previous / next month"),
                KeyHint("Home End", "first / last day of the month"),
                KeyHint("Enter", "the day's tasks"),
                KeyHint("w", "week view (seven days side by side from 120 columns)"),
                KeyHint("e", "export the plan as a calendar file (plan.ics)"),
                KeyHint("n", "after the plan's last day: keep going four more weeks"),
                KeyHint("g", "the five plans by goal, to read (Esc comes back)"),
            ]),
            HelpSection("A day's tasks", [
                KeyHint("↑↓ or k j", "select a task"),
                KeyHint("Space", "tick it, or untick it (saved at once)"),
                KeyHint("Enter", "open it (poses, breathing); food: the Food pane"),
                KeyHint("←→ or [ ]", "previous / next day"),
                KeyHint("Esc", "back to the month"),
            ]),
            HelpSection("A task", [
                KeyHint("Enter or s", "breathing task: start the session (Breathe pane)"),
                KeyHint("Space", "tick or untick it"),
                KeyHint("↑↓ PgUp PgDn", "scroll"),
                KeyHint("Esc", "back to the day"),
            ]),
            HelpSection("The five plans (g)", ListBrowser.listHelp),
        ]
    }

    // MARK: The five plans

    func items(_ ctx: PaneContext) -> [ListItem] {
        Goal.allCases.compactMap { goal in
            guard let plan = ctx.catalogue.plan(for: goal) else { return nil }
            return ListItem(id: goal.rawValue, group: "Four-week plans by goal", text: plan.title,
                            search: plan.title + " " + plan.summary)
        }
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        guard let goal = Goal(rawValue: id), let plan = ctx.catalogue.plan(for: goal) else { return [] }
        let g = ctx.theme.glyphs
        let cat = ctx.catalogue
        var lines: [DetailLine] = [
            .heading(plan.title), .text(plan.summary), .blank, .field("Expectation", PlanScreens.claim(plan, cat)),
        ]
        // The evidence in the source's own words where it has them.
        for e in cat.reference.evidence where plan.evidence.contains(e.id) {
            lines.append(.field("Evidence", e.claim + ": " + (e.sourceGrade ?? e.strength.label)))
        }
        lines.append(.dim("magrelax compares your first week's symptom scores with your last week's, and says so plainly if nothing changed."))
        for week in plan.weeks.sorted(by: { $0.week < $1.week }) {
            lines += [.blank, .heading("Week \(week.week): \(week.focus)")]
            for task in week.tasks {
                lines.append(.bullet(task.title + ": " + task.detail, glyph: g.bullet))
            }
        }
        lines += [.blank, .dim("Source: " + cat.sourceName(plan.source, guide: plan.guide))]
        return lines
    }
}

extension GridDate {
    init(_ day: CalendarDay) {
        self = GridDate(year: day.year, month: day.month, day: day.day)!
    }
}

extension CalendarDay {
    init(_ date: GridDate) {
        self = CalendarDay(year: date.year, month: date.month, day: date.day)!
    }
}
