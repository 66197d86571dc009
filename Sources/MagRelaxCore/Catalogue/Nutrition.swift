// Nutrition maths over the reference tables (iom-1997, ods-mg): daily need, supplement limit, shares.

/// A person's daily magnesium need from food and supplements together.
public struct DailyNeed: Sendable, Hashable {
    public var mg: Int
    /// Infants get an Adequate Intake, not an RDA.
    public var adequateIntake: Bool
    /// The life stage the figure is for: `.none` when the table has no pregnancy or lactation value
    /// for this age (or sex), so the ordinary figure applies.
    public var lifeStage: LifeStage

    public init(mg: Int, adequateIntake: Bool, lifeStage: LifeStage) {
        self.mg = mg
        self.adequateIntake = adequateIntake
        self.lifeStage = lifeStage
    }
}

extension ReferenceTables {
    /// The RDA row covering an age in whole months; nil for a negative age.
    public func rdaRow(ageMonths: Int) -> RDARow? {
        rda.first { ageMonths >= $0.minMonths && ageMonths <= ($0.maxMonths ?? Int.max) }
    }

    /// Daily need by age in months, sex and life stage. Pregnancy and lactation apply only where
    /// the table has a figure for them (14–50, female).
    public func dailyNeed(ageMonths: Int, sex: Sex, lifeStage: LifeStage = .none) -> DailyNeed? {
        guard let row = rdaRow(ageMonths: ageMonths) else { return nil }
        if sex == .female {
            switch lifeStage {
            case .pregnant:
                if let mg = row.pregnant { return DailyNeed(mg: mg, adequateIntake: row.adequateIntake, lifeStage: .pregnant) }
            case .lactating:
                if let mg = row.lactating { return DailyNeed(mg: mg, adequateIntake: row.adequateIntake, lifeStage: .lactating) }
            case .none:
                break
            }
        }
        return DailyNeed(mg: sex == .male ? row.male : row.female, adequateIntake: row.adequateIntake, lifeStage: .none)
    }

    /// Daily need by age in whole years.
    public func dailyNeed(ageYears: Int, sex: Sex, lifeStage: LifeStage = .none) -> DailyNeed? {
        let (months, overflow) = ageYears.multipliedReportingOverflow(by: 12)
        return overflow ? nil : dailyNeed(ageMonths: months, sex: sex, lifeStage: lifeStage)
    }

    /// The RDA (or infants' AI) in mg a day.
    public func rdaMg(ageYears: Int, sex: Sex, lifeStage: LifeStage = .none) -> Int? {
        dailyNeed(ageYears: ageYears, sex: sex, lifeStage: lifeStage)?.mg
    }

    /// The upper-limit row covering an age in whole months; nil for a negative age.
    public func upperLimitRow(ageMonths: Int) -> UpperLimitRow? {
        supplementUpperLimit.first { ageMonths >= $0.minMonths && ageMonths <= ($0.maxMonths ?? Int.max) }
    }

    /// Upper limit for SUPPLEMENTAL magnesium in mg a day; nil when none is set (under 1: no supplements)
    /// or the age is out of range. Food magnesium has no limit.
    public func supplementUpperLimitMg(ageMonths: Int) -> Int? {
        upperLimitRow(ageMonths: ageMonths)?.mg
    }

    public func supplementUpperLimitMg(ageYears: Int) -> Int? {
        let (months, overflow) = ageYears.multipliedReportingOverflow(by: 12)
        return overflow ? nil : supplementUpperLimitMg(ageMonths: months)
    }

    /// The adult supplement limit (the last, open-ended row), e.g. for plan texts.
    public var adultSupplementUpperLimitMg: Int? { supplementUpperLimit.last?.mg }

    /// Share of the label Daily Value (420 mg), in percent.
    public func percentOfDailyValue(mg: Double) -> Double { Nutrition.percent(mg, of: Double(dailyValueMg)) }
}

public enum Nutrition {
    /// `part` as a percentage of `whole`; 0 when the whole is not positive.
    public static func percent(_ part: Double, of whole: Double) -> Double {
        whole > 0 ? part / whole * 100 : 0
    }
}

extension Food {
    /// Magnesium in an amount of this food eaten, in mg (not rounded): grams × mg per 100 g / 100.
    public func mg(grams: Double) -> Double? {
        mgPer100g.map { grams * $0 / 100 }
    }

    /// One serving's share of a daily need, in percent.
    public func percentOfNeed(_ needMg: Int) -> Double? {
        mgPerServing.map { Nutrition.percent($0, of: Double(needMg)) }
    }
}

extension SupplementForm {
    /// Compound weight that holds a given amount of elemental magnesium; nil when the form holds none.
    public func compoundMg(elementalMg: Double) -> Double? {
        elementalPercent > 0 ? elementalMg * 100 / elementalPercent : nil
    }
}

extension ReferenceTables {
    /// Interaction entries share their ids with `InteractingMedicine`; kidney disease is "kidney-disease".
    public func interaction(id: String) -> Interaction? { interactions.first { $0.id == id } }

    public func interaction(for medicine: InteractingMedicine) -> Interaction? { interaction(id: medicine.rawValue) }

    public static let kidneyDiseaseInteractionID = "kidney-disease"
}
