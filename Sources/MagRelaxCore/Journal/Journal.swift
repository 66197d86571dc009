/// How a food's amount was given: in its servings or in grams.
public enum FoodUnit: String, Codable, Sendable, Hashable, CaseIterable {
    case servings, grams
}

/// One food logged: a catalogue (or custom) food id and how many of its servings. The grams and the
/// magnesium are kept as they were when it was logged, so the entry keeps its figures when a food of
/// the person's own is later changed or removed (entries from before they were kept have none).
public struct FoodServing: Sendable, Hashable {
    public var foodID: String
    public var servings: Double
    /// Grams eaten, when the food's serving weight was known.
    public var grams: Double?
    /// Magnesium in the amount eaten, mg, when the food's figure was known.
    public var mg: Double?
    /// The unit the person gave the amount in (the other one is worked out).
    public var unit: FoodUnit
    public init(foodID: String, servings: Double, grams: Double? = nil, mg: Double? = nil, unit: FoodUnit = .servings) {
        self.foodID = foodID
        self.servings = servings
        self.grams = grams
        self.mg = mg
        self.unit = unit
    }
}

/// One supplement dose, in elemental magnesium; `compoundMg` when the person gave the compound's weight.
public struct SupplementDose: Sendable, Hashable {
    public var formID: String
    public var elementalMg: Double
    public var compoundMg: Double?
    public init(formID: String, elementalMg: Double, compoundMg: Double? = nil) {
        self.formID = formID
        self.elementalMg = elementalMg
        self.compoundMg = compoundMg
    }
}

/// A plan task ticked off; the entry's day is the plan day it was done for.
public struct TaskCheckOff: Sendable, Hashable {
    public var goal: Goal
    public var week: Int
    public var taskID: String
    public init(goal: Goal, week: Int, taskID: String) {
        self.goal = goal
        self.week = week
        self.taskID = taskID
    }
}

/// A paced-breathing session; the entry's day and time are when it started.
public struct BreathingSession: Sendable, Hashable {
    public var patternID: String
    public var plannedSeconds: Double
    public var actualSeconds: Double
    public var cycles: Int
    /// Self-rated tension 0–10 before and after, when the person gave it.
    public var tensionBefore: Int?
    public var tensionAfter: Int?
    public init(
        patternID: String, plannedSeconds: Double, actualSeconds: Double, cycles: Int, tensionBefore: Int? = nil,
        tensionAfter: Int? = nil
    ) {
        self.patternID = patternID
        self.plannedSeconds = plannedSeconds
        self.actualSeconds = actualSeconds
        self.cycles = cycles
        self.tensionBefore = tensionBefore
        self.tensionAfter = tensionAfter
    }
}

/// The kinds of entry by name, as written in files and CSV. A new `EntryKind` case must get a
/// type here (`EntryKind.type` switches over every case), and the tests' entry generator switches
/// over these, so no kind escapes the round-trip tests.
public enum EntryType: String, Sendable, Hashable, CaseIterable {
    case symptoms
    case food
    case supplement
    case checkOff = "check-off"
    case breathing
    case note
    case redFlag = "red-flag"
}

public enum EntryKind: Sendable, Hashable {
    /// A check-in: ratings 0 (none) … 4 (unbearable) by symptom id, an optional note and triggers; its
    /// time is the entry's time.
    case symptoms(SymptomCheckIn)
    case food(FoodServing)
    case supplement(SupplementDose)
    case checkOff(TaskCheckOff)
    case breathing(BreathingSession)
    case note(String)
    /// A red-flag sign the person marked (a catalogue red-flag id): it routes to care, never to a score.
    case redFlag(String)

    public var type: EntryType {
        switch self {
        case .symptoms: .symptoms
        case .food: .food
        case .supplement: .supplement
        case .checkOff: .checkOff
        case .breathing: .breathing
        case .note: .note
        case .redFlag: .redFlag
        }
    }

    /// The name written in files and CSV.
    public var typeName: String { type.rawValue }
}

/// One dated record. New entries get a version-4 UUID from `IDGenerator`; the id stays the same
/// through edits. Any non-empty string is accepted when loading, so older ids keep working.
public struct JournalEntry: Sendable, Hashable, Identifiable {
    public var id: String
    public var day: CalendarDay
    public var time: TimeOfDay?
    public var kind: EntryKind

    public init(id: String, day: CalendarDay, time: TimeOfDay? = nil, kind: EntryKind) {
        self.id = id
        self.day = day
        self.time = time
        self.kind = kind
    }

    public static let symptomScale = 0...4
    public static let tensionScale = 0...10

    /// Whether this entry is the check-off `key`.
    public func ticks(_ key: TaskCheckOff) -> Bool {
        if case .checkOff(let c) = kind { c == key } else { false }
    }

    /// What is wrong with the entry's values, one message each; empty when it is fine.
    public var problems: [String] {
        var out: [String] = []
        if id.isEmpty { out.append("empty id") }
        switch kind {
        case .symptoms(let checkIn):
            out += checkIn.problems
        case .food(let f):
            if f.foodID.isEmpty { out.append("empty food id") }
            if !(f.servings.isFinite && f.servings > 0) { out.append("servings must be more than 0") }
            if let g = f.grams, !(g.isFinite && g > 0) { out.append("grams must be more than 0") }
            if let mg = f.mg, !(mg.isFinite && mg >= 0) { out.append("mg must be 0 or more") }
            if f.unit == .grams && f.grams == nil { out.append("an amount in grams needs its grams") }
        case .supplement(let s):
            if s.formID.isEmpty { out.append("empty supplement form id") }
            if !(s.elementalMg.isFinite && s.elementalMg >= 0) { out.append("mg must be 0 or more") }
            if let c = s.compoundMg, !(c.isFinite && c >= 0) { out.append("compound mg must be 0 or more") }
        case .checkOff(let c):
            if c.week < 1 { out.append("plan week must be 1 or more") }
            if c.taskID.isEmpty { out.append("empty task id") }
        case .breathing(let b):
            if b.patternID.isEmpty { out.append("empty breathing pattern id") }
            if !(b.plannedSeconds.isFinite && b.plannedSeconds >= 0) { out.append("planned seconds must be 0 or more") }
            if !(b.actualSeconds.isFinite && b.actualSeconds >= 0) { out.append("actual seconds must be 0 or more") }
            if b.cycles < 0 { out.append("cycles must be 0 or more") }
            for (name, value) in [("before", b.tensionBefore), ("after", b.tensionAfter)] {
                if let value, !JournalEntry.tensionScale.contains(value) {
                    out.append("tension \(name) is \(value), must be 0–10")
                }
            }
        case .note:
            break
        case .redFlag(let flag):
            if flag.isEmpty { out.append("empty red-flag id") }
        }
        return out
    }
}

extension JournalEntry: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, day, time, type
        case ratings, food, servings, form, mg, goal, week, task, pattern
        case plannedSeconds, actualSeconds, cycles, tensionBefore, tensionAfter, text, flag
        case note, triggers
        case grams, unit, compoundMg
    }

    /// Every key an entry may have in a file, so a faster reader can refuse any it does not handle.
    public static let fieldNames: [String] = CodingKeys.allCases.map(\.stringValue)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        day = try c.decode(CalendarDay.self, forKey: .day)
        time = try c.decodeIfPresent(TimeOfDay.self, forKey: .time)
        let typeName = try c.decode(String.self, forKey: .type)
        guard let type = EntryType(rawValue: typeName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown entry type \"\(typeName)\"")
        }
        switch type {
        case .symptoms:
            // Older files hold ratings alone.
            let names = try c.decodeIfPresent([String].self, forKey: .triggers) ?? []
            var triggers = Set<SymptomTrigger>()
            for name in names {
                guard let trigger = SymptomTrigger(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .triggers, in: c, debugDescription: "unknown trigger \"\(name)\"")
                }
                triggers.insert(trigger)
            }
            kind = .symptoms(
                SymptomCheckIn(
                    ratings: try c.decode([String: Int].self, forKey: .ratings),
                    note: try c.decodeIfPresent(String.self, forKey: .note), triggers: triggers))
        case .food:
            kind = .food(
                FoodServing(
                    foodID: try c.decode(String.self, forKey: .food), servings: try c.decode(Double.self, forKey: .servings),
                    grams: try c.decodeIfPresent(Double.self, forKey: .grams), mg: try c.decodeIfPresent(Double.self, forKey: .mg),
                    unit: try c.decodeIfPresent(FoodUnit.self, forKey: .unit) ?? .servings))
        case .supplement:
            kind = .supplement(
                SupplementDose(
                    formID: try c.decode(String.self, forKey: .form), elementalMg: try c.decode(Double.self, forKey: .mg),
                    compoundMg: try c.decodeIfPresent(Double.self, forKey: .compoundMg)))
        case .checkOff:
            kind = .checkOff(
                TaskCheckOff(
                    goal: try c.decode(Goal.self, forKey: .goal), week: try c.decode(Int.self, forKey: .week),
                    taskID: try c.decode(String.self, forKey: .task)))
        case .breathing:
            kind = .breathing(
                BreathingSession(
                    patternID: try c.decode(String.self, forKey: .pattern),
                    plannedSeconds: try c.decode(Double.self, forKey: .plannedSeconds),
                    actualSeconds: try c.decode(Double.self, forKey: .actualSeconds),
                    cycles: try c.decode(Int.self, forKey: .cycles),
                    tensionBefore: try c.decodeIfPresent(Int.self, forKey: .tensionBefore),
                    tensionAfter: try c.decodeIfPresent(Int.self, forKey: .tensionAfter)))
        case .note:
            kind = .note(try c.decode(String.self, forKey: .text))
        case .redFlag:
            kind = .redFlag(try c.decode(String.self, forKey: .flag))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(day, forKey: .day)
        try c.encodeIfPresent(time, forKey: .time)
        try c.encode(kind.typeName, forKey: .type)
        switch kind {
        case .symptoms(let checkIn):
            try c.encode(checkIn.ratings, forKey: .ratings)
            try c.encodeIfPresent(checkIn.note, forKey: .note)
            if !checkIn.triggers.isEmpty { try c.encode(checkIn.sortedTriggers.map { $0.rawValue }, forKey: .triggers) }
        case .food(let f):
            try c.encode(f.foodID, forKey: .food)
            try c.encode(f.servings, forKey: .servings)
            try c.encodeIfPresent(f.grams, forKey: .grams)
            try c.encodeIfPresent(f.mg, forKey: .mg)
            // Servings are the default, so entries given in servings read as they always did.
            if f.unit != .servings { try c.encode(f.unit, forKey: .unit) }
        case .supplement(let s):
            try c.encode(s.formID, forKey: .form)
            try c.encode(s.elementalMg, forKey: .mg)
            try c.encodeIfPresent(s.compoundMg, forKey: .compoundMg)
        case .checkOff(let t):
            try c.encode(t.goal, forKey: .goal)
            try c.encode(t.week, forKey: .week)
            try c.encode(t.taskID, forKey: .task)
        case .breathing(let b):
            try c.encode(b.patternID, forKey: .pattern)
            try c.encode(b.plannedSeconds, forKey: .plannedSeconds)
            try c.encode(b.actualSeconds, forKey: .actualSeconds)
            try c.encode(b.cycles, forKey: .cycles)
            try c.encodeIfPresent(b.tensionBefore, forKey: .tensionBefore)
            try c.encodeIfPresent(b.tensionAfter, forKey: .tensionAfter)
        case .note(let text):
            try c.encode(text, forKey: .text)
        case .redFlag(let flag):
            try c.encode(flag, forKey: .flag)
        }
    }
}

/// A change to the journal. An action's changes go to `Journal.apply(_:)` as one batch; the store
/// then saves the files the batch touched.
public enum JournalChange: Sendable, Hashable {
    case add(JournalEntry)
    /// Replaces the entry with the same id (its day may change).
    case update(JournalEntry)
    case remove(id: String)
    /// Adds or replaces (by id) a food the person made.
    case putCustomFood(Food)
    case removeCustomFood(id: String)
    case putCustomPattern(BreathingPattern)
    case removeCustomPattern(id: String)
    /// The symptoms the person rates (catalogue ids), replacing the list; ratings already made stay.
    case setTrackedSymptoms([String])
    /// Marks a food (catalogue or own, by id) as a favourite or as not for the person; nil clears the mark.
    case markFood(id: String, FoodMark?)
    /// Adds or replaces (by id) a stretch of plan days: a past plan, or a "keep going" block.
    case putPlanBlock(PlanBlock)
    case removePlanBlock(id: String)
}

/// What the person said about a food: a favourite (listed first to log) or not for them (never suggested).
public enum FoodMark: String, Codable, Sendable, Hashable, CaseIterable {
    case favourite
    case notForMe = "not-for-me"
}

public enum JournalChangeError: Error, Sendable, Hashable, CustomStringConvertible {
    case duplicateID(String)
    case unknownID(String)
    case invalidEntry(id: String, problems: [String])
    case invalidSymptomList(problems: [String])
    case emptyFoodID
    case invalidPlanBlock(id: String, problems: [String])

    public var description: String {
        switch self {
        case .duplicateID(let id): "An entry with id \(id) already exists."
        case .unknownID(let id): "No entry or custom item with id \(id)."
        case .emptyFoodID: "A food mark needs a food id."
        case .invalidEntry(let id, let problems): "Entry \(id): " + problems.joined(separator: "; ") + "."
        case .invalidSymptomList(let problems): "Symptom list: " + problems.joined(separator: "; ") + "."
        case .invalidPlanBlock(let id, let problems): "Plan block \(id): " + problems.joined(separator: "; ") + "."
        }
    }
}

/// What a change touched, so a store rewrites only those files.
public struct JournalTouch: Sendable, Hashable {
    /// "YYYY-MM" keys of the months whose entries changed.
    public var months: Set<String> = []
    /// Custom foods or patterns, the symptom list, food marks or plan blocks changed.
    public var custom = false
    public init(months: Set<String> = [], custom: Bool = false) {
        self.months = months
        self.custom = custom
    }

    /// Everything either touch touched.
    public func union(_ other: JournalTouch) -> JournalTouch {
        JournalTouch(months: months.union(other.months), custom: custom || other.custom)
    }
}

/// What a batch of changes replaced: the entries of the months it touched, as they were, and the
/// person-made lists (small, and shared with the journal until it changes them).
public struct JournalUndo: Sendable, Hashable {
    var months: [String: [JournalEntry]] = [:]
    let customFoods: [Food]
    let customPatterns: [BreathingPattern]
    let trackedSymptoms: [String]?
    let foodMarks: [String: FoodMark]
    let planBlocks: [PlanBlock]

    init(_ journal: Journal) {
        customFoods = journal.customFoods
        customPatterns = journal.customPatterns
        trackedSymptoms = journal.trackedSymptoms
        foodMarks = journal.foodMarks
        planBlocks = journal.planBlocks
    }

    /// Keeps the months `change` will touch, unless an earlier change of the batch kept them (a
    /// month kept later would hold that change already).
    mutating func keepMonths(touchedBy change: JournalChange, in journal: Journal) {
        var days: [CalendarDay] = []
        switch change {
        case .add(let entry):
            days = [entry.day]
        case .update(let entry):
            days = [entry.day] + (journal.entry(id: entry.id).map { [$0.day] } ?? [])
        case .remove(let id):
            days = journal.entry(id: id).map { [$0.day] } ?? []
        default:
            break
        }
        for day in days where months[day.monthKey] == nil {
            months[day.monthKey] = Array(journal.entries(inMonth: day.monthKey))
        }
    }
}

/// All of the person's dated entries, the foods and patterns they made, the symptoms they rate, their
/// marks on foods, and the plan blocks kept beside the profile's plan (past plans, "keep going" blocks;
/// the order they were made in).
/// `entries` is kept sorted by day, then time of day (untimed first), then insertion.
public struct Journal: Sendable, Hashable, Codable {
    public private(set) var entries: [JournalEntry]
    public var customFoods: [Food]
    public var customPatterns: [BreathingPattern]
    /// The symptoms the person chose to rate; nil until they change the list, which until then is the
    /// one the catalogue gives their goal (`SymptomChecklist`).
    public var trackedSymptoms: [String]?
    /// Food id → the person's mark on it.
    public var foodMarks: [String: FoodMark]
    public var planBlocks: [PlanBlock]

    public init(
        entries: [JournalEntry] = [], customFoods: [Food] = [], customPatterns: [BreathingPattern] = [],
        trackedSymptoms: [String]? = nil, foodMarks: [String: FoodMark] = [:], planBlocks: [PlanBlock] = []
    ) {
        self.entries = Journal.sorted(entries)
        self.customFoods = customFoods
        self.customPatterns = customPatterns
        self.trackedSymptoms = trackedSymptoms
        self.foodMarks = foodMarks
        self.planBlocks = planBlocks
    }

    enum CodingKeys: String, CodingKey {
        case entries, customFoods, customPatterns, trackedSymptoms, foodMarks, planBlocks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entries: try c.decode([JournalEntry].self, forKey: .entries),
            customFoods: try c.decodeIfPresent([Food].self, forKey: .customFoods) ?? [],
            customPatterns: try c.decodeIfPresent([BreathingPattern].self, forKey: .customPatterns) ?? [],
            trackedSymptoms: try c.decodeIfPresent([String].self, forKey: .trackedSymptoms),
            foodMarks: try c.decodeIfPresent([String: FoodMark].self, forKey: .foodMarks) ?? [:],
            planBlocks: try c.decodeIfPresent([PlanBlock].self, forKey: .planBlocks) ?? [])
    }

    static func sorted(_ entries: [JournalEntry]) -> [JournalEntry] {
        // Files are written in order, so loading usually finds them sorted already.
        if zip(entries, entries.dropFirst()).allSatisfy({ key($0) <= key($1) }) { return entries }
        // Stable: equal keys keep their order.
        return entries.enumerated().sorted { a, b in
            let ka = Journal.key(a.element)
            let kb = Journal.key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    private static func key(_ e: JournalEntry) -> Int {
        e.day.dayNumber * 86_401 + (e.time.map { $0.secondsSinceMidnight + 1 } ?? 0)
    }

    /// First index whose key is greater than `key` (insertion keeps same-key entries in order).
    private func upperBound(_ key: Int) -> Int {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Journal.key(entries[mid]) <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func lowerBound(day: CalendarDay) -> Int {
        let key = day.dayNumber * 86_401
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Journal.key(entries[mid]) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Queries

    public func entry(id: String) -> JournalEntry? { index(ofID: id).map { entries[$0] } }

    /// Searched from the end: the entries people change are mostly the latest, and with years of
    /// entries a search from the start compares every id before reaching them. The first bytes are
    /// compared before the ids: a new entry's id is checked against every entry, and a whole string
    /// comparison costs several times as much.
    private func index(ofID id: String) -> Int? {
        let first = id.utf8.first
        return entries.lastIndex { $0.id.utf8.first == first && $0.id == id }
    }

    public func entries(on day: CalendarDay) -> ArraySlice<JournalEntry> { entries(from: day, through: day) }

    /// Entries from `first` through `last`, both included.
    public func entries(from first: CalendarDay, through last: CalendarDay) -> ArraySlice<JournalEntry> {
        guard first <= last else { return [] }
        return entries[lowerBound(day: first)..<lowerBound(day: last.adding(days: 1))]
    }

    /// Entries whose day is in the month "YYYY-MM".
    public func entries(inMonth key: String) -> ArraySlice<JournalEntry> {
        indices(inMonth: key).map { entries[$0] } ?? []
    }

    /// Where the month "YYYY-MM" sits in `entries`; nil when the key is not a month.
    private func indices(inMonth key: String) -> Range<Int>? {
        guard let first = CalendarDay(iso: key + "-01") else { return nil }
        let next = first.adding(days: CalendarDay.daysIn(month: first.month, year: first.year))
        return lowerBound(day: first)..<lowerBound(day: next)
    }

    /// "YYYY-MM" keys of every month that has entries, ascending.
    public var months: [String] {
        var out: [String] = []
        for e in entries where out.last != e.day.monthKey { out.append(e.day.monthKey) }
        return out
    }

    /// Whether the plan task was ticked off for that day.
    public func isChecked(goal: Goal, week: Int, taskID: String, on day: CalendarDay) -> Bool {
        !checkOffs(goal: goal, week: week, taskID: taskID, on: day).isEmpty
    }

    /// The entries that tick the plan task off for that day (one, unless ticked twice elsewhere).
    public func checkOffs(goal: Goal, week: Int, taskID: String, on day: CalendarDay) -> [JournalEntry] {
        let key = TaskCheckOff(goal: goal, week: week, taskID: taskID)
        return entries(on: day).filter { $0.ticks(key) }
    }

    /// Problems with any entry, as "entry <id> (<day>): …" lines; empty when every entry is fine.
    public var problems: [String] {
        var out: [String] = []
        var seen = Set<String>()
        for e in entries {
            if !seen.insert(e.id).inserted { out.append("entry \(e.id) (\(e.day)): duplicate id") }
            for p in e.problems { out.append("entry \(e.id) (\(e.day)): \(p)") }
        }
        var blocks = Set<String>()
        for b in planBlocks {
            if !blocks.insert(b.id).inserted { out.append("plan block \(b.id): duplicate id") }
            for p in b.problems { out.append("plan block \(b.id): \(p)") }
        }
        return out
    }

    // MARK: Changes

    /// Applies a batch of changes in order, all or nothing: when one is refused the journal stays as
    /// it was. Returns everything the batch touched.
    @discardableResult
    public mutating func apply(_ changes: [JournalChange]) throws(JournalChangeError) -> JournalTouch {
        try applyUndoably(changes).touched
    }

    /// Applies a batch in place, all or nothing, and returns what it touched with what puts it back.
    /// In place, so a journal of years is not copied for one change (a copy kept for undo would be).
    public mutating func applyUndoably(_ changes: [JournalChange]) throws(JournalChangeError) -> (touched: JournalTouch, undo: JournalUndo) {
        var undo = JournalUndo(self)
        var touch = JournalTouch()
        do {
            for change in changes {
                undo.keepMonths(touchedBy: change, in: self)
                touch = touch.union(try apply(change))
            }
        } catch {
            self.undo(undo)
            throw error
        }
        return (touch, undo)
    }

    /// Puts back what a batch changed (see `applyUndoably`), when nothing else changed those months since.
    public mutating func undo(_ undo: JournalUndo) {
        for (key, old) in undo.months {
            if let range = indices(inMonth: key) { entries.replaceSubrange(range, with: old) }
        }
        customFoods = undo.customFoods
        customPatterns = undo.customPatterns
        trackedSymptoms = undo.trackedSymptoms
        foodMarks = undo.foodMarks
        planBlocks = undo.planBlocks
    }

    /// Adds entries read later (older months), keeping the order; entries whose id is already in the
    /// journal (or earlier in `newEntries`) are left out.
    public mutating func merge(_ newEntries: [JournalEntry]) {
        var seen = Set(entries.map(\.id))
        let added = Journal.sorted(newEntries.filter { seen.insert($0.id).inserted })
        guard !added.isEmpty else { return }
        // Merge two sorted lists; on equal keys the entries already here come first.
        var merged: [JournalEntry] = []
        merged.reserveCapacity(entries.count + added.count)
        var i = 0
        var j = 0
        while i < entries.count && j < added.count {
            if Journal.key(added[j]) < Journal.key(entries[i]) {
                merged.append(added[j])
                j += 1
            } else {
                merged.append(entries[i])
                i += 1
            }
        }
        merged += entries[i...]
        merged += added[j...]
        entries = merged
    }

    /// Applies a change; on error nothing changes.
    @discardableResult
    public mutating func apply(_ change: JournalChange) throws(JournalChangeError) -> JournalTouch {
        switch change {
        case .add(let entry):
            try Journal.check(entry)
            if self.entry(id: entry.id) != nil { throw .duplicateID(entry.id) }
            insert(entry)
            return JournalTouch(months: [entry.day.monthKey])
        case .update(let entry):
            try Journal.check(entry)
            guard let index = index(ofID: entry.id) else { throw .unknownID(entry.id) }
            let old = entries.remove(at: index)
            insert(entry)
            return JournalTouch(months: [old.day.monthKey, entry.day.monthKey])
        case .remove(let id):
            guard let index = index(ofID: id) else { throw .unknownID(id) }
            let old = entries.remove(at: index)
            return JournalTouch(months: [old.day.monthKey])
        case .putCustomFood(let food):
            Journal.put(food, into: &customFoods)
        case .removeCustomFood(let id):
            guard customFoods.contains(where: { $0.id == id }) else { throw .unknownID(id) }
            customFoods.removeAll { $0.id == id }
            // A mark on a food that is gone would only clutter the file.
            foodMarks[id] = nil
        case .markFood(let id, let mark):
            guard !id.isEmpty else { throw .emptyFoodID }
            foodMarks[id] = mark
        case .putCustomPattern(let pattern):
            Journal.put(pattern, into: &customPatterns)
        case .removeCustomPattern(let id):
            guard customPatterns.contains(where: { $0.id == id }) else { throw .unknownID(id) }
            customPatterns.removeAll { $0.id == id }
        case .setTrackedSymptoms(let ids):
            let problems = Journal.symptomListProblems(ids)
            if !problems.isEmpty { throw .invalidSymptomList(problems: problems) }
            trackedSymptoms = ids
        case .putPlanBlock(let block):
            let problems = block.problems
            if !problems.isEmpty { throw .invalidPlanBlock(id: block.id, problems: problems) }
            Journal.put(block, into: &planBlocks)
        case .removePlanBlock(let id):
            guard planBlocks.contains(where: { $0.id == id }) else { throw .unknownID(id) }
            planBlocks.removeAll { $0.id == id }
        }
        return JournalTouch(custom: true)
    }

    /// Ids must be non-empty and listed once.
    static func symptomListProblems(_ ids: [String]) -> [String] {
        var out: [String] = []
        if ids.contains(where: \.isEmpty) { out.append("empty symptom id") }
        var seen = Set<String>()
        for id in ids where !id.isEmpty && !seen.insert(id).inserted { out.append("\(id) is listed twice") }
        return out
    }

    private static func check(_ entry: JournalEntry) throws(JournalChangeError) {
        let problems = entry.problems
        if !problems.isEmpty { throw .invalidEntry(id: entry.id, problems: problems) }
    }

    private static func put<T: Identifiable>(_ item: T, into list: inout [T]) where T.ID == String {
        if let i = list.firstIndex(where: { $0.id == item.id }) { list[i] = item } else { list.append(item) }
    }

    private mutating func insert(_ entry: JournalEntry) {
        entries.insert(entry, at: upperBound(Journal.key(entry)))
    }
}
