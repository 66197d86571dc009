// A day's magnesium from the journal: food and supplements apart, against the person's RDA (iom-1997,
// ods-mg: food and supplements together) and their supplement limit (supplements only).

/// One food or supplement entry with the magnesium it counts for.
public struct LoggedMagnesium: Sendable, Hashable {
    public var entry: JournalEntry
    /// The food's or form's name; a removed food of the person's own is named as such.
    public var name: String
    /// nil when no figure is known (an old entry of a food whose figure is not known).
    public var mg: Double?
    public var isSupplement: Bool

    public static let removedFoodName = "A food you removed"

    /// The entry's food or supplement and its magnesium; nil for other kinds of entry.
    public init?(_ entry: JournalEntry, library: Library, forms: [SupplementForm]) {
        self.entry = entry
        switch entry.kind {
        case .food(let f):
            name = library.food(id: f.foodID)?.name ?? Self.removedFoodName
            mg = f.magnesiumMg(in: library)
            isSupplement = false
        case .supplement(let s):
            name = forms.first { $0.id == s.formID }?.name ?? s.formID
            mg = s.elementalMg
            isSupplement = true
        default:
            return nil
        }
    }
}

/// The magnesium of one day.
public struct DayMagnesium: Sendable, Hashable {
    public var day: CalendarDay
    /// The day's food and supplement entries in journal order.
    public var items: [LoggedMagnesium]
    public var foodMg: Double
    public var supplementMg: Double
    /// The person's RDA (nil without a profile).
    public var need: NeedFigure?
    public var supplements: SupplementCheck

    public init(day: CalendarDay, journal: Journal, catalogue: Catalogue, profile: Profile?) {
        let library = Library(catalogue: catalogue, journal: journal)
        self.day = day
        items = journal.entries(on: day).compactMap { LoggedMagnesium($0, library: library, forms: catalogue.forms) }
        foodMg = items.filter { !$0.isSupplement }.compactMap(\.mg).reduce(0, +)
        supplementMg = items.filter(\.isSupplement).compactMap(\.mg).reduce(0, +)
        need = profile.flatMap { catalogue.reference.need(for: $0) }
        supplements = SupplementCheck(supplementMg: supplementMg, profile: profile, reference: catalogue.reference)
    }

    public var totalMg: Double { foodMg + supplementMg }

    /// Entries counted as 0 because no figure is known for them.
    public var unknownCount: Int { items.count { $0.mg == nil } }

    /// What is left of the RDA (0 once it is met); nil without one.
    public var gapMg: Double? { need.map { max(0, Double($0.mg) - totalMg) } }

    /// The total as a share of the RDA, in percent.
    public var percentOfNeed: Double? { need.map { Nutrition.percent(totalMg, of: Double($0.mg)) } }
}

/// One day's totals, for charts and means.
public struct DayTotal: Sendable, Hashable {
    public var day: CalendarDay
    public var foodMg: Double
    public var supplementMg: Double
    /// False when the day has no food or supplement entry.
    public var logged: Bool

    public init(day: CalendarDay, foodMg: Double = 0, supplementMg: Double = 0, logged: Bool = false) {
        self.day = day
        self.foodMg = foodMg
        self.supplementMg = supplementMg
        self.logged = logged
    }

    public var totalMg: Double { foodMg + supplementMg }
}

/// Mean daily magnesium over a run of days: the days with something logged count, the others are
/// unknown rather than zero (a day without entries is a day not logged, not a day without food).
public struct MagnesiumMean: Sendable, Hashable {
    public var foodMg: Double
    public var supplementMg: Double
    /// Days with food or supplements logged, of `days` in the range.
    public var loggedDays: Int
    public var days: Int

    public var totalMg: Double { foodMg + supplementMg }
}

public enum MagnesiumHistory {
    /// Every day from `first` through `last` with its totals (days without entries are zero and not logged).
    public static func days(journal: Journal, catalogue: Catalogue, from first: CalendarDay, through last: CalendarDay) -> [DayTotal] {
        guard first <= last else { return [] }
        let library = Library(catalogue: catalogue, journal: journal)
        var totals = (0...first.days(until: last)).map { DayTotal(day: first.adding(days: $0)) }
        for entry in journal.entries(from: first, through: last) {
            guard let item = LoggedMagnesium(entry, library: library, forms: catalogue.forms) else { continue }
            let i = first.days(until: entry.day)
            totals[i].logged = true
            if item.isSupplement { totals[i].supplementMg += item.mg ?? 0 } else { totals[i].foodMg += item.mg ?? 0 }
        }
        return totals
    }

    /// The mean daily food and supplement magnesium over the logged days from `first` through `last`;
    /// nil when none of them has anything logged.
    public static func mean(journal: Journal, catalogue: Catalogue, from first: CalendarDay, through last: CalendarDay)
        -> MagnesiumMean?
    {
        let all = days(journal: journal, catalogue: catalogue, from: first, through: last)
        let logged = all.filter(\.logged)
        guard !logged.isEmpty else { return nil }
        let n = Double(logged.count)
        return MagnesiumMean(
            foodMg: logged.map(\.foodMg).reduce(0, +) / n, supplementMg: logged.map(\.supplementMg).reduce(0, +) / n,
            loggedDays: logged.count, days: all.count)
    }
}
