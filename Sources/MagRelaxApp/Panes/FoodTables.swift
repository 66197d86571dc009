import Foundation
import MagRelaxCore
import TerminalUI

/// A column title placed at `x` columns into a row; `active` marks the sorted column.
struct ColumnTitle: Hashable {
    var text: String
    var x: Int
    var active = false
}

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

    /// The sorted column and mg per serving always show; the others join, in this order of need,
    /// while the name keeps at least two fifths of the row (22 columns at the least).
    static func layout(sort: FoodPane.Sort, width: Int) -> (name: Int, columns: [Column]) {
        let minName = max(22, width * 2 / 5)
        var chosen: [Column] = []
        var left = width
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
        return foods.sorted { a, b in
            switch (figure(a), figure(b)) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return TextMatch.fold(a.name) < TextMatch.fold(b.name)
            }
        }
    }

    static func items(_ foods: [Food], sort: FoodPane.Sort, width: Int, ellipsis: String = "…") -> [ListItem] {
        let (nameWidth, columns) = layout(sort: sort, width: width)
        return sorted(foods, by: sort).map { food in
            var row = cut(food.name, nameWidth, ellipsis)
            for c in columns {
                let v = c.value(food)
                row += c.isNumber ? pad(left: v, to: c.width) : "  " + cut(v, c.width - 2, ellipsis)
            }
            return ListItem(id: food.id, text: row, search: food.name + " " + food.category.label + " " + food.serving)
        }
    }

    static func header(sort: FoodPane.Sort, width: Int) -> [ColumnTitle] {
        let (nameWidth, columns) = layout(sort: sort, width: width)
        var titles = [ColumnTitle(text: "Food", x: 0, active: sort == .name)]
        var x = nameWidth
        for c in columns {
            let offset = c.isNumber ? c.width - TextWidth.width(c.title) : 2
            titles.append(ColumnTitle(text: c.title, x: x + max(0, offset), active: c == column(for: sort)))
            x += c.width
        }
        return titles
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

    static func nameWidth(_ forms: [SupplementForm], width: Int) -> Int {
        let longest = forms.map { TextWidth.width(shortName($0)) }.max() ?? 0
        return max(0, min(longest, width - percentWidth - 12, max(16, width / 2)))
    }

    static func items(_ forms: [SupplementForm], width: Int, theme: Theme) -> [ListItem] {
        let nameWidth = nameWidth(forms, width: width)
        let absorptionWidth = max(0, width - nameWidth - percentWidth - 2)
        return ordered(forms).map { form in
            let row = cut(shortName(form), nameWidth, theme.glyphs.ellipsis)
                + pad(left: percent(form.elementalPercent), to: percentWidth)
                + "  " + TextWidth.truncated(shortAbsorption(form), to: absorptionWidth, ellipsis: theme.glyphs.ellipsis)
            return ListItem(id: form.id, group: form.topical ? "On the skin: not a dose" : "Taken by mouth",
                            text: row, search: form.name + " " + form.typicalUse,
                            style: form.topical ? theme.dim : nil)
        }
    }

    static func header(_ forms: [SupplementForm], width: Int) -> [ColumnTitle] {
        let nameWidth = nameWidth(forms, width: width)
        return [
            ColumnTitle(text: "Form", x: 0),
            ColumnTitle(text: "Mg %", x: nameWidth + percentWidth - 4),
            ColumnTitle(text: "Absorption", x: nameWidth + percentWidth + 2),
        ]
    }

    static func percent(_ v: Double) -> String { String(format: "%.1f", v) }

    /// The absorption note up to its first clause.
    static func shortAbsorption(_ form: SupplementForm) -> String {
        let text = form.absorption
        let end = text.firstIndex { $0 == ";" || $0 == "." || $0 == "(" } ?? text.endIndex
        return text[..<end].trimmingCharacters(in: .whitespaces)
    }
}

/// Truncates with the theme's ellipsis (ASCII "..." without Unicode) and pads to exactly `columns`.
private func cut(_ text: String, _ columns: Int, _ ellipsis: String) -> String {
    TextWidth.padded(TextWidth.truncated(text, to: columns, ellipsis: ellipsis), to: columns)
}

/// Right-aligns `s` in `columns`.
private func pad(left s: String, to columns: Int) -> String {
    String(repeating: " ", count: max(0, columns - TextWidth.width(s))) + s
}
