// Logging food: an amount in servings or grams, and the magnesium it holds (usda-sr: mg per 100 g).

/// How much of a food was eaten.
public enum FoodAmount: Sendable, Hashable {
    case servings(Double)
    case grams(Double)

    public var value: Double {
        switch self {
        case .servings(let n), .grams(let n): n
        }
    }

    public var unit: FoodUnit {
        switch self {
        case .servings: .servings
        case .grams: .grams
        }
    }

    public init(_ value: Double, unit: FoodUnit) {
        self = unit == .servings ? .servings(value) : .grams(value)
    }
}

/// Why an amount of food cannot be logged; the description is the message a person reads.
public enum FoodLogError: Error, Sendable, Hashable, CustomStringConvertible {
    case notANumber(FoodUnit)
    case servingsOutOfRange
    case notInHalves
    case gramsOutOfRange
    /// The food has no serving weight or no mg per 100 g, so grams cannot be turned into magnesium.
    case gramsNotKnown(food: String)

    public var description: String {
        let servings = "Servings must be a number from \(NumberText.plain(FoodLog.servingsRange.lowerBound)) to "
            + "\(NumberText.plain(FoodLog.servingsRange.upperBound)), in halves (0.5, 1, 1.5…)."
        let grams = "Grams must be a number from \(NumberText.plain(FoodLog.gramsRange.lowerBound)) to "
            + "\(NumberText.plain(FoodLog.gramsRange.upperBound))."
        switch self {
        case .notANumber(let unit): return unit == .servings ? servings : grams
        case .servingsOutOfRange, .notInHalves: return servings
        case .gramsOutOfRange: return grams
        case .gramsNotKnown(let food): return "\(food) has no weight per serving here: give the amount in servings."
        }
    }
}

public enum FoodLog {
    /// Input bounds that catch typos (an extra zero), not health figures.
    public static let servingsRange = 0.5...50.0
    public static let gramsRange = 1.0...5000.0

    /// Reads an amount typed in `unit`; servings go in halves.
    public static func amount(_ text: String, unit: FoodUnit, of food: Food) -> Result<FoodAmount, FoodLogError> {
        amount(text, unit: unit, takesGrams: food.takesGrams, name: food.name)
    }

    /// Reads an amount for a food known only by what an entry kept (`takesGrams`: its grams are known).
    public static func amount(_ text: String, unit: FoodUnit, takesGrams: Bool, name: String) -> Result<FoodAmount, FoodLogError> {
        guard let value = Double(text.trimmed), value.isFinite else { return .failure(.notANumber(unit)) }
        return check(FoodAmount(value, unit: unit), takesGrams: takesGrams, name: name)
    }

    /// Checks an amount against the input bounds and what the food's figures allow.
    public static func check(_ amount: FoodAmount, of food: Food) -> Result<FoodAmount, FoodLogError> {
        check(amount, takesGrams: food.takesGrams, name: food.name)
    }

    static func check(_ amount: FoodAmount, takesGrams: Bool, name: String) -> Result<FoodAmount, FoodLogError> {
        switch amount {
        case .servings(let n):
            guard servingsRange.contains(n) else { return .failure(.servingsOutOfRange) }
            guard (n * 2).rounded() == n * 2 else { return .failure(.notInHalves) }
        case .grams(let g):
            guard takesGrams else { return .failure(.gramsNotKnown(food: name)) }
            guard gramsRange.contains(g) else { return .failure(.gramsOutOfRange) }
        }
        return .success(amount)
    }

    /// What an amount of a food is: its servings, grams and magnesium, as an entry keeps them.
    public static func serving(of food: Food, _ amount: FoodAmount) -> FoodServing {
        FoodServing(
            foodID: food.id, servings: food.servings(amount) ?? amount.value, grams: food.grams(amount),
            mg: food.magnesiumMg(amount), unit: amount.unit)
    }

    /// The journal entry for eating an amount of a food on a day (a new id: the recorder names it).
    public static func entry(
        _ food: Food, _ amount: FoodAmount, day: CalendarDay, time: TimeOfDay? = nil
    ) -> Result<JournalEntry, FoodLogError> {
        check(amount, of: food).map { amount in
            JournalEntry(id: JournalEntry.newID, day: day, time: time, kind: .food(serving(of: food, amount)))
        }
    }
}

extension Food {
    /// True when an amount in grams can be logged: the serving weight and mg per 100 g are known.
    public var takesGrams: Bool { servingGrams != nil && mgPer100g != nil }

    /// Servings in an amount; nil for grams when the serving weight is not known.
    public func servings(_ amount: FoodAmount) -> Double? {
        switch amount {
        case .servings(let n): n
        case .grams(let g): servingGrams.flatMap { $0 > 0 ? g / $0 : nil }
        }
    }

    /// Grams in an amount; nil for servings when the serving weight is not known.
    public func grams(_ amount: FoodAmount) -> Double? {
        switch amount {
        case .servings(let n): servingGrams.map { n * $0 }
        case .grams(let g): g
        }
    }

    /// Magnesium in an amount, mg: servings × mg per serving (the figure the lists show), grams × mg
    /// per 100 g / 100; nil when the food's figure is not known.
    public func magnesiumMg(_ amount: FoodAmount) -> Double? {
        switch amount {
        case .servings(let n): mgPerServing.map { n * $0 }
        case .grams(let g): mg(grams: g)
        }
    }
}

extension FoodServing {
    /// The magnesium of the entry: the figure kept when it was logged, else (older entries) worked out
    /// from the food as it is now; nil when neither is known.
    public func magnesiumMg(in library: Library) -> Double? {
        if let mg { return mg }
        guard let food = library.food(id: foodID) else { return nil }
        if unit == .grams, let grams { return food.magnesiumMg(.grams(grams)) }
        return food.magnesiumMg(.servings(servings))
    }

    /// The amount as the person gave it.
    public var amount: FoodAmount {
        unit == .grams ? .grams(grams ?? servings) : .servings(servings)
    }

    /// The same entry with a new amount: the food's current figures when it is still known, else the
    /// kept figures scaled (a removed food of the person's own keeps its mg per serving).
    public func changed(to amount: FoodAmount, food: Food?) -> FoodServing {
        if let food { return FoodLog.serving(of: food, amount) }
        let newServings: Double
        switch amount {
        case .servings(let n): newServings = n
        case .grams(let g): newServings = grams.map { $0 > 0 ? servings * g / $0 : servings } ?? servings
        }
        let scale = servings > 0 ? newServings / servings : 1
        return FoodServing(
            foodID: foodID, servings: newServings, grams: grams.map { $0 * scale }, mg: mg.map { $0 * scale },
            unit: amount.unit)
    }
}

/// Numbers as people write them: no trailing ".0".
public enum NumberText {
    public static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// A whole number of mg, e.g. "312 mg".
    public static func mg(_ v: Double) -> String { "\(Int(v.rounded())) mg" }
}
