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
        let cat = ctx.catalogue
        let claim = plan.expectation
        var lines: [DetailLine] = [
            .heading(plan.title), .text(plan.summary), .blank,
            .field("Expectation", "the guide's claim, not a trial result: " + claim.claim
                + " (" + cat.sourceName(claim.source, guide: claim.guide) + ")"),
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
