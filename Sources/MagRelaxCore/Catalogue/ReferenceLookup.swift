// The reference figures for one person (iom-1997, ods-mg): their daily need and supplement limit by age,
// sex and pregnancy or breastfeeding, named by the group the tables set them for.

/// An age band of the reference tables, in months, both ends included; `maxMonths` nil: open-ended.
public struct AgeBand: Sendable, Hashable, CustomStringConvertible {
    public var minMonths: Int
    public var maxMonths: Int?

    public init(minMonths: Int, maxMonths: Int?) {
        self.minMonths = minMonths
        self.maxMonths = maxMonths
    }

    public var minYears: Int { minMonths / 12 }

    /// "31-50", "51+", or "7-11 months" for infants.
    public var description: String {
        guard let max = maxMonths else { return "\(minYears)+" }
        if max < 12 { return "\(minMonths)-\(max) months" }
        return "\(minYears)-\((max + 1) / 12 - 1)"
    }
}

/// A daily need and the group the tables set it for.
public struct NeedFigure: Sendable, Hashable {
    public var mg: Int
    /// Infants get an Adequate Intake, not an RDA.
    public var adequateIntake: Bool
    /// nil when the figure is the same for both sexes.
    public var sex: Sex?
    /// `.none` unless the figure is the pregnancy or breastfeeding one.
    public var lifeStage: LifeStage
    /// The neighbouring ages with the same figure, e.g. 31+ for women (31–50 and 51+ are both 320 mg).
    public var ages: AgeBand

    /// "women 31+", "pregnant women 31-50", "boys 14-18", "children 4-8".
    public var group: String {
        let young = ages.minYears < 19
        let person: String =
            switch sex {
            case .female: young ? "girls" : "women"
            case .male: young ? "boys" : "men"
            case nil: (ages.maxMonths ?? 12) < 12 ? "infants" : "children"
            }
        let stage =
            switch lifeStage {
            case .pregnant: "pregnant "
            case .lactating: "breastfeeding "
            case .none: ""
            }
        return "\(stage)\(person) \(ages)"
    }
}

/// The upper limit for supplemental magnesium at an age, and the ages it covers.
public struct SupplementLimit: Sendable, Hashable {
    public var mg: Int
    public var ages: AgeBand

    /// "everyone aged 9 and over", "ages 4-8".
    public var agesText: String {
        ages.maxMonths == nil ? "everyone aged \(ages.minYears) and over" : "ages \(ages)"
    }
}

extension ReferenceTables {
    /// The age whose figures stand for adults when there is no profile (the 31–50 band).
    public static let adultAgeYears = 31

    /// The daily need at an age, with the band of ages that share it. Pregnancy and breastfeeding
    /// count only where the table has a figure for them (women 14–50).
    public func need(ageYears: Int, sex: Sex, lifeStage: LifeStage = .none) -> NeedFigure? {
        guard let need = dailyNeed(ageYears: ageYears, sex: sex, lifeStage: lifeStage),
            let index = rda.firstIndex(where: { ageYears * 12 >= $0.minMonths && ageYears * 12 <= ($0.maxMonths ?? Int.max) })
        else { return nil }
        let figure: (RDARow) -> Int? =
            switch need.lifeStage {
            case .pregnant: { $0.pregnant }
            case .lactating: { $0.lactating }
            case .none: { sex == .male ? $0.male : $0.female }
            }
        let same = { (row: RDARow) in figure(row) == need.mg && row.adequateIntake == need.adequateIntake }
        var first = index
        while first > 0, same(rda[first - 1]) { first -= 1 }
        var last = index
        while last + 1 < rda.count, same(rda[last + 1]) { last += 1 }
        let band = rda[first...last]
        let bothSexes = need.lifeStage == .none && band.allSatisfy { $0.male == $0.female }
        return NeedFigure(
            mg: need.mg, adequateIntake: need.adequateIntake, sex: bothSexes ? nil : sex, lifeStage: need.lifeStage,
            ages: AgeBand(minMonths: rda[first].minMonths, maxMonths: rda[last].maxMonths))
    }

    /// The daily need of the person a profile describes.
    public func need(for profile: Profile) -> NeedFigure? {
        need(ageYears: profile.ageYears, sex: profile.sex, lifeStage: profile.lifeStage)
    }

    /// Men's and women's daily needs at 31, shown when there is no profile.
    public var adultNeeds: (men: NeedFigure, women: NeedFigure)? {
        guard let men = need(ageYears: Self.adultAgeYears, sex: .male),
            let women = need(ageYears: Self.adultAgeYears, sex: .female)
        else { return nil }
        return (men, women)
    }

    /// The supplement limit at an age; nil when none is set (under 1: no supplements).
    public func supplementLimit(ageYears: Int) -> SupplementLimit? {
        let (months, overflow) = ageYears.multipliedReportingOverflow(by: 12)
        guard !overflow, let row = upperLimitRow(ageMonths: months), let mg = row.mg else { return nil }
        return SupplementLimit(mg: mg, ages: AgeBand(minMonths: row.minMonths, maxMonths: row.maxMonths))
    }

    /// The supplement limit for the person a profile describes, or adults' when there is no profile.
    public func supplementLimit(for profile: Profile?) -> SupplementLimit? {
        supplementLimit(ageYears: profile?.ageYears ?? Self.adultAgeYears)
    }
}
