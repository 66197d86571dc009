import MagRelaxCore
import TerminalUI

/// 2 Plan: the five goals and, for the chosen one, the four weeks and their daily tasks.
public struct PlanPane: BrowsingPane, Hashable {
    var title: String { "Plan" }
    public var browser = ListBrowser()

    public init() {}

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
        var lines: [DetailLine] = [.heading(plan.title), .text(plan.summary), .dim(plan.expectation)]
        for week in plan.weeks.sorted(by: { $0.week < $1.week }) {
            lines += [.blank, .heading("Week \(week.week): \(week.focus)")]
            for task in week.tasks {
                lines.append(.bullet(task.title + ": " + task.detail, glyph: g.bullet))
            }
        }
        lines += [.blank, .dim("Source: " + Format.source(plan.source, ctx.catalogue))]
        return lines
    }
}
