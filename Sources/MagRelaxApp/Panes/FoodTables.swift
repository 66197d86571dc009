import MagRelaxCore
import TerminalUI

/// The foods list as a table whose columns fit the width it gets.
enum FoodTable {
    enum Column: CaseIterable, Hashable {
        case serving, perServing, per100g, per100kcal, category

        var title: String {
            switch self {
            case .serving: "Serving"
            case .perServing: "mg/serv"
            case .per100g: "mg/100g"
            case .per100kcal: "mg/100kcal"
            case .category: "Category"
            }
        }

        /// Width including the gap before it (numbers are right-aligned, so one space is enough).
        var width: Int {
            switch self {
            case .serving: 18
            case .perServing, .per100g: 8
            case .per100kcal: 11
            case .category: 22
            }
        }

        var gap: Int { isNumber ? 1 : 2 }

        var isNumber: Bool { self == .perServing || self == .per100g || self == .per100kcal }

        func value(_ food: Food) -> String {
            switch self {
            case .serving: food.serving
            case .perServing: whole(food.mgPerServing)
            case .per100g: whole(food.mgPer100g)
            case .per100kcal: whole(food.mgPer100kcal)
            case .category: food.category.label
            }
        }

        private func whole(_ v: Double?) -> String { v.map { String(Int($0.rounded())) } ?? "-" }
    }

    static func column(for sort: FoodPane.Sort) -> Column? {
        switch sort {
        case .mgPerServing: .perServing
        case .mgPer100g: .per100g
        case .mgPer100kcal: .per100kcal
        case .name: nil
        }
    }

    /// Before the name: a space where the selection's highlight starts, then the mark and a space.
    static let nameGap = 1
    static let markWidth = 2

    /// The sorted column and mg per serving always show; the others join, in this order of need,
    /// while the name keeps at least two fifths of a row `width` wide (22 columns at the least).
    static func layout(sort: FoodPane.Sort, width: Int) -> (name: Int, columns: [Column]) {
        let minName = max(22, width * 2 / 5)
        var chosen: [Column] = []
        var left = width - nameGap - markWidth
        let forced = [column(for: sort), .perServing].compactMap { $0 }
        for c in forced + [.per100g, .serving, .per100kcal, .category] where !chosen.contains(c) {
            if forced.contains(c) || left - c.width >= minName {
                chosen.append(c)
                left -= c.width
            }
        }
        return (max(0, left), Column.allCases.filter(chosen.contains))
    }

    static func sorted(_ foods: [Food], by sort: FoodPane.Sort) -> [Food] {
        let figure: (Food) -> Double? = switch sort {
        case .mgPerServing: { $0.mgPerServing }
        case .mgPer100g: { $0.mgPer100g }
        case .mgPer100kcal: { $0.mgPer100kcal }
        case .name: { _ in nil }
        }
        // Each food's figure and folded name worked out once, and positions sorted rather than
        // foods (a food is large to move).
        let figures = foods.map(figure)
        let names = foods.map { TextMatch.fold($0.name) }
        return foods.indices.sorted { a, b in
            switch (figures[a], figures[b]) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return names[a] < names[b]
            }
        }.map { foods[$0] }
    }

    /// What the foods list is built from besides the foods: the short list, the marks, the category.
    struct Choice: Equatable, Sendable {
        /// Favourites and recent foods, listed first (empty while a filter or a category narrows the list).
        var quick: [Food] = []
        var marks: [String: FoodMark] = [:]
        var category: FoodCategory?
    }

    /// Items of the short list carry this before the food's id, so each row has an id of its own.
    static let quickPrefix = "quick:"

    /// The food id of a list item.
    static func foodID(ofItem id: String) -> String {
        id.hasPrefix(quickPrefix) ? String(id.dropFirst(quickPrefix.count)) : id
    }

    /// "★" a favourite, "✗" not for me, "+" a food of the person's own (ASCII: "*", "x", "+").
    static func mark(_ food: Food, _ marks: [String: FoodMark], glyphs: Glyphs) -> String {
        let ascii = glyphs == .ascii
        switch marks[food.id] {
        case .favourite?: return ascii ? "*" : "★"
        case .notForMe?: return ascii ? "x" : "✗"
        case nil: return food.isCustom ? "+" : ""
        }
    }

    /// The foods, sorted, under the columns that fit a table `width` wide; the sorted column's title
    /// stands out. The short list comes first under its own heading; foods marked "not for me" are dim.
    static func content(_ foods: [Food], sort: FoodPane.Sort, width: Int, theme: Theme, choice: Choice = Choice()) -> ListContent {
        let (_, shown) = layout(sort: sort, width: width)
        let active = column(for: sort)
        let columns = [
            Table.Column(width: .fixed(markWidth - 1), gap: nameGap),
            Table.Column("Food", width: .flex(), gap: 1, titleStyle: sort == .name ? theme.heading : nil),
        ] + shown.map { c in
            Table.Column(c.title, width: .fixed(c.width - c.gap), alignment: c.isNumber ? .right : .left, gap: c.gap,
                         titleStyle: c == active ? theme.heading : nil)
        }
        func item(_ food: Food, id: String, group: String?) -> ListItem {
            let mark = Self.mark(food, choice.marks, glyphs: theme.glyphs)
            return ListItem(
                id: id, group: group, cells: [Table.Cell(mark), Table.Cell(food.name)] + shown.map { Table.Cell($0.value(food)) },
                search: food.name + " " + food.category.label + " " + food.serving,
                style: choice.marks[food.id] == .notForMe ? theme.dim : nil)
        }
        let listed = choice.category.map { c in foods.filter { $0.category == c } } ?? foods
        let rest = choice.quick.isEmpty ? nil : (choice.category?.label ?? "All foods")
        let items = choice.quick.map { item($0, id: quickPrefix + $0.id, group: "Recent and favourites") }
            + sorted(listed, by: sort).map { item($0, id: $0.id, group: rest) }
        return ListContent(items, columns: columns)
    }
}

/// The supplement forms: taken by mouth first (by elemental share), then the topical ones.
enum FormTable {
    static let percentWidth = 8

    static func ordered(_ forms: [SupplementForm]) -> [SupplementForm] {
        forms.filter { !$0.topical }.sorted { $0.elementalPercent > $1.elementalPercent }
            + forms.filter(\.topical).sorted { $0.elementalPercent > $1.elementalPercent }
    }

    /// Every form is a magnesium salt: the list leaves the word out, the detail keeps it.
    static func shortName(_ form: SupplementForm) -> String {
        let prefix = "Magnesium "
        return form.name.hasPrefix(prefix) ? String(form.name.dropFirst(prefix.count)) : form.name
    }

    /// The name column of a table `width` wide (a space before every row, then the name).
    static func nameWidth(_ forms: [SupplementForm], width: Int) -> Int {
        let longest = forms.map { TextWidth.width(shortName($0)) }.max() ?? 0
        let text = width - 1
        return max(0, min(longest, text - percentWidth - 12, max(16, text / 2)))
    }

    static func content(_ forms: [SupplementForm], width: Int, theme: Theme) -> ListContent {
        let columns = [
            Table.Column("Form", width: .fixed(nameWidth(forms, width: width))),
            Table.Column("Mg %", width: .fixed(percentWidth - 1), alignment: .right),
            Table.Column("Absorption", width: .flex(), gap: 2),
        ]
        let items = ordered(forms).map { form in
            ListItem(id: form.id, group: form.topical ? "On the skin: not a dose" : "Taken by mouth",
                     cells: [Table.Cell(shortName(form)), Table.Cell(percent(form.elementalPercent)), Table.Cell(shortAbsorption(form))],
                     search: form.name + " " + form.typicalUse, style: form.topical ? theme.dim : nil)
        }
        return ListContent(items, columns: columns)
    }

    static func percent(_ v: Double) -> String { v.fixed(1) }

    /// The absorption note up to its first clause.
    static func shortAbsorption(_ form: SupplementForm) -> String {
        let text = form.absorption
        let end = text.firstIndex { $0 == ";" || $0 == "." || $0 == "(" } ?? text.endIndex
        return String(text[..<end]).trimmed
    }
}
