// A food of the person's own, from its label: each field checked with a message a person can act on.

/// The custom-food form's fields.
public enum CustomFoodField: Int, CaseIterable, Sendable, Hashable {
    case name, serving, grams, magnesium, category

    public var label: String {
        switch self {
        case .name: "Name"
        case .serving: "Serving"
        case .grams: "Grams per serving"
        case .magnesium: "Magnesium, mg"
        case .category: "Category"
        }
    }
}

public struct CustomFoodProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: CustomFoodField
    public var message: String

    public init(_ field: CustomFoodField, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// Everything wrong with a custom food, field by field.
public struct CustomFoodProblems: Error, Sendable, Hashable {
    public var problems: [CustomFoodProblem]
}

/// What the person typed for a food of their own.
public struct CustomFoodInput: Sendable, Hashable {
    public var name: String
    public var serving: String
    public var grams: String
    public var magnesium: String
    /// True: the magnesium is per 100 g; false: per serving (what most labels print).
    public var per100g: Bool
    public var category: FoodCategory

    public static let nameLength = 40
    public static let servingLength = 24
    /// Marks a food as the person's own (the catalogue's foods name a real source).
    public static let source = "custom"

    public init(name: String = "", serving: String = "", grams: String = "", magnesium: String = "",
                per100g: Bool = false, category: FoodCategory = .seedsAndNuts) {
        self.name = name
        self.serving = serving
        self.grams = grams
        self.magnesium = magnesium
        self.per100g = per100g
        self.category = category
    }

    /// The form filled in with a food of the person's own, to change it.
    public init(editing food: Food) {
        let label = food.labelMgPerServing
        self.init(
            name: food.name, serving: food.serving, grams: food.servingGrams.map(NumberText.plain) ?? "",
            magnesium: (label ?? food.mgPer100g).map(NumberText.plain) ?? "", per100g: label == nil,
            category: food.category)
    }

    /// The problem with one field, or nil when it is fine (the name also must differ from the
    /// person's other foods).
    public func problem(_ field: CustomFoodField, others: [Food] = []) -> CustomFoodProblem? {
        switch field {
        case .name:
            let n = name.trimmed
            if n.isEmpty || n.count > Self.nameLength {
                return CustomFoodProblem(.name, "Name the food (up to \(Self.nameLength) characters).")
            }
            if others.contains(where: { $0.name.lowercased() == n.lowercased() }) {
                return CustomFoodProblem(.name, "You already have a food called \(n).")
            }
        case .serving:
            let s = serving.trimmed
            if s.isEmpty || s.count > Self.servingLength {
                return CustomFoodProblem(.serving, "Say what one serving is, as the label does, e.g. 1 bar (up to \(Self.servingLength) characters).")
            }
        case .grams:
            guard let g = Double(grams.trimmed), FoodLog.gramsRange.contains(g) else {
                return CustomFoodProblem(.grams, "Grams per serving must be a number from \(NumberText.plain(FoodLog.gramsRange.lowerBound)) "
                    + "to \(NumberText.plain(FoodLog.gramsRange.upperBound)), as on the label.")
            }
        case .magnesium:
            guard let mg = Double(magnesium.trimmed), mg.isFinite, mg >= 0 else {
                return CustomFoodProblem(.magnesium, "Magnesium must be a number of mg, 0 or more, as on the label.")
            }
            // A food cannot hold more magnesium than it weighs (checked once the weight is right).
            let servingGrams = Double(grams.trimmed).flatMap { FoodLog.gramsRange.contains($0) ? $0 : nil }
            if let weight = per100g ? 100 : servingGrams, mg > weight * 1000 {
                return CustomFoodProblem(.magnesium, "That is more magnesium than the food weighs: check the number and its unit (mg).")
            }
        case .category:
            break
        }
        return nil
    }

    /// Every field's problem, in form order.
    public func problems(others: [Food] = []) -> [CustomFoodProblem] {
        CustomFoodField.allCases.compactMap { problem($0, others: others) }
    }

    /// The food, or every problem. `id` is the food being changed, or `JournalEntry.newID` for a new one;
    /// `existing` are the person's foods (the name must be new among them).
    public func food(id: String, existing: [Food]) -> Result<Food, CustomFoodProblems> {
        let problems = problems(others: existing.filter { $0.id != id })
        guard problems.isEmpty, let grams = Double(grams.trimmed), let mg = Double(magnesium.trimmed) else {
            return .failure(CustomFoodProblems(problems: problems))
        }
        return .success(Food(
            id: id, name: name.trimmed, category: category, serving: serving.trimmed, servingGrams: grams,
            mgPer100g: per100g ? mg : mg * 100 / grams, kcalPer100g: nil, ndb: nil, labelMgPerServing: per100g ? nil : mg,
            source: Self.source))
    }
}

extension Food {
    /// A food the person made (from a label), not one of the catalogue's.
    public var isCustom: Bool { source == CustomFoodInput.source }
}
