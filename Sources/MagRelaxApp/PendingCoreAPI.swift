import MagRelaxCore

// Stand-ins until the Core batch API lands.
extension Journal {
    mutating func apply(_ changes: [JournalChange]) throws(JournalChangeError) -> JournalTouch {
        var next = self
        var touch = JournalTouch()
        for change in changes {
            let t = try next.apply(change)
            touch.months.formUnion(t.months)
            touch.custom = touch.custom || t.custom
        }
        self = next
        return touch
    }

    mutating func merge(_ more: [JournalEntry]) {
        let known = Set(entries.map(\.id))
        self = Journal(entries: entries + more.filter { !known.contains($0.id) }, customFoods: customFoods, customPatterns: customPatterns)
    }
}

public struct IDGenerator: Sendable, Hashable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> String {
        state &+= 0x9E37_79B9_7F4A_7C15
        return "id-\(state)"
    }
}
