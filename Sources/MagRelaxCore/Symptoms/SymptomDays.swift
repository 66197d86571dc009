/// The sum of a day's ratings of the symptoms rated that day, and how many were rated.
public struct Burden: Sendable, Hashable {
    public var total: Double
    public var rated: Int

    public init(total: Double, rated: Int) {
        self.total = total
        self.rated = rated
    }
}

/// A mean over the rated days of a span, and how many days were rated; `mean` is nil when none was.
public struct RatedMean: Sendable, Hashable {
    public var mean: Double?
    public var days: Int

    public init(mean: Double?, days: Int) {
        self.mean = mean
        self.days = days
    }

    /// The mean of the values given, leaving out the missing ones.
    public init(_ values: [Double?]) {
        let rated = values.compactMap { $0 }
        self.init(mean: rated.isEmpty ? nil : rated.reduce(0, +) / Double(rated.count), days: rated.count)
    }
}

/// The person's ratings, day by day, over a span of days read once from the journal. A symptom's
/// value for a day is the mean of that day's check-ins that rate it; a day no check-in rates it has none
/// ("not rated", not 0). Red flags and every other kind of entry take no part.
public struct SymptomDays: Sendable, Hashable {
    public let first: CalendarDay
    public let last: CalendarDay
    /// By day (from `first`): symptom id → the day's value.
    private var values: [[String: Double]]

    public init(_ journal: Journal, from first: CalendarDay, through last: CalendarDay) {
        self.first = first
        self.last = last
        var sums = [[String: (sum: Int, count: Int)]](repeating: [:], count: max(0, first.days(until: last) + 1))
        for entry in journal.entries(from: first, through: last) {
            guard let checkIn = entry.checkIn else { continue }
            let i = first.days(until: entry.day)
            for (symptom, rating) in checkIn.ratings {
                let now = sums[i][symptom] ?? (0, 0)
                sums[i][symptom] = (now.sum + rating, now.count + 1)
            }
        }
        values = sums.map { day in day.mapValues { Double($0.sum) / Double($0.count) } }
    }

    private func index(_ day: CalendarDay) -> Int? {
        let i = first.days(until: day)
        return values.indices.contains(i) ? i : nil
    }

    /// The day's value for a symptom: the mean of that day's check-ins that rate it; nil when none does.
    public func value(_ symptom: String, on day: CalendarDay) -> Double? {
        index(day).flatMap { values[$0][symptom] }
    }

    /// The symptom's value on each day from `from` through `through` (days outside the span have none).
    public func values(_ symptom: String, from: CalendarDay, through: CalendarDay) -> [Double?] {
        guard from <= through else { return [] }
        return (0...from.days(until: through)).map { value(symptom, on: from.adding(days: $0)) }
    }

    /// The mean of the symptom's rated days from `from` through `through`.
    public func mean(_ symptom: String, from: CalendarDay, through: CalendarDay) -> RatedMean {
        RatedMean(values(symptom, from: from, through: through))
    }

    /// The mean over the 7 days ending on `day` (that day included).
    public func sevenDayMean(_ symptom: String, endingOn day: CalendarDay) -> RatedMean {
        mean(symptom, from: day.adding(days: -6), through: day)
    }

    /// The day's burden: the sum of the day's values of the symptoms rated (of `among`, when given).
    /// nil when none was rated.
    public func burden(on day: CalendarDay, among symptoms: [String]? = nil) -> Burden? {
        guard let i = index(day) else { return nil }
        // Added in id order, so the same day always gives the very same sum.
        let ids = symptoms ?? values[i].keys.sorted()
        let rated = ids.compactMap { values[i][$0] }
        return rated.isEmpty ? nil : Burden(total: rated.reduce(0, +), rated: rated.count)
    }

    /// The mean of the day's values of the symptoms rated (of `among`): the day's burden per symptom,
    /// on the 0–4 scale whatever the number of symptoms rated.
    public func meanRating(on day: CalendarDay, among symptoms: [String]? = nil) -> Double? {
        burden(on: day, among: symptoms).map { $0.total / Double($0.rated) }
    }
}
