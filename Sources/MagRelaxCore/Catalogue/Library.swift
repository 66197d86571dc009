/// The foods and breathing patterns a person can choose from: the catalogue's, then their own.
public struct Library: Sendable {
    /// The catalogue's foods, then the person's own.
    public let foods: [Food]
    /// The catalogue's patterns, then the person's own.
    public let patterns: [BreathingPattern]

    public init(catalogue: Catalogue, journal: Journal) {
        // Without own items the catalogue's arrays are shared, not copied.
        foods = journal.customFoods.isEmpty ? catalogue.foods : catalogue.foods + journal.customFoods
        patterns = journal.customPatterns.isEmpty ? catalogue.breathing : catalogue.breathing + journal.customPatterns
        cataloguePatternCount = catalogue.breathing.count
    }

    private let cataloguePatternCount: Int

    private var ownPatterns: ArraySlice<BreathingPattern> { patterns[cataloguePatternCount...] }

    /// A food by id; the catalogue's wins over an own food with the same id.
    /// Lengths are compared first: most ids differ in length, and that costs less than comparing them.
    public func food(id: String) -> Food? {
        let length = id.utf8.count
        return foods.first { $0.id.utf8.count == length && $0.id == id }
    }

    /// A pattern by id; the catalogue's wins over an own pattern with the same id.
    public func pattern(id: String) -> BreathingPattern? { patterns.first { $0.id == id } }

    /// A pattern as a person types it: a catalogue id exactly, else the id or name of one of their own,
    /// case ignored.
    public func pattern(named name: String) -> BreathingPattern? {
        patterns[..<cataloguePatternCount].first { $0.id == name }
            ?? ownPatterns.first {
                $0.id.equalsIgnoringCase(name) || $0.name.equalsIgnoringCase(name)
            }
    }
}
