/// Something the person thinks may have set their symptoms off, ticked in a check-in.
public enum SymptomTrigger: String, Sendable, Hashable, CaseIterable, Comparable {
    case longSitting = "long-sitting"
    case hardTraining = "hard-training"
    case poorSleep = "poor-sleep"
    case stress
    case caffeine
    case littleWater = "too-little-water"

    public var label: String {
        switch self {
        case .longSitting: "long sitting"
        case .hardTraining: "hard training"
        case .poorSleep: "poor sleep"
        case .stress: "stress"
        case .caffeine: "caffeine"
        case .littleWater: "too little water"
        }
    }

    /// In the order they are listed.
    public static func < (a: SymptomTrigger, b: SymptomTrigger) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One check-in: how the person rated their symptoms at one moment (the entry's day and time), with
/// an optional short note and the possible triggers they ticked. A symptom missing from `ratings` was
/// not rated, which is not the same as 0.
public struct SymptomCheckIn: Sendable, Hashable {
    /// Symptom id → rating 0 (none) … 4 (unbearable).
    public var ratings: [String: Int]
    public var note: String?
    public var triggers: Set<SymptomTrigger>

    /// A note is a line, not a diary page.
    public static let noteLimit = 140

    public init(ratings: [String: Int], note: String? = nil, triggers: Set<SymptomTrigger> = []) {
        self.ratings = ratings
        self.note = note
        self.triggers = triggers
    }

    /// Nothing rated, noted or ticked.
    public var isEmpty: Bool { ratings.isEmpty && note == nil && triggers.isEmpty }

    /// The triggers in list order.
    public var sortedTriggers: [SymptomTrigger] { triggers.sorted() }

    /// What is wrong with the values, one message each.
    public var problems: [String] {
        var out: [String] = []
        for (symptom, rating) in ratings.sorted(by: { $0.key < $1.key }) where !JournalEntry.symptomScale.contains(rating) {
            out.append("rating for \(symptom) is \(rating), must be 0–4")
        }
        if ratings.keys.contains(where: \.isEmpty) { out.append("empty symptom id") }
        if let note {
            if note.isEmpty { out.append("the note is empty (leave it out instead)") }
            if note.count > Self.noteLimit { out.append("the note is longer than \(Self.noteLimit) characters") }
        }
        return out
    }
}

/// `.symptoms(["cramps": 2])`: a check-in of ratings alone, as older files hold them.
extension SymptomCheckIn: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Int)...) {
        self.init(ratings: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// The 0–4 scale in words, and the arrow keys' steps along it.
public enum SymptomRating {
    public static let words = ["none", "mild", "moderate", "severe", "unbearable"]

    /// "moderate" for 2; a day's mean takes the word of its nearest whole rating.
    public static func word(_ value: Double) -> String {
        words[min(max(Int(value.rounded()), 0), words.count - 1)]
    }

    /// One step up or down: not rated, then 0 … 4. Down from 0 is "not rated" again; the ends hold.
    public static func step(_ value: Int?, by delta: Int) -> Int? {
        let scale = JournalEntry.symptomScale
        guard let value else { return delta > 0 ? scale.lowerBound : nil }
        let next = value + delta
        return next < scale.lowerBound ? nil : min(next, scale.upperBound)
    }

    /// "0 none · 1 mild · 2 moderate · 3 severe · 4 unbearable".
    public static var legend: String {
        words.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: " · ")
    }
}

extension JournalEntry {
    /// The check-in, when this entry is one.
    public var checkIn: SymptomCheckIn? {
        if case .symptoms(let c) = kind { return c }
        return nil
    }
}

/// The journal changes behind the rating keys: the pane and the commands share them.
public enum CheckInEdit {
    /// Steps `symptom`'s rating on `day` by `delta` (→ +1, ← −1). The step lands in the day's latest
    /// check-in that rates the symptom, else the day's latest check-in, else a new check-in at `time`.
    /// A check-in left with nothing in it is removed. Empty when the rating cannot move (4 going up,
    /// not rated going down).
    public static func step(_ symptom: String, by delta: Int, on day: CalendarDay, in journal: Journal, at time: TimeOfDay?)
        -> [JournalChange]
    {
        let checkIns = journal.entries(on: day).filter { $0.checkIn != nil }
        guard var entry = checkIns.last(where: { $0.checkIn?.ratings[symptom] != nil }) ?? checkIns.last,
            var checkIn = entry.checkIn
        else {
            guard let first = SymptomRating.step(nil, by: delta) else { return [] }
            return [.add(JournalEntry(id: JournalEntry.newID, day: day, time: time,
                                      kind: .symptoms(SymptomCheckIn(ratings: [symptom: first]))))]
        }
        let now = checkIn.ratings[symptom]
        let next = SymptomRating.step(now, by: delta)
        guard next != now else { return [] }
        checkIn.ratings[symptom] = next
        return [change(&entry, to: checkIn)]
    }

    /// Clears `symptom` on `day` from every check-in that rates it, so the day shows it as not rated.
    public static func clear(_ symptom: String, on day: CalendarDay, in journal: Journal) -> [JournalChange] {
        journal.entries(on: day).compactMap { entry in
            guard var checkIn = entry.checkIn, checkIn.ratings[symptom] != nil else { return nil }
            var entry = entry
            checkIn.ratings[symptom] = nil
            return change(&entry, to: checkIn)
        }
    }

    /// The new check-in of `checkIn`'s ratings, note and triggers on `day` at `time`; nil when it holds nothing.
    public static func add(_ checkIn: SymptomCheckIn, on day: CalendarDay, at time: TimeOfDay?) -> JournalChange? {
        checkIn.isEmpty ? nil : .add(JournalEntry(id: JournalEntry.newID, day: day, time: time, kind: .symptoms(checkIn)))
    }

    private static func change(_ entry: inout JournalEntry, to checkIn: SymptomCheckIn) -> JournalChange {
        if checkIn.isEmpty { return .remove(id: entry.id) }
        entry.kind = .symptoms(checkIn)
        return .update(entry)
    }
}
