import MagRelaxCore
import TerminalUI

/// The red-flag list (`!`) and what marking one shows: signs that route to care, never to a score.
enum RedFlagList {
    static let prefix = "flag:"

    /// A place of the body, as the list's heading.
    static func areaLabel(_ area: String) -> String { area.prefix(1).uppercased() + area.dropFirst() }

    /// How urgent, in a few words, for the list's column.
    static func urgency(_ action: RedFlagAction) -> String {
        switch action {
        case .emergency: "emergency"
        case .urgent: "urgent: same day"
        case .soon: "see a doctor soon"
        }
    }

    /// The catalogue's red flags by body area, each with how urgent it is; the ones marked on the day
    /// shown say so.
    static func content(_ ctx: PaneContext) -> ListContent {
        let marked = Set(marks(on: ctx.day, ctx).map(\.flagID))
        let theme = ctx.theme
        var areas: [String] = []
        for flag in ctx.catalogue.redFlags where !areas.contains(flag.area) { areas.append(flag.area) }
        let items = areas.flatMap { area in
            ctx.catalogue.redFlags.filter { $0.area == area }.map { flag in
                ListItem(
                    id: prefix + flag.id, group: areaLabel(area),
                    cells: [
                        Table.Cell((marked.contains(flag.id) ? "marked: " : "") + flag.symptom),
                        Table.Cell(urgency(flag.action)),
                    ],
                    search: flag.symptom + " " + area,
                    style: flag.action == .emergency ? theme.danger : theme.warning)
            }
        }
        return ListContent(items, columns: [
            Table.Column("Red flag: a sign that needs a clinician", width: .flex(min: 20)),
            Table.Column("Action", width: .fixed(17), gap: 2),
        ])
    }

    static func flag(forItem id: String, _ ctx: PaneContext) -> RedFlag? {
        id.hasPrefix(prefix) ? ctx.catalogue.redFlag(id: String(id.dropFirst(prefix.count))) : nil
    }

    /// The red flags recorded on a day.
    static func marks(on day: CalendarDay, _ ctx: PaneContext) -> [RecordedRedFlag] {
        RedFlagHold.recorded(in: ctx.journal, from: day, through: day)
    }

    /// Marking a flag on the day shown: the entry (once a day) and, at once, the notice with the action.
    static func mark(_ flag: RedFlag, _ ctx: PaneContext) -> [PaneOutput] {
        let notice = PaneOutput.alert(alert(flag, ctx))
        if marks(on: ctx.day, ctx).contains(where: { $0.flagID == flag.id }) { return [notice] }
        let entry = JournalEntry(
            id: JournalEntry.newID, day: ctx.day, time: ctx.entryTime,
            kind: .redFlag(flag.id))
        return [.record([.add(entry)]), notice]
    }

    /// Unmarking a flag marked by mistake on the day shown.
    static func unmark(_ flag: RedFlag, _ ctx: PaneContext) -> [PaneOutput] {
        let ids = marks(on: ctx.day, ctx).filter { $0.flagID == flag.id }.map(\.entryID)
        return ids.isEmpty ? [.bell(count: 1)] : [.record(ids.map { .remove(id: $0) })]
    }

    /// The notice: what to do first, the action, why, and what magrelax does meanwhile.
    static func alert(_ flag: RedFlag, _ ctx: PaneContext) -> Alert {
        let why = flag.reason.map { "Why: it can be a sign of \($0) (\(Format.source(flag.source, ctx.catalogue)))." }
            ?? "Why: it is a warning sign that needs a clinician, not self-care (\(Format.source(flag.source, ctx.catalogue)))."
        return Alert(
            title: "Red flag: get medical help",
            paragraphs: [flag.symptom] + (flag.firstStep.map { [$0] } ?? []) + [
                flag.action.label + ".", why,
                "Self-care is not the answer here. For \(RedFlagHold.days) days magrelax holds back supplement "
                    + "suggestions; a red flag never counts in any score.",
            ],
            danger: true)
    }

    /// The pane's header while a red flag is recent: the newest flag's day and action (and how many
    /// more), and until when supplement suggestions are held back.
    static func header(_ ctx: PaneContext) -> (flag: String, hold: String)? {
        let recent = RedFlagHold.recent(in: ctx.journal, today: ctx.today)
        guard let newest = recent.first else { return nil }
        let action = ctx.catalogue.redFlag(id: newest.flagID).map { $0.action.label } ?? newest.flagID
        let more = recent.count > 1 ? " (+\(recent.count - 1) more)" : ""
        let until = RedFlagHold.heldThrough(newest)
        return ("Red flag \(newest.day.dayMonthText): \(action)" + more,
                "supplements held back through \(until.dayMonthText)")
    }

    /// What a flag is and what to do (beside the list when wide; → opens it).
    static func detail(forItem id: String, _ ctx: PaneContext) -> [DetailLine] {
        guard let flag = flag(forItem: id, ctx) else { return [] }
        var lines: [DetailLine] = [.danger("Red flag"), .heading(flag.symptom), .blank]
        if let step = flag.firstStep { lines.append(.danger(step)) }
        lines.append(.danger(flag.action.label))
        if let reason = flag.reason { lines.append(.field("Possible cause", reason)) }
        lines += [
            .field("Where", flag.area), .blank,
            .text("This is not a symptom of low magnesium, and self-care is not the answer: get medical help. "
                + "While a red flag is recorded, magrelax holds back supplement suggestions."),
            .blank, .dim("Enter marks it for the day shown; Backspace unmarks it."),
            .dim("Source: " + Format.source(flag.source, ctx.catalogue)),
        ]
        return lines
    }
}
