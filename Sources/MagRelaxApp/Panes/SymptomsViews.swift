import MagRelaxCore
import TerminalUI

/// What the Symptoms pane shows, read from the context once per key or frame: the checklist and the
/// ratings of the 28 days ending on the day shown.
struct SymptomsData {
    let day: CalendarDay
    let symptoms: [Symptom]
    let ids: [String]
    let days: SymptomDays

    static let trendDays = 28
    static let recentDays = SymptomsPane.recentDays

    init(_ ctx: PaneContext) {
        day = ctx.day
        ids = SymptomChecklist.ids(journal: ctx.journal, goal: ctx.profile?.goal, catalogue: ctx.catalogue)
        symptoms = SymptomChecklist.symptoms(journal: ctx.journal, goal: ctx.profile?.goal, catalogue: ctx.catalogue)
        days = SymptomDays(ctx.journal, from: ctx.day.adding(days: 1 - Self.trendDays), through: ctx.day)
    }

    /// A symptom's values over the last `count` days ending on the day shown.
    func values(_ id: String, last count: Int) -> [Double?] {
        days.values(id, from: day.adding(days: 1 - count), through: day)
    }
}

/// Where the pane's parts go: two header lines, the list (and, when wide, a detail beside it), a footer.
struct SymptomsLayout {
    var header: Rect
    var list: Rect
    var detail: Rect?
    var footer: Rect

    /// From this width on, the selected row's detail stands beside the list.
    static let detailWidth = 110

    init(_ ctx: PaneContext, view: SymptomsPane.View, mode: SymptomsPane.Mode?) {
        let a = ctx.area
        let footerLines: Int
        switch (mode, view) {
        case (.checkIn, _), (.adding, _), (.redFlags, _): footerLines = 1
        case (nil, .day): footerLines = a.height >= 30 ? 5 : 3
        case (nil, _): footerLines = 1
        }
        header = Rect(x: a.x + 1, y: a.y, width: a.width - 2, height: 2)
        footer = Rect(x: a.x + 2, y: a.maxY - footerLines, width: a.width - 4, height: footerLines)
        let body = Rect(x: a.x + 1, y: a.y + 2, width: a.width - 2, height: a.height - 2 - footerLines - 1)
        if a.width >= Self.detailWidth {
            // The list keeps room for its names; the detail takes the rest.
            let listWidth = min(max(body.width * 3 / 5, 80), body.width - 36)
            list = Rect(x: body.x, y: body.y, width: listWidth, height: body.height)
            detail = Rect(x: body.x + listWidth + 3, y: body.y, width: body.width - listWidth - 3, height: body.height)
        } else {
            list = body
            detail = nil
        }
    }
}

extension SymptomsPane {
    static let barWidth = 4
    static let burdenID = "burden"
    static let totalID = "total"
    static let didPrefix = "did:"

    /// A rating (0–4) as a small bar.
    static func bar(_ value: Double, _ theme: Theme) -> String {
        BarGauge(value: value, maximum: Double(JournalEntry.symptomScale.upperBound), ascii: theme.glyphs == .ascii)
            .text(width: barWidth)
    }

    static func sparkline(_ values: [Double?], max: Double, _ theme: Theme) -> String {
        Sparkline(values, maxValue: max, ascii: theme.glyphs == .ascii).text
    }

    /// "moderate", or with the mean when check-ins differ: "severe (2.5)".
    static func ratingText(_ value: Double) -> String {
        let word = SymptomRating.word(value)
        return value == value.rounded() ? word : word + " (" + Format.number(value) + ")"
    }

    /// "1.4 (5 d)": a mean and its rated days; "- (0 d)" without any.
    static func meanText(_ m: RatedMean) -> String {
        (m.mean.map(BeforeAfter.decimal) ?? "-") + " (\(m.days) d)"
    }

    // MARK: Rows of each view

    func content(_ data: SymptomsData, _ ctx: PaneContext) -> ListContent {
        switch view {
        case .day: Self.dayContent(data, ctx)
        case .trends: Self.trendContent(data, ctx)
        case .beforeAfter: Self.beforeAfterContent(data, ctx)
        }
    }

    /// Each listed symptom: the day's rating as a word and a bar, and the last 14 days.
    static func dayContent(_ data: SymptomsData, _ ctx: PaneContext) -> ListContent {
        let theme = ctx.theme
        let items = data.symptoms.map { s in
            let value = data.days.value(s.id, on: data.day)
            return ListItem(id: s.id, group: s.area.label, cells: [
                Table.Cell(s.name),
                value.map { Table.Cell(ratingText($0)) } ?? Table.Cell("not rated", style: theme.dim),
                Table.Cell(value.map { bar($0, theme) } ?? "", style: theme.accent),
                Table.Cell(sparkline(data.values(s.id, last: SymptomsData.recentDays), max: 4, theme), style: theme.accent),
            ], search: s.name + " " + s.area.label)
        }
        return ListContent(items, columns: [
            Table.Column("Symptom", width: .flex(min: 12)), Table.Column("Rating", width: .fixed(14), gap: 2),
            Table.Column(width: .fixed(barWidth)),
            Table.Column("last \(SymptomsData.recentDays) days", width: .fixed(SymptomsData.recentDays), gap: 2),
        ])
    }

    /// Each symptom over 28 days with its 7-day mean; then the day's burden over the same days.
    static func trendContent(_ data: SymptomsData, _ ctx: PaneContext) -> ListContent {
        let theme = ctx.theme
        let n = SymptomsData.trendDays
        var items = data.symptoms.map { s in
            ListItem(id: s.id, group: s.area.label, cells: [
                Table.Cell(s.name),
                Table.Cell(sparkline(data.values(s.id, last: n), max: 4, theme), style: theme.accent),
                Table.Cell(meanText(data.days.sevenDayMean(s.id, endingOn: data.day))),
            ], search: s.name + " " + s.area.label)
        }
        if !data.symptoms.isEmpty {
            let burdens = (0..<n).map { data.days.burden(on: data.day.adding(days: $0 + 1 - n), among: data.ids)?.total }
            let shown = data.days.burden(on: data.day, among: data.ids)
            let day = data.day.dayMonthText + ": " + (shown.map { Format.number($0.total) + ", \($0.rated) rated" } ?? "not rated")
            items.append(ListItem(id: burdenID, group: "Day's burden, the ratings added up (" + day + ")", cells: [
                Table.Cell("All your symptoms"),
                Table.Cell(sparkline(burdens, max: Double(4 * data.ids.count), theme), style: theme.accent),
                Table.Cell(meanText(RatedMean(Array(burdens.suffix(7))))),
            ], search: "burden"))
        }
        return ListContent(items, columns: [
            Table.Column("Symptom", width: .flex(min: 12)),
            Table.Column("last \(n) days", width: .fixed(n), gap: 2),
            Table.Column("7-day mean", width: .fixed(13), gap: 2),
        ])
    }

    /// The comparison for the day shown; nil without a profile (no plan start).
    static func comparison(_ data: SymptomsData, _ ctx: PaneContext) -> BeforeAfter? {
        guard let profile = ctx.profile else { return nil }
        return BeforeAfter(
            journal: ctx.journal, symptomIDs: data.ids, planStart: profile.planStart,
            plan: ctx.personalPlan,
            catalogue: ctx.catalogue, through: data.day)
    }

    /// Each symptom and all of them: the baseline week's mean, the latest week's, and what that says;
    /// then what the person did in those weeks.
    static func beforeAfterContent(_ data: SymptomsData, _ ctx: PaneContext) -> ListContent {
        let theme = ctx.theme
        let columns = [
            Table.Column("Mean rating 0-4", width: .flex(min: 12)), Table.Column("Baseline", width: .fixed(13), gap: 2),
            Table.Column("Latest", width: .fixed(13), gap: 2), Table.Column("Change", width: .fixed(15), gap: 2),
        ]
        guard let comparison = comparison(data, ctx) else { return ListContent([], columns: columns) }
        func verdictStyle(_ v: ChangeVerdict) -> Style {
            switch v {
            case .lower: theme.good
            case .higher: theme.warning
            case .tooLittleData, .noClearChange: theme.dim
            }
        }
        func row(_ id: String, _ group: String, _ name: String, _ change: SymptomChange) -> ListItem {
            ListItem(id: id, group: group, cells: [
                Table.Cell(name), Table.Cell(meanText(change.baseline)), Table.Cell(meanText(change.latest)),
                Table.Cell(change.verdict.rawValue, style: verdictStyle(change.verdict)),
            ], search: name)
        }
        var items = zip(data.symptoms, comparison.symptoms).map { s, change in row(s.id, s.area.label, s.name, change) }
        if !data.symptoms.isEmpty {
            items.append(row(totalID, "All together", "All your symptoms", comparison.total))
        }
        items += comparison.activity.map { figure in
            ListItem(id: didPrefix + figure.label, group: "What you did", cells: [
                Table.Cell(figure.label), Table.Cell(figure.baseline), Table.Cell(figure.latest), "",
            ])
        }
        return ListContent(items, columns: columns)
    }

    /// The catalogue's symptoms not on the list, by body area.
    static func addingContent(_ data: SymptomsData, _ ctx: PaneContext) -> ListContent {
        let listed = Set(data.ids)
        let items = ctx.catalogue.symptomsByArea(where: { !listed.contains($0.id) }).map { s in
            ListItem(id: s.id, group: s.area.label, text: s.name, search: s.name + " " + s.area.label + " " + s.explanation)
        }
        return ListContent(items, columns: [Table.Column("Add to your list", width: .flex())])
    }

    // MARK: Details

    func detail(_ id: String, _ data: SymptomsData, _ ctx: PaneContext) -> [DetailLine] {
        switch id {
        case Self.burdenID:
            return [
                .heading("Day's burden"), .blank,
                .text("The day's ratings of your listed symptoms added up (each symptom's value is the mean of that "
                    + "day's check-ins), with how many were rated. Red flags never count."),
            ]
        case Self.totalID:
            return [
                .heading("All your symptoms together"), .blank,
                .text("Each day's mean rating over the symptoms rated that day, averaged over the week's rated days: "
                    + "on the same 0–4 scale whatever the number of symptoms you rated."),
                .blank, .dim(BeforeAfter.caveat),
            ]
        case _ where id.hasPrefix(Self.didPrefix):
            return [
                .heading(String(id.dropFirst(Self.didPrefix.count))), .blank,
                .text("What you did in each of the two weeks, from your journal: breathing sessions in minutes, and the "
                    + "share of the plan's daily tasks you ticked off."),
            ]
        default:
            return Self.symptomDetail(id, data, ctx)
        }
    }

    /// The catalogue's text about a symptom, the evidence for it, and the person's recent ratings.
    static func symptomDetail(_ id: String, _ data: SymptomsData, _ ctx: PaneContext) -> [DetailLine] {
        let cat = ctx.catalogue
        guard let s = cat.symptom(id: id) else { return [] }
        var lines: [DetailLine] = [.heading(s.name), .dim(s.area.label), .blank, .text(s.explanation), .blank]
        let evidence = cat.reference.evidence.filter { (s.evidence ?? []).contains($0.id) }
        for e in evidence {
            lines.append(.field("Evidence", e.claim + ": " + (e.sourceGrade ?? e.strength.label)))
            if let figures = e.figures { lines.append(DetailLine(.dim, String(repeating: " ", count: 16) + figures, indent: 16)) }
        }
        if evidence.isEmpty {
            lines.append(.field("Evidence", "none in magrelax's evidence table; the text above says what is known"))
        }
        let value = data.days.value(id, on: data.day)
        lines += [
            .blank,
            .field(data.day.dayMonthText, value.map(ratingText) ?? "not rated"),
            .field("7-day mean", meanText(data.days.sevenDayMean(id, endingOn: data.day))),
            .blank, .dim("Rated " + SymptomRating.legend + "."),
            .dim("Source: " + Format.source(s.source, cat)),
        ]
        return lines
    }

    // MARK: Drawing

    public func render(into canvas: inout Canvas, context ctx: PaneContext) {
        let data = SymptomsData(ctx)
        let layout = SymptomsLayout(ctx, view: view, mode: mode)
        let theme = ctx.theme
        renderHeader(into: &canvas, data, layout, ctx)
        switch mode {
        case .checkIn(let draft):
            let content = draft.content(data.symptoms, ctx)
            draft.rows.render(content, into: &canvas, area: layout.list, theme: theme, detail: { _ in [] })
            if let area = layout.detail, case .symptom(let id) = draft.selectedRow(data.symptoms) {
                renderDetail(Self.symptomDetail(id, data, ctx), into: &canvas, area: area, theme: theme)
            }
            put(SymptomRating.legend, in: layout.footer, row: 0, style: theme.dim, into: &canvas, theme)
        case .adding(let list):
            let content = Self.addingContent(data, ctx)
            list.render(content, into: &canvas, area: layout.list, theme: theme, detail: { Self.symptomDetail($0, data, ctx) },
                        emptyText: "Every symptom in the catalogue is on your list.")
            if let area = layout.detail, let item = list.selected(in: content) {
                renderDetail(Self.symptomDetail(item.id, data, ctx), into: &canvas, area: area, theme: theme)
            }
            put("Ratings you made stay when a symptom leaves the list or comes back.", in: layout.footer, row: 0,
                style: theme.dim, into: &canvas, theme)
        case .redFlags(let list):
            let content = RedFlagList.content(ctx)
            list.render(content, into: &canvas, area: layout.list, theme: theme, detail: { RedFlagList.detail(forItem: $0, ctx) })
            if let area = layout.detail, !list.isDetailOpen, let item = list.selected(in: content) {
                renderDetail(RedFlagList.detail(forItem: item.id, ctx), into: &canvas, area: area, theme: theme)
            }
            put("Marking one records it for \(ctx.day.dayMonthText) and shows what to do.", in: layout.footer, row: 0,
                style: theme.dim, into: &canvas, theme)
        case nil:
            let content = self.content(data, ctx)
            let empty = view == .beforeAfter && ctx.profile == nil
                ? "No plan yet: set your goal and plan start in your profile (p)."
                : data.symptoms.isEmpty ? "Your list is empty: press a to add symptoms." : "Nothing matches the filter."
            browser.render(content, into: &canvas, area: layout.list, theme: theme, detail: { detail($0, data, ctx) },
                           emptyText: empty)
            if let area = layout.detail, !browser.isDetailOpen, let item = browser.selected(in: content) {
                renderDetail(detail(item.id, data, ctx), into: &canvas, area: area, theme: theme)
            }
            renderFooter(into: &canvas, data, layout, ctx)
        }
    }

    private func renderDetail(_ lines: [DetailLine], into canvas: inout Canvas, area: Rect, theme: Theme) {
        for y in area.y..<area.maxY {
            canvas.put(String(theme.glyphs.vertical), x: area.x - 2, y: y, style: theme.border)
        }
        ListBrowser.renderDetail(lines, scroll: 0, into: &canvas, area: area, theme: theme)
    }

    private func put(_ text: String, in area: Rect, row: Int, style: Style, into canvas: inout Canvas, _ theme: Theme) {
        guard row < area.height else { return }
        canvas.put(TextWidth.truncated(Self.plain(text, theme), to: area.width, ellipsis: theme.glyphs.ellipsis), x: area.x,
                   y: area.y + row, style: style, clip: area)
    }

    /// The pane's own words with ASCII stand-ins for its symbols and the arrow keys it names, on
    /// terminals without Unicode.
    static func plain(_ text: String, _ theme: Theme) -> String { keyLabel(theme.plain(text), theme: theme) }

    /// The day shown (or the check-in's), the view, and the red-flag line while one is recent.
    private func renderHeader(into canvas: inout Canvas, _ data: SymptomsData, _ layout: SymptomsLayout, _ ctx: PaneContext) {
        let theme = ctx.theme
        let area = layout.header
        var title = data.day.longText + (data.day == ctx.today ? " (today)" : "")
        switch mode {
        case .checkIn(let draft): title = "Check-in " + (draft.time.map { $0.shortText + " " } ?? "") + draft.day.longText
        case .adding: title += "  ·  add a symptom"
        case .redFlags: title += "  ·  red flags"
        case nil:
            switch view {
            case .day: break
            case .trends:
                title = "Trends, \(SymptomsData.trendDays) days to " + data.day.dayMonthText + " \(data.day.year)"
            case .beforeAfter:
                title = "Before and after, to " + data.day.dayMonthText + " \(data.day.year)"
            }
        }
        let used = canvas.put(TextWidth.truncated(Self.plain(title, theme), to: area.width, ellipsis: theme.glyphs.ellipsis), x: area.x + 1,
                              y: area.y, style: theme.heading, clip: area)
        let flag = RedFlagList.header(ctx)
        if let hold = flag?.hold, area.width - used - 3 >= TextWidth.width(hold) {
            canvas.put(hold, x: area.maxX - TextWidth.width(hold) - 1, y: area.y, style: theme.danger)
        }
        if let line = flag?.flag {
            put(line, in: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: 1), row: 0, style: theme.danger,
                into: &canvas, theme)
        } else if mode == nil, view == .beforeAfter, let weeks = Self.comparison(data, ctx)?.weeks {
            let latest = weeks.latest.map { Self.span($0) } ?? "none yet"
            put("Baseline: plan days 1-7, " + Self.span(weeks.baseline) + "  ·  latest: " + latest,
                in: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: 1), row: 0, style: theme.dim,
                into: &canvas, theme)
        }
    }

    /// "2-8 Nov", "28 Oct-3 Nov".
    static func span(_ days: ClosedRange<CalendarDay>) -> String {
        let (a, b) = (days.lowerBound, days.upperBound)
        if a == b { return a.dayMonthText }
        return (a.month == b.month ? "\(a.day)" : a.dayMonthText) + "-" + b.dayMonthText
    }

    /// Under the list: the day's burden and check-ins (their time, triggers and note) and red flags; in
    /// the other views, what their words mean.
    private func renderFooter(into canvas: inout Canvas, _ data: SymptomsData, _ layout: SymptomsLayout, _ ctx: PaneContext) {
        let theme = ctx.theme
        let area = layout.footer
        switch view {
        case .trends:
            put("7-day mean: of the days rated in the last 7; (5 d) = 5 days rated. A gap: not rated.", in: area, row: 0,
                style: theme.dim, into: &canvas, theme)
            return
        case .beforeAfter:
            put(BeforeAfter.caveat, in: area, row: 0, style: theme.dim, into: &canvas, theme)
            return
        case .day:
            break
        }
        var lines: [(String, Style)] = []
        for mark in RedFlagList.marks(on: data.day, ctx) {
            let flag = ctx.catalogue.redFlag(id: mark.flagID)
            lines.append(("Red flag marked: " + (flag.map { $0.symptom + " (" + RedFlagList.urgency($0.action) + ")" } ?? mark.flagID),
                          theme.danger))
        }
        let checkIns = ctx.journal.entries(on: data.day).filter { $0.checkIn != nil }
        if checkIns.isEmpty {
            lines.insert(("No check-in on this day: c checks in, ←→ rates the selected symptom.", theme.dim), at: 0)
        } else {
            let burden = data.days.burden(on: data.day, among: data.ids)
            let times = checkIns.map { $0.time?.shortText ?? "untimed" }.joined(separator: ", ")
            let count = checkIns.count == 1 ? "1 check-in" : "\(checkIns.count) check-ins (rows show the mean)"
            let head = (burden.map { "Burden \(Format.number($0.total)) (\($0.rated) rated)  ·  " } ?? "") + count + ": " + times
            lines.insert((head, theme.text), at: 0)
            for entry in checkIns {
                guard let c = entry.checkIn, !c.triggers.isEmpty || c.note != nil else { continue }
                var parts: [String] = []
                if !c.triggers.isEmpty { parts.append(c.sortedTriggers.map(\.label).joined(separator: ", ")) }
                if let note = c.note { parts.append("\"" + note + "\"") }
                lines.append(((entry.time?.shortText ?? "untimed") + "  " + parts.joined(separator: "  "), theme.dim))
            }
        }
        for (i, line) in lines.prefix(area.height).enumerated() {
            put(line.0, in: area, row: i, style: line.1, into: &canvas, theme)
        }
    }
}
