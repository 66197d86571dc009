extension JournalEntry {
    /// The id of an entry, food or pattern not yet recorded: whoever records it (the app's
    /// `record`, a command) replaces it with a fresh one from its `IDGenerator`.
    public static let newID = ""
}

extension JournalChange {
    /// The change with a fresh id for a new entry, food or pattern whose id is `JournalEntry.newID`.
    public func naming(with ids: inout IDGenerator) -> JournalChange {
        switch self {
        case .add(var entry) where entry.id == JournalEntry.newID:
            entry.id = ids.next()
            return .add(entry)
        case .putCustomFood(var food) where food.id == JournalEntry.newID:
            food.id = ids.next()
            return .putCustomFood(food)
        case .putCustomPattern(var pattern) where pattern.id == JournalEntry.newID:
            pattern.id = ids.next()
            return .putCustomPattern(pattern)
        default:
            return self
        }
    }
}
