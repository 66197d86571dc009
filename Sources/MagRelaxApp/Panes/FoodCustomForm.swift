import MagRelaxCore
import TerminalUI

/// The form for a food of the person's own, from its label: name, serving, grams per serving, the
/// magnesium per serving or per 100 g, and a category. Each field is checked with Core's message; once
/// Enter has been tried, the messages follow the typing.
public struct CustomFoodForm: Sendable, Hashable {
    public var name = TextField("", maxLength: CustomFoodInput.nameLength)
    public var serving = TextField("", maxLength: CustomFoodInput.servingLength)
    public var grams = TextField("", maxLength: 7, filter: .decimal)
    public var magnesium = TextField("", maxLength: 8, filter: .decimal)
    public var per100g = false
    public var category = FoodCategory.seedsAndNuts
    public var field = CustomFoodField.name
    /// The food being changed; nil for a new one.
    public var editingID: String?
    /// Enter was tried: problems show from then on.
    public var showsProblems = false

    public enum Outcome: Sendable, Hashable {
        case editing
        case cancel
        case save(Food)
    }

    public init() {}

    public init(editing food: Food) {
        let input = CustomFoodInput(editing: food)
        name.set(input.name)
        serving.set(input.serving)
        grams.set(input.grams)
        magnesium.set(input.magnesium)
        per100g = input.per100g
        category = input.category
        editingID = food.id
    }

    public var input: CustomFoodInput {
        CustomFoodInput(name: name.text, serving: serving.text, grams: grams.text, magnesium: magnesium.text,
                        per100g: per100g, category: category)
    }

    /// The person's other foods: the name must be new among them.
    func others(_ existing: [Food]) -> [Food] { existing.filter { $0.id != editingID } }

    public mutating func handle(_ key: Key, existing: [Food]) -> Outcome {
        switch key {
        case .escape:
            return .cancel
        case .enter:
            showsProblems = true
            switch input.food(id: editingID ?? JournalEntry.newID, existing: existing) {
            case .success(let food): return .save(food)
            case .failure(let problems):
                if let first = problems.problems.first { field = first.field }
                return .editing
            }
        case .up, .backTab:
            field = CustomFoodField(rawValue: (field.rawValue + CustomFoodField.allCases.count - 1) % CustomFoodField.allCases.count)!
        case .down, .tab:
            field = CustomFoodField(rawValue: (field.rawValue + 1) % CustomFoodField.allCases.count)!
        case .char(" ") where field == .magnesium:
            per100g.toggle()
        case .left where field == .category, .right where field == .category:
            let all = FoodCategory.allCases
            let i = all.firstIndex(of: category)!
            category = all[(i + (key == .left ? all.count - 1 : 1)) % all.count]
        default:
            switch field {
            case .name: _ = name.handle(key)
            case .serving: _ = serving.handle(key)
            case .grams: _ = grams.handle(key)
            case .magnesium: _ = magnesium.handle(key)
            case .category: break
            }
        }
        return .editing
    }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme, existing: [Food]) {
        let x = area.x + 2
        var y = area.y
        canvas.put(editingID == nil ? "A food of your own, from its label" : "Change your food", x: x, y: y, style: theme.heading)
        y += 2
        let labelWidth = 20
        let valueX = x + 2 + labelWidth
        let valueWidth = max(0, min(40, area.maxX - valueX - 2))
        let g = theme.glyphs
        let problems = showsProblems ? input.problems(others: others(existing)) : []
        for f in CustomFoodField.allCases {
            let marker = f == field ? g.pointer : " "
            canvas.put(marker, x: x, y: y, style: theme.keyName)
            let wrong = problems.contains { $0.field == f }
            canvas.put(TextWidth.padded(f.label, to: labelWidth), x: x + 2, y: y, style: wrong ? theme.warning : theme.text)
            let box = Rect(x: valueX, y: y, width: f == .magnesium ? min(valueWidth, 10) : valueWidth, height: 1)
            let style = f == field ? theme.selected : theme.text
            switch f {
            case .name: name.render(into: &canvas, area: box, style: style, showsCursor: f == field)
            case .serving: serving.render(into: &canvas, area: box, style: style, showsCursor: f == field)
            case .grams: grams.render(into: &canvas, area: box, style: style, showsCursor: f == field)
            case .magnesium:
                magnesium.render(into: &canvas, area: box, style: style, showsCursor: f == field)
                let unit = per100g ? "per 100 g" : "per serving"
                canvas.put(unit + (f == field ? "  (Space: per " + (per100g ? "serving)" : "100 g)") : ""),
                           x: box.maxX + 1, y: y, style: theme.dim, clip: area)
            case .category:
                canvas.put(theme.plain("‹ " + category.label + " ›"), x: valueX, y: y, style: style, clip: area)
            }
            y += 1
        }
        y += 1
        let hint = "Name, serving and grams as the label prints them; magnesium in mg per serving (most labels) or per 100 g."
        y += canvas.drawParagraph(hint, in: Rect(x: x, y: y, width: area.width - 4, height: 2), style: theme.dim)
        y += 1
        if case .success(let food) = input.food(id: editingID ?? JournalEntry.newID, existing: others(existing)) {
            let per100 = food.mgPer100g.map { " (" + NumberText.mg($0) + " per 100 g)" } ?? ""
            canvas.put("One serving: " + (food.mgPerServing.map(NumberText.mg) ?? "not known") + per100, x: x, y: y,
                       style: theme.good, clip: area)
            y += 1
        }
        for problem in problems where y < area.maxY {
            y += canvas.drawParagraph(problem.message, in: Rect(x: x, y: y, width: area.width - 4, height: area.maxY - y),
                                      style: theme.warning)
        }
    }

    static let hints = [
        KeyHint("↑↓", "field"), KeyHint("Space", "per serving / 100 g"), KeyHint("←→", "category"),
        KeyHint("Enter", "save"), KeyHint("Esc", "cancel"),
    ]
}
