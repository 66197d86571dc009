import MagRelaxCore
import TerminalUI

/// 3 Food: magnesium-rich foods and the supplement forms.
public struct FoodPane: BrowsingPane, Hashable {
    var title: String { "Food" }
    public var browser = ListBrowser()

    public init() {}

    func items(_ ctx: PaneContext) -> [ListItem] {
        ctx.catalogue.foods
            .sorted { ($0.mgPerServing ?? 0) > ($1.mgPerServing ?? 0) }
            .map { food in
                let mg = TextWidth.padded(Format.mg(food.mgPerServing), to: 8)
                return ListItem(id: food.id, text: mg + food.name + " (" + food.serving + ")",
                                search: food.name + " " + food.category.label)
            }
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        guard let food = ctx.catalogue.foods.first(where: { $0.id == id }) else { return [] }
        var lines: [DetailLine] = [.heading(food.name), .dim(food.category.label), .blank]
        let grams = food.servingGrams.map { " (\(Format.number($0)) g)" } ?? ""
        lines.append(.field("Per serving", Format.mg(food.mgPerServing) + " in " + food.serving + grams))
        lines.append(.field("Per 100 g", Format.mg(food.mgPer100g)))
        if let note = food.note { lines += [.blank, .dim(note)] }
        lines += [.blank, .dim("Source: " + Format.source(food.source, ctx.catalogue) + (food.ndb.map { ", NDB " + $0 } ?? ""))]
        return lines
    }
}
