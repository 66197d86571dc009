// Choosing foods: the short list of favourites and recent foods, "fill the gap" suggestions, and the
// nearest names for an id that was mistyped.

/// One food that would close the rest of a day's need.
public struct GapSuggestion: Sendable, Hashable {
    public var food: Food
    public var servings: Int
    /// Magnesium in those servings, mg.
    public var mg: Double
}

/// What "fill the gap" suggests for the rest of a day's need.
public struct GapPlan: Sendable, Hashable {
    public var gapMg: Double
    public var suggestions: [GapSuggestion]
    /// True when the suggestions close the gap; false when none can in two servings and these come closest.
    public var closes: Bool
}

public enum FillTheGap {
    public static let maxServings = 2
    public static let count = 5

    /// The foods that close `gapMg` in one or two servings, best first: one serving before two, then the
    /// least magnesium over the gap (the smallest amount that does it). When none can, the foods that
    /// come closest in two servings. Foods marked "not for me" and foods without a figure are skipped.
    public static func plan(gapMg: Double, foods: [Food], marks: [String: FoodMark], count: Int = count) -> GapPlan {
        guard gapMg > 0 else { return GapPlan(gapMg: 0, suggestions: [], closes: true) }
        let candidates = foods.filter { marks[$0.id] != .notForMe && ($0.mgPerServing ?? 0) > 0 }
        let closers: [GapSuggestion] = candidates.compactMap { food in
            let per = food.mgPerServing!
            let n = max(1, Int((gapMg / per).rounded(.up)))
            return n <= maxServings ? GapSuggestion(food: food, servings: n, mg: Double(n) * per) : nil
        }
        if !closers.isEmpty {
            let best = closers.sorted { a, b in
                if a.servings != b.servings { return a.servings < b.servings }
                if a.mg != b.mg { return a.mg < b.mg }
                return a.food.name < b.food.name
            }
            return GapPlan(gapMg: gapMg, suggestions: Array(best.prefix(count)), closes: true)
        }
        let nearest = candidates.sorted { ($0.mgPerServing!, $1.name) > ($1.mgPerServing!, $0.name) }.prefix(count).map {
            GapSuggestion(food: $0, servings: maxServings, mg: Double(maxServings) * $0.mgPerServing!)
        }
        return GapPlan(gapMg: gapMg, suggestions: nearest, closes: false)
    }
}

public enum QuickFoods {
    /// How many foods the short list holds, and how far back "recent" looks.
    public static let count = 8
    public static let recentDays = 60

    /// Favourites (A to Z), then the foods logged most recently up to `day`, at most `count`; foods
    /// marked "not for me" or no longer known are left out.
    public static func list(journal: Journal, library: Library, through day: CalendarDay, count: Int = count) -> [Food] {
        var seen = Set<String>()
        var out: [Food] = []
        let favourites = journal.foodMarks.filter { $0.value == .favourite }.keys.compactMap(library.food(id:))
        for food in favourites.sorted(by: { $0.name < $1.name }) where seen.insert(food.id).inserted {
            out.append(food)
        }
        // Each food id is looked up once: a person logs the same few foods again and again, so a short
        // list of the ids seen is cheaper than hashing every entry's.
        var checked: [String] = []
        for entry in journal.entries(from: day.adding(days: 1 - recentDays), through: day).reversed() {
            guard out.count < count else { break }
            guard case .food(let f) = entry.kind, !checked.contains(f.foodID) else { continue }
            checked.append(f.foodID)
            guard journal.foodMarks[f.foodID] != .notForMe,
                let food = library.food(id: f.foodID), seen.insert(food.id).inserted
            else { continue }
            out.append(food)
        }
        return Array(out.prefix(count))
    }
}

public enum NearestMatch {
    /// The candidates nearest to what was typed, at most `limit`: first those whose id or name holds
    /// it, then those sharing a word with it, then by how few letters differ; case and `-`/`_` ignored.
    public static func ids(_ typed: String, in candidates: [(id: String, name: String)], limit: Int = 3) -> [String] {
        let query = normal(typed)
        let words = query.split(separator: " ").filter { $0.count >= 3 }
        let ranked = candidates.map { c -> (tier: Int, distance: Int, id: String) in
            let id = normal(c.id)
            let name = normal(c.name)
            let tier = id.contains(query) || name.contains(query) ? 0
                : words.contains(where: { id.contains($0) || name.contains($0) }) ? 1 : 2
            return (tier, min(distance(query, id), distance(query, name)), c.id)
        }
        return ranked.sorted { ($0.tier, $0.distance, $0.id) < ($1.tier, $1.distance, $1.id) }.prefix(limit).map(\.id)
    }

    static func normal(_ s: String) -> String {
        String(s.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 })
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}

extension Library {
    /// A food as a person types it: an id exactly, else a name with case ignored.
    public func food(named typed: String) -> Food? {
        let text = typed.trimmed
        return food(id: text) ?? foods.first { $0.name.lowercased() == text.lowercased() }
    }
}
