import MagRelaxCore
import TerminalUI

/// The Food pane's day: gauges for food, supplements and the total with their numbers, the day's log,
/// the last 7 days against the RDA, and "fill the gap"; and the short form of the day under the foods list.
enum FoodDayView {
    /// Gauges run to this share past the RDA or limit, so the mark stands inside the bar.
    static let headroom = 1.25
    static let chartDays = 7

    /// "Mon 23 Nov (today)", "Sun 22 Nov (yesterday)", "Fri 20 Nov 2025".
    static func dayLabel(_ day: CalendarDay, today: CalendarDay) -> String {
        let base = day.shortText
        switch day.days(until: today) {
        case 0: return base + " (today)"
        case 1: return base + " (yesterday)"
        default: return day.year == today.year ? base : base + " \(day.year)"
        }
    }

    /// What an entry's amount reads as: "2 × 1 oz", "150 g", "1418 mg compound", "elemental".
    static func amount(_ item: LoggedMagnesium, _ library: Library, _ theme: Theme) -> String {
        theme.plain(amount(item, library))
    }

    private static func amount(_ item: LoggedMagnesium, _ library: Library) -> String {
        switch item.entry.kind {
        case .food(let f):
            if f.unit == .grams { return NumberText.plain(((f.grams ?? 0) * 10).rounded() / 10) + " g" }
            let n = NumberText.plain(f.servings)
            return library.food(id: f.foodID).map { n + " × " + $0.serving } ?? n + (f.servings == 1 ? " serving" : " servings")
        case .supplement(let s):
            return s.compoundMg.map { NumberText.plain($0.rounded()) + " mg compound" } ?? "elemental"
        default:
            return ""
        }
    }

    /// A supplement's row names the form without "Magnesium".
    static func name(_ item: LoggedMagnesium, _ ctx: PaneContext) -> String {
        guard case .supplement(let s) = item.entry.kind, let form = ctx.catalogue.form(id: s.formID) else {
            return item.name
        }
        let short = FormTable.shortName(form)
        return short.prefix(1).uppercased() + short.dropFirst()
    }

    static func mgText(_ mg: Double?) -> String { mg.map(NumberText.mg) ?? "? mg" }

    // MARK: The day view

    static func render(_ day: DayMagnesium, log: ListCursor, into canvas: inout Canvas, _ ctx: PaneContext) {
        let theme = ctx.theme
        let area = ctx.area
        let x = area.x + 2
        let width = area.width - 4
        var y = area.y + 2
        gauges(day, into: &canvas, x: x, y: y, width: width, ctx)
        y += 3
        var notes: [DetailLine] = []
        if let warning = day.supplements.warning {
            notes.append(day.supplements.warns ? .warning(warning) : .text(warning))
        } else {
            notes.append(.dim("Food never counts toward the supplement limit: kidneys excrete the excess."))
        }
        notes += supplementNote(ctx)
        for line in DetailLine.layout(notes, width: width).prefix(4) {
            canvas.put(line.text, x: x, y: y, style: theme.style(for: line.kind))
            y += 1
        }
        y += 1
        let leftWidth = width * 11 / 20
        let left = Rect(x: x, y: y, width: leftWidth, height: area.maxY - y)
        let right = Rect(x: x + leftWidth + 3, y: y, width: width - leftWidth - 3, height: area.maxY - y)
        logTable(day, log: log, into: &canvas, area: left, ctx)
        let chartHeight = min(right.height, chartDays + 1)
        chart(day, into: &canvas, area: Rect(x: right.x, y: right.y, width: right.width, height: chartHeight), ctx)
        let gapTop = right.y + chartHeight + 1
        gap(day, into: &canvas, area: Rect(x: right.x, y: gapTop, width: right.width, height: right.maxY - gapTop), ctx)
    }

    /// Food against the RDA, supplements against the limit, the total against the RDA.
    static func gauges(_ day: DayMagnesium, into canvas: inout Canvas, x: Int, y: Int, width: Int, _ ctx: PaneContext) {
        let theme = ctx.theme
        let rda = day.need.map { Double($0.mg) }
        let limit = day.supplements.limit.map { Double($0.mg) }
        let percent = { (mg: Double) in rda.map { "\(Int(Nutrition.percent(mg, of: $0).rounded()))% of your RDA" } ?? "" }
        let rows: [(String, Double, Double?, String, Style, Style)] = [
            ("Food", day.foodMg, rda, percent(day.foodMg), theme.good, theme.good),
            ("Supplements", day.supplementMg, limit,
             day.supplements.limit.map { "limit \($0.mg) mg/day" } ?? "no limit set", theme.accent,
             day.supplements.warns ? theme.danger : theme.accent),
            ("Total", day.totalMg, rda, day.need.map { theme.plain("RDA \($0.mg) mg · ") + percent(day.totalMg).prefix { $0 != " " } }
                ?? "p: your profile sets your RDA", theme.heading, theme.good),
        ]
        let noteWidth = min(26, max(0, width / 3))
        let barX = x + 12 + 8 + 1
        let barWidth = max(1, width - 12 - 8 - 2 - noteWidth)
        for (i, row) in rows.enumerated() {
            let (label, mg, target, note, style, over) = row
            canvas.put(label, x: x, y: y + i, style: theme.text)
            let value = NumberText.mg(mg)
            canvas.put(value, x: x + 12 + 7 - TextWidth.width(value), y: y + i, style: theme.text)
            let maximum = max((target ?? 0) * headroom, mg, 1)
            BarGauge(value: mg, maximum: maximum, target: target, style: style, overStyle: over, emptyStyle: theme.dim,
                     markStyle: theme.text, ascii: theme.glyphs == .ascii)
                .render(into: &canvas, area: Rect(x: barX, y: y + i, width: barWidth, height: 1))
            canvas.put(TextWidth.truncated(note, to: noteWidth, ellipsis: theme.glyphs.ellipsis), x: barX + barWidth + 1,
                       y: y + i, style: i == 1 && day.supplements.warns ? theme.warning : theme.dim)
        }
    }

    /// The profile's supplement and the key that logs it, or why suggestions are held back.
    static func supplementNote(_ ctx: PaneContext) -> [DetailLine] {
        let cautions = SupplementCautions.list(profile: ctx.profile, journal: ctx.journal, today: ctx.today, catalogue: ctx.catalogue)
        if let held = cautions.first(where: \.holdsSuggestions) {
            return [DetailLine(held.kind.isRedFlag ? .danger : .warning, held.text)]
        }
        guard let (form, amount) = SupplementLog.profileDose(ctx.profile, catalogue: ctx.catalogue) else { return [] }
        let more = cautions.isEmpty ? "" : " Your cautions are with the supplement forms (s)."
        return [.dim("Your supplement: \(NumberText.mg(amount.value)) elemental of \(FormTable.shortName(form)) (m logs it).\(more)")]
    }

    static func logTable(_ day: DayMagnesium, log: ListCursor, into canvas: inout Canvas, area: Rect, _ ctx: PaneContext) {
        let theme = ctx.theme
        guard area.height > 1 else { return }
        canvas.put("Log", x: area.x, y: area.y, style: theme.heading)
        let body = Rect(x: area.x - 1, y: area.y + 1, width: area.width + 1, height: area.height - 1)
        guard !day.items.isEmpty else {
            let empty = "Nothing logged. a adds a food" + (SupplementLog.profileDose(ctx.profile, catalogue: ctx.catalogue) == nil ? "." : ", m your supplement.")
            canvas.drawParagraph(empty, in: Rect(x: area.x, y: body.y, width: area.width, height: body.height), style: theme.dim)
            return
        }
        let library = Library(catalogue: ctx.catalogue, journal: ctx.journal)
        var table = Table(
            columns: [
                Table.Column(width: .flex()), Table.Column(width: .fixed(min(16, area.width * 2 / 5))),
                Table.Column(width: .fixed(6), alignment: .right),
            ],
            rows: day.items.map { item in
                Table.Row([Table.Cell(name(item, ctx)), Table.Cell(amount(item, library, theme)), Table.Cell(mgText(item.mg))],
                          style: item.isSupplement ? theme.accent : nil)
            })
        table.style = theme.text
        table.selectedStyle = theme.selected
        table.positionStyle = theme.dim
        table.ellipsis = theme.glyphs.ellipsis
        table.render(into: &canvas, area: body, cursor: log)
    }

    /// The 7 days ending on the day shown, each a bar of its total with the RDA marked.
    static func chart(_ day: DayMagnesium, into canvas: inout Canvas, area: Rect, _ ctx: PaneContext) {
        let theme = ctx.theme
        guard area.height > 1, area.width > 16 else { return }
        let rda = day.need.map { Double($0.mg) }
        let mark = theme.glyphs == .ascii ? "|" : "│"
        canvas.put("Last 7 days", x: area.x, y: area.y, style: theme.heading)
        if let need = day.need {
            canvas.put("  \(mark) your RDA, \(need.mg) mg", x: area.x + 11, y: area.y, style: theme.dim, clip: area)
        }
        let days = MagnesiumHistory.days(journal: ctx.journal, catalogue: ctx.catalogue,
                                         from: day.day.adding(days: 1 - chartDays), through: day.day)
        let top = max((rda ?? 0) * headroom, days.map(\.totalMg).max() ?? 0, 1)
        let barWidth = area.width - 7 - 8
        for (i, d) in days.enumerated() where i + 1 < area.height {
            let y = area.y + 1 + i
            let label = "\(CalendarDay.weekdayNames[d.day.weekday].prefix(2)) \(d.day.day)"
            canvas.put(label, x: area.x, y: y, style: d.day == day.day ? theme.heading : theme.dim)
            BarGauge(value: d.totalMg, maximum: top, target: rda, style: theme.accent, overStyle: theme.good, emptyStyle: theme.dim,
                     markStyle: theme.text, ascii: theme.glyphs == .ascii)
                .render(into: &canvas, area: Rect(x: area.x + 7, y: y, width: barWidth, height: 1))
            let value = d.logged ? NumberText.mg(d.totalMg) : "-"
            canvas.put(value, x: area.maxX - TextWidth.width(value), y: y, style: d.logged ? theme.text : theme.dim)
        }
    }

    /// What would close the rest of the day's need: today's suggestions; for an earlier day, how it went.
    static func gap(_ day: DayMagnesium, into canvas: inout Canvas, area: Rect, _ ctx: PaneContext) {
        let theme = ctx.theme
        guard area.height > 0, let gap = day.gapMg else { return }
        guard gap > 0 else {
            canvas.put("RDA met for the day.", x: area.x, y: area.y, style: theme.good, clip: area)
            return
        }
        guard day.day == ctx.today else {
            canvas.put("\(NumberText.mg(gap)) short of your RDA that day.", x: area.x, y: area.y, style: theme.dim, clip: area)
            return
        }
        let plan = FillTheGap.plan(gapMg: gap, foods: Library(catalogue: ctx.catalogue, journal: ctx.journal).foods,
                                   marks: ctx.journal.foodMarks, count: min(FillTheGap.count, max(0, area.height - 1)))
        canvas.put("Fill the gap: \(NumberText.mg(gap)) to go", x: area.x, y: area.y, style: theme.heading, clip: area)
        if !plan.closes {
            canvas.put(" (closest)", x: area.x + 14 + NumberText.mg(gap).count + 6, y: area.y, style: theme.dim, clip: area)
        }
        for (i, s) in plan.suggestions.enumerated() where i + 1 < area.height {
            let y = area.y + 1 + i
            // The serving's description when the name keeps room enough beside it.
            var amount = theme.plain("\(s.servings) × \(s.food.serving)  " + NumberText.mg(s.mg))
            if area.width - TextWidth.width(amount) - 1 < 18 {
                amount = theme.plain((s.servings > 1 ? "\(s.servings) × " : "") + NumberText.mg(s.mg))
            }
            let nameWidth = max(0, area.width - TextWidth.width(amount) - 1)
            canvas.put(TextWidth.truncated(s.food.name, to: nameWidth, ellipsis: theme.glyphs.ellipsis), x: area.x, y: y, style: theme.text)
            canvas.put(amount, x: area.maxX - TextWidth.width(amount), y: y, style: theme.dim, clip: area)
        }
    }

    // MARK: Under the foods list

    /// The day's total and log, short: a rule with the totals, then the latest entries.
    static func strip(_ day: DayMagnesium, into canvas: inout Canvas, area: Rect, _ ctx: PaneContext) {
        let theme = ctx.theme
        guard area.height > 0 else { return }
        var totals = "\(dayLabel(day.day, today: ctx.today)): \(NumberText.mg(day.totalMg))"
        if let need = day.need, let percent = day.percentOfNeed { totals += " · \(Int(percent.rounded()))% of RDA \(need.mg)" }
        if let limit = day.supplements.limit { totals += " · supplements \(Int(day.supplementMg.rounded()))/\(limit.mg) mg" }
        let rule = String(theme.glyphs.horizontal)
        let head = rule + " " + theme.plain(totals) + " "
        canvas.put(rule + rule + head + String(repeating: theme.glyphs.horizontal, count: max(0, area.width)), x: area.x,
                   y: area.y, style: day.supplements.warns ? theme.warning : theme.border, clip: area)
        let library = Library(catalogue: ctx.catalogue, journal: ctx.journal)
        let rows = area.height - 1
        guard rows > 0 else { return }
        guard !day.items.isEmpty else {
            canvas.put("  Nothing logged on this day: a adds the selected food, d shows the day.", x: area.x, y: area.y + 1,
                       style: theme.dim, clip: area)
            return
        }
        let shown = day.items.suffix(rows)
        let more = day.items.count - shown.count
        for (i, item) in shown.enumerated() {
            let y = area.y + 1 + i
            let mg = mgText(item.mg)
            var name = name(item, ctx)
            if i == 0 && more > 0 { name = "(\(more) more: d) " + name }
            let amount = amount(item, library, theme)
            let right = TextWidth.padded(amount, to: 18) + String(repeating: " ", count: max(0, 7 - mg.count)) + mg
            let nameWidth = max(0, area.width - 4 - TextWidth.width(right) - 2)
            canvas.put(TextWidth.truncated(name, to: nameWidth, ellipsis: theme.glyphs.ellipsis), x: area.x + 3, y: y,
                       style: item.isSupplement ? theme.accent : theme.text)
            canvas.put(right, x: area.maxX - 2 - TextWidth.width(right), y: y, style: theme.text, clip: area)
        }
    }

    /// Under the forms list: the person's cautions, short (their full text is in each form's detail).
    static func cautionLine(_ cautions: [SupplementCaution], into canvas: inout Canvas, area: Rect, _ ctx: PaneContext) {
        guard area.height > 0, !cautions.isEmpty else { return }
        let held = cautions.contains(where: \.holdsSuggestions)
        let names = cautions.map(\.kind.shortName).joined(separator: ", ")
        let text = (held ? "Suggestions held back. " : "") + "Your cautions: " + names + " (in each form's detail)"
        canvas.put(TextWidth.truncated(text, to: area.width - 2, ellipsis: ctx.theme.glyphs.ellipsis), x: area.x + 1,
                   y: area.y, style: held ? ctx.theme.danger : ctx.theme.warning)
    }
}

extension SupplementCaution.Kind {
    var isRedFlag: Bool { if case .redFlag = self { true } else { false } }

    var shortName: String {
        switch self {
        case .kidneyDisease: "kidney disease"
        case .medicine(let m): m.shortLabel.lowercased()
        case .pregnancy: "pregnancy"
        case .breastfeeding: "breastfeeding"
        case .redFlag: "a recent red flag"
        }
    }
}
