import MagRelaxCore
import TerminalUI

/// 1 Symptoms: the checklist grouped by body area, then the red flags that need a clinician.
public struct SymptomsPane: BrowsingPane, Hashable {
    var title: String { "Symptoms" }
    public var browser = ListBrowser()

    public init() {}

    static let redFlagPrefix = "flag:"

    func items(_ ctx: PaneContext) -> [ListItem] {
        var items: [ListItem] = []
        for area in BodyArea.allCases {
            for s in ctx.catalogue.symptoms where s.area == area {
                items.append(ListItem(id: s.id, group: area.label, text: s.name, search: s.name + " " + area.label + " " + s.explanation))
            }
        }
        for flag in ctx.catalogue.redFlags.sorted(by: { $0.action > $1.action }) {
            let mark = flag.action == .emergency ? "!! " : "!  "
            items.append(ListItem(
                id: Self.redFlagPrefix + flag.id, group: "Red flags: see a clinician, not a plan",
                text: mark + flag.symptom, search: flag.symptom + " red flag " + flag.area,
                style: flag.action == .emergency ? ctx.theme.danger : ctx.theme.warning))
        }
        return items
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        let cat = ctx.catalogue
        if id.hasPrefix(Self.redFlagPrefix) {
            guard let flag = cat.redFlags.first(where: { Self.redFlagPrefix + $0.id == id }) else { return [] }
            var lines: [DetailLine] = [.danger("Red flag"), .heading(flag.symptom), .blank]
            if let step = flag.firstStep { lines.append(.danger(step)) }
            lines.append(.danger(flag.action.label))
            if let reason = flag.reason { lines.append(.field("Possible cause", reason)) }
            lines += [
                .field("Where", flag.area),
                .blank,
                .text("This is not a symptom of low magnesium, and self-care is not the answer: get medical help. While a red flag is recorded, magrelax holds back supplement suggestions."),
                .blank,
                .dim("Source: " + Format.source(flag.source, cat)),
            ]
            return lines
        }
        guard let s = cat.symptoms.first(where: { $0.id == id }) else { return [] }
        return [
            .heading(s.name),
            .dim(s.area.label),
            .blank,
            .text(s.explanation),
            .blank,
            .text("Rated 0 none · 1 mild · 2 moderate · 3 severe · 4 unbearable."),
            .blank,
            .dim("Source: " + Format.source(s.source, cat)),
        ]
    }
}
