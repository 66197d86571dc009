import MagRelaxCore
import TerminalUI

/// Drawing of the Plan pane: the headline, the month grid beside the day's tasks, the day, the week,
/// a task's detail, and the adherence, streak and expectation lines that are always in view.
struct PlanScreens {
    let pane: PlanPane
    let plan: PersonalPlan
    let ctx: PaneContext
    /// The day shown, and its plan day (nil outside the plan).
    let date: CalendarDay
    let day: PlanDay?

    init(pane: PlanPane, plan: PersonalPlan, ctx: PaneContext) {
        self.pane = pane
        self.plan = plan
        self.ctx = ctx
        date = pane.selectedDay(ctx)
        day = plan.day(date)
    }

    var theme: Theme { ctx.theme }
    var ascii: Bool { theme.glyphs == .ascii }

    /// The text as an ASCII terminal can show it (the theme's one rule for every pane).
    func plain(_ text: String) -> String { theme.plain(text) }

    /// Rows under the middle: adherence and streaks, then the expectation (two lines).
    static let bottomRows = 3

    /// Between the two headline rows (and a blank) and the bottom rows (after a blank).
    static func middle(_ ctx: PaneContext) -> Rect {
        let a = ctx.area
        return Rect(x: a.x + 1, y: a.y + 3, width: a.width - 2, height: a.height - 4 - bottomRows)
    }

    func draw(into canvas: inout Canvas) {
        drawTop(&canvas)
        let middle = Self.middle(ctx)
        if let id = pane.openTask, let day, let task = day.tasks.first(where: { $0.id == id }) {
            ListBrowser.renderDetail(
                Self.taskLines(task, day, plan, ctx), scroll: pane.detailScroll, into: &canvas, area: middle, theme: theme)
        } else {
            switch pane.calendar {
            case .month: drawMonth(&canvas, middle)
            case .week where ctx.area.width >= PlanPane.weekColumnsWidth: drawWeek(&canvas, middle)
            case .week, .day: drawDay(&canvas, middle)
            }
        }
        drawBottom(&canvas)
    }

    // MARK: Always in view

    private func drawTop(_ canvas: inout Canvas) {
        let a = ctx.area
        let line = Rect(x: a.x + 1, y: a.y, width: a.width - 2, height: 1)
        let headline = day?.headline ?? "No plan on \(date.longText)"
        canvas.put(TextWidth.truncated(plain(headline), to: line.width, ellipsis: theme.glyphs.ellipsis), x: line.x, y: line.y,
                   style: theme.heading, clip: line)
        let second = Rect(x: line.x, y: line.y + 1, width: line.width, height: 1)
        let (text, style) = pane.message.map { ($0, theme.warning) } ?? (subline, theme.dim)
        canvas.put(TextWidth.truncated(plain(text), to: second.width, ellipsis: theme.glyphs.ellipsis), x: second.x, y: second.y,
                   style: style, clip: second)
    }

    /// The plan the day belongs to and the date; outside the plan, where the plan is.
    private var subline: String {
        let when = date.longText + (date == ctx.today ? " (today)" : "")
        if let day {
            let block = day.position.block
            let goal = block.goal.label
            // "3 Dec", with the year when it is not the shown day's.
            func text(_ day: CalendarDay) -> String { day.dayMonthText + (day.year == date.year ? "" : " \(day.year)") }
            let which: String
            switch (block.kind, day.position.isProfilePlan) {
            case (.keepGoing, _): which = "keeping going from " + text(block.start)
            case (.plan, true): which = "your plan from " + text(block.start)
            case (.plan, false): which = "an earlier plan, \(text(block.start)) to \(text(block.end))"
            }
            return "\(when) · \(goal) · \(which)"
        }
        if (try? PlanHistory.keepGoing(on: date, profile: plan.profile, journal: ctx.journal, today: ctx.today).get()) != nil {
            return "\(when) · your plan has ended: n keeps going, four more weeks of the routine"
        }
        guard let current = plan.timeline.current else { return when }
        return date < current.start ? "\(when) · your plan starts \(current.start)" : "\(when) · your plan ran \(current.start) to \(current.end)"
    }

    private func drawBottom(_ canvas: inout Canvas) {
        let a = ctx.area
        let x = a.x + 1
        let width = a.width - 2
        var y = a.maxY - Self.bottomRows
        let block = day?.position.block ?? plan.timeline.current
        if let block {
            let weeks = (1...PlanCalendar.weeks).map { week in
                "wk\(week) " + (plan.adherence(of: block, week: week, today: ctx.today).map { "\($0.percent)%" } ?? "–")
            }
            let streaks = plan.streaks(today: ctx.today)
            let days = { (n: Int) in n == 1 ? "1 day" : "\(n) days" }
            let text = "Done: " + weeks.joined(separator: " · ") + "   Streak: \(days(streaks.current)) (longest \(streaks.longest))"
            canvas.put(TextWidth.truncated(plain(text), to: width,
                                           ellipsis: theme.glyphs.ellipsis), x: x, y: y, style: theme.text)
        }
        y += 1
        guard let template = block.flatMap(plan.template(of:)) else { return }
        let cat = ctx.catalogue
        let grades = cat.reference.evidence.filter { template.evidence.contains($0.id) }.map { $0.sourceGrade ?? $0.strength.label }
        let text = "Expect, as the guide claims (not a trial result): " + template.expectation.claim
            + (grades.isEmpty ? "." : ". Evidence: " + grades.joined(separator: "; ") + ".")
        for (i, line) in TextWrap.wrap(plain(text), width: width).prefix(2).enumerated() {
            canvas.put(line, x: x, y: y + i, style: theme.dim)
        }
    }

    /// The guide's expected time to relief, as the guide's claim.
    static func claim(_ template: PlanTemplate, _ cat: Catalogue) -> String {
        let claim = template.expectation
        return "the guide's claim, not a trial result: " + claim.claim + " (" + cat.sourceName(claim.source, guide: claim.guide) + ")"
    }

    // MARK: Marks and styles

    /// A day's mark: ○ ◐ ● for none, some, all done; · for a plan day still to come. `completion`
    /// when the caller has worked it out already.
    func mark(_ day: PlanDay?, completion: DayCompletion? = nil) -> String {
        guard let day else { return " " }
        guard day.date <= ctx.today else { return ascii ? "." : "·" }
        switch completion ?? plan.completion(of: day) {
        case .none: return ascii ? "o" : "○"
        case .some: return ascii ? "+" : "◐"
        case .all: return ascii ? "#" : "●"
        }
    }

    func taskMark(_ task: DayTask, _ day: PlanDay) -> String { taskMark(done: plan.isDone(task, on: day)) }

    func taskMark(done: Bool) -> String { ascii ? (done ? "[x]" : "[ ]") : (done ? "●" : "○") }

    /// Plan days are shaded by plan week, away from the green of "done" (keep-going days in bold); other
    /// days are dim.
    func shade(_ day: PlanDay?) -> Style {
        guard let day else { return theme.dim }
        if day.position.block.kind == .keepGoing { return Style(bold: true) }
        return Self.weekShades[(day.position.week - 1) % Self.weekShades.count]
    }

    static let weekShades = [Style(fg: .cyan), Style(fg: .blue), Style(fg: .magenta), Style(fg: .yellow)]

    var legend: String { ascii ? "o none  + some  # all  . to come" : "○ none  ◐ some  ● all  · to come" }

    // MARK: Month

    /// The month grid: wider cells from 100 columns, and a second row per week (the tasks done) when
    /// the area is tall enough for six such weeks.
    private func drawMonth(_ canvas: inout Canvas, _ area: Rect) {
        let grid = GridCursor(date: GridDate(date), firstWeekday: plan.profile.weekStart.isoWeekday)
        let cellWidth = area.width >= 100 ? 7 : 5
        let rowHeight = area.height >= 2 + 6 * 2 + 3 ? 2 : 1
        let gridWidth = 7 * cellWidth
        canvas.put(CalendarDay.monthNames[date.month - 1] + " \(date.year)", x: area.x + 1, y: area.y, style: theme.heading, clip: area)
        for column in 0..<7 {
            let iso = (grid.firstWeekday - 1 + column) % 7 + 1
            canvas.put(String(CalendarDay.weekdayNames[iso % 7].prefix(2)), x: area.x + column * cellWidth + 1, y: area.y + 1,
                       style: theme.dim, clip: area)
        }
        for (row, week) in grid.weeks.enumerated() {
            for (column, number) in week.enumerated() {
                guard let number, let cellDay = CalendarDay(year: date.year, month: date.month, day: number) else { continue }
                let planDay = plan.day(cellDay)
                let digits = number < 10 ? " \(number)" : "\(number)"
                var lines = [cellDay == ctx.today ? "[\(digits)\(mark(planDay))]" : " \(digits)\(mark(planDay))"]
                if rowHeight == 2 {
                    lines.append(planDay.map { cellDay <= ctx.today ? " \(plan.doneCount($0))/\($0.tasks.count)" : "" } ?? "")
                }
                let style = cellDay == date ? theme.selected : shade(planDay)
                for (i, line) in lines.enumerated() {
                    canvas.put(TextWidth.padded(line, to: cellWidth), x: area.x + column * cellWidth,
                               y: area.y + 2 + row * rowHeight + i, style: style, clip: area)
                }
            }
        }
        let legendY = area.y + 3 + grid.weeks.count * rowHeight
        canvas.put(legend, x: area.x + 1, y: legendY, style: theme.dim, clip: area)
        canvas.put("[ ] today", x: area.x + 1, y: legendY + 1, style: theme.dim, clip: area)
        let panel = Rect(x: area.x + gridWidth + 3, y: area.y, width: area.maxX - (area.x + gridWidth + 3), height: area.height)
        if panel.width >= 12 { drawDayPreview(&canvas, panel) }
    }

    /// Beside the grid: the selected day's tasks with their marks.
    private func drawDayPreview(_ canvas: inout Canvas, _ area: Rect) {
        guard let day else {
            canvas.put(plain(date.shortText + " · not a plan day"), x: area.x, y: area.y, style: theme.dim, clip: area)
            return
        }
        let heading = date.shortText + " · " + (date <= ctx.today ? "\(plan.doneCount(day)) of \(day.tasks.count) done" : "to come")
        canvas.put(plain(heading), x: area.x, y: area.y, style: theme.heading, clip: area)
        let rows = area.height - 3
        for (i, task) in day.tasks.prefix(max(0, rows)).enumerated() {
            let line = taskMark(task, day) + " " + task.title
            canvas.put(TextWidth.truncated(plain(line), to: area.width, ellipsis: theme.glyphs.ellipsis), x: area.x, y: area.y + 1 + i,
                       style: plan.isDone(task, on: day) ? theme.good : theme.text, clip: area)
        }
        let below = area.y + 2 + min(day.tasks.count, max(0, rows))
        canvas.put("Enter: tick and open the tasks", x: area.x, y: below, style: theme.dim, clip: area)
        // The day's cautions (medicines, kidney disease, a red flag), where there is room for them.
        var seen = Set<String>()
        let notes = day.tasks.flatMap(\.notes).filter { seen.insert($0.text).inserted }
        let rest = Rect(x: area.x, y: below + 2, width: area.width, height: area.maxY - below - 2)
        if !notes.isEmpty, rest.height >= 2 {
            ListBrowser.renderDetail(Self.notes(notes), scroll: 0, into: &canvas, area: rest, theme: theme)
        }
    }

    // MARK: Day

    /// The calendar week of the shown day, as a strip of marks; the tasks; the selected task's detail.
    private func drawDay(_ canvas: inout Canvas, _ area: Rect) {
        drawWeekStrip(&canvas, Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard let day, !day.tasks.isEmpty else {
            canvas.put("No tasks: this day is not in your plan.", x: body.x + 1, y: body.y, style: theme.dim, clip: body)
            return
        }
        let listHeight = min(day.tasks.count, max(3, body.height - 5))
        var table = Table(
            columns: [Table.Column(width: .fixed(ascii ? 3 : 1)), Table.Column(width: .flex())],
            rows: day.tasks.map { task in
                Table.Row([Table.Cell(taskMark(task, day)), Table.Cell(plain(task.title))],
                          style: plan.isDone(task, on: day) ? theme.good : theme.text)
            })
        table.selectedStyle = theme.selected
        table.positionStyle = theme.dim
        table.ellipsis = theme.glyphs.ellipsis
        let index = min(max(pane.taskIndex, 0), day.tasks.count - 1)
        table.render(into: &canvas, area: Rect(x: body.x, y: body.y, width: body.width, height: listHeight),
                     cursor: ListCursor(selected: index))
        let rest = Rect(x: body.x + 2, y: body.y + listHeight + 1, width: body.width - 2, height: body.height - listHeight - 1)
        ListBrowser.renderDetail(Self.summary(day.tasks[index], ctx), scroll: 0, into: &canvas, area: rest, theme: theme)
    }

    private func drawWeekStrip(_ canvas: inout Canvas, _ area: Rect) {
        var x = area.x
        for date in weekDates {
            let planDay = plan.day(date)
            let label = String(CalendarDay.weekdayNames[date.weekday].prefix(2)) + " \(date.day)" + mark(planDay)
            let text = date == ctx.today ? "[\(label)]" : " \(label) "
            x += canvas.put(text, x: x, y: area.y, style: date == self.date ? theme.selected : shade(planDay), clip: area)
            x += 1
        }
    }

    /// The seven days of the shown day's calendar week, from the profile's week start.
    var weekDates: [CalendarDay] {
        let first = (date.weekday - (plan.profile.weekStart.isoWeekday % 7) + 7) % 7
        return (0..<7).map { date.adding(days: $0 - first) }
    }

    // MARK: Week (wide)

    private func drawWeek(_ canvas: inout Canvas, _ area: Rect) {
        let detailRows = 5
        let columnWidth = (area.width - 6) / 7
        let columnsHeight = area.height - detailRows - 1
        // The days of a week mostly share their tasks, so each label is wrapped once. Both task marks
        // have the same width.
        var wrapped: [(label: String, lines: [String])] = []
        let markWidth = TextWidth.width(taskMark(done: false) + " ")
        let labelWidth = max(1, columnWidth - markWidth)
        for (i, date) in weekDates.enumerated() {
            let column = Rect(x: area.x + i * (columnWidth + 1), y: area.y, width: columnWidth, height: columnsHeight)
            let planDay = plan.day(date)
            let selected = date == self.date
            let heading = date.shortText + (date == ctx.today ? " today" : "")
            canvas.put(heading, x: column.x, y: column.y, style: selected ? theme.selected : theme.heading, clip: column)
            guard let planDay else {
                canvas.put("no plan", x: column.x, y: column.y + 1, style: theme.dim, clip: column)
                continue
            }
            // The day's check-offs are read once for the count, the day's mark and each task's.
            let done = plan.doneFlags(planDay)
            let doneCount = done.count { $0 }
            let count = date <= ctx.today ? " \(doneCount)/\(planDay.tasks.count)" : ""
            let completion = DayCompletion(done: doneCount, of: planDay.tasks.count)
            canvas.put("Day \(planDay.position.day) \(mark(planDay, completion: completion))\(count)", x: column.x, y: column.y + 1,
                       style: shade(planDay), clip: column)
            var y = column.y + 3
            for (t, task) in planDay.tasks.enumerated() {
                let chosen = selected && t == min(max(pane.taskIndex, 0), planDay.tasks.count - 1)
                let style = chosen ? theme.selected : (done[t] ? theme.good : theme.text)
                let label = plain(task.label)
                let lines: [String]
                if let known = wrapped.first(where: { $0.label == label }) {
                    lines = known.lines
                } else {
                    lines = TextWrap.wrap(label, width: labelWidth)
                    wrapped.append((label, lines))
                }
                for (l, line) in lines.enumerated() where y < column.maxY {
                    // The row blanked in the task's style (the space after the mark too), then the mark
                    // on the first line and the text.
                    canvas.fill(Rect(x: column.x, y: y, width: columnWidth, height: 1), style: style)
                    if l == 0 { canvas.put(taskMark(done: done[t]), x: column.x, y: y, style: style, clip: column) }
                    canvas.put(line, x: column.x + markWidth, y: y, style: style, clip: column)
                    y += 1
                }
            }
        }
        guard let day, let task = pane.selectedTask(day) else { return }
        let detail = Rect(x: area.x, y: area.maxY - detailRows, width: area.width, height: detailRows)
        ListBrowser.renderDetail([.heading(task.title)] + Self.summary(task, ctx), scroll: 0, into: &canvas, area: detail, theme: theme)
    }

    // MARK: A task

    /// Under the day's list: what to do, and the cautions.
    static func summary(_ task: DayTask, _ ctx: PaneContext) -> [DetailLine] {
        let g = ctx.theme.glyphs
        return notes(task.notes) + task.steps.map { .bullet($0, glyph: g.bullet) } + [.dim(task.detail)]
    }

    static func notes(_ notes: [PlanNote]) -> [DetailLine] {
        notes.map { note in
            switch note.level {
            case .info: .dim(note.text)
            case .caution: .warning(note.text)
            case .danger: .danger(note.text)
            }
        }
    }

    /// The whole task: its state, what to do, its cautions, and what it is about (the poses, the
    /// pattern, the supplement form).
    static func taskLines(_ task: DayTask, _ day: PlanDay, _ plan: PersonalPlan, _ ctx: PaneContext) -> [DetailLine] {
        let g = ctx.theme.glyphs
        let cat = ctx.catalogue
        let done = plan.isDone(task, on: day)
        var lines: [DetailLine] = [
            .heading(task.title), .dim(day.headline + " · " + day.date.longText),
            done ? .good("Done \(g.check)  (Space unticks it)") : .text("Not done yet  (Space ticks it)"), .blank,
        ]
        lines += notes(task.notes)
        lines += task.steps.map { .bullet($0, glyph: g.bullet) }
        lines += [.text(task.detail)]
        switch task.practice {
        case .poses(let ids):
            for pose in ids.compactMap({ id in cat.yoga.first { $0.id == id } }) {
                lines += [.blank] + BreathePane.poseLines(pose, ctx)
            }
        case .breathing(let id, let length):
            if let pattern = cat.breathing.first(where: { $0.id == id }) {
                lines += [.blank, .heading(pattern.name), .blank] + BreathePane.patternLines(pattern, ctx)
                lines += [.blank, .good("Enter or s: start \(PersonalPlan.lengthText(length, pattern)) of \(pattern.name) in the Breathe pane")]
            }
        case .supplement(let formID, _):
            if let form = cat.form(id: formID) {
                lines += [.blank, .heading(form.name),
                          .field("Elemental Mg", Format.number(form.elementalPercent) + "% of the compound's weight"),
                          .field("Gut effects", form.gutEffects),
                          .field("Evidence", "\(form.evidenceStrength.label): \(form.evidence)")]
            }
        case .food, nil:
            break
        }
        if let template = plan.template(of: day.position.block) {
            lines += [.blank, .dim("From the plan: " + template.title + " (" + cat.sourceName(template.source, guide: template.guide) + ")")]
        }
        return lines
    }

}
