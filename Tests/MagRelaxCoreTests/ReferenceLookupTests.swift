import MagRelaxCore
import Testing

/// The person's own RDA and supplement limit (iom-1997, ods-mg).
@Suite("Reference figures for a person")
struct ReferenceLookupTests {
    let ref = shipped.reference

    func profile(_ age: Int, _ sex: Sex, _ stage: LifeStage = .none) -> Profile {
        Profile(ageYears: age, sex: sex, lifeStage: stage, goal: .soreness, planStart: CalendarDay(iso: "2026-11-02")!)
    }

    func need(_ age: Int, _ sex: Sex, _ stage: LifeStage = .none) -> (mg: Int?, group: String?) {
        let n = ref.need(for: profile(age, sex, stage))
        return (n?.mg, n?.group)
    }

    @Test(arguments: [
        // Every age band at both ends, both sexes.
        (1, Sex.male, 80, "children 1-3"), (3, .female, 80, "children 1-3"),
        (4, .female, 130, "children 4-8"), (8, .male, 130, "children 4-8"),
        (9, .male, 240, "children 9-13"), (13, .female, 240, "children 9-13"),
        (14, .male, 410, "boys 14-18"), (18, .female, 360, "girls 14-18"),
        (19, .male, 400, "men 19-30"), (30, .female, 310, "women 19-30"),
        // 31-50 and 51+ share their figures, so they are named together.
        (31, .male, 420, "men 31+"), (50, .female, 320, "women 31+"),
        (51, .male, 420, "men 31+"), (120, .female, 320, "women 31+"),
    ])
    func needByAgeAndSex(age: Int, sex: Sex, mg: Int, group: String) {
        let n = need(age, sex)
        #expect(n.mg == mg && n.group == group, "\(age) \(sex): \(n)")
    }

    @Test(arguments: [
        (14, LifeStage.pregnant, 400, "pregnant girls 14-18"), (18, .lactating, 360, "breastfeeding girls 14-18"),
        (19, .pregnant, 350, "pregnant women 19-30"), (30, .lactating, 310, "breastfeeding women 19-30"),
        (31, .pregnant, 360, "pregnant women 31-50"), (50, .lactating, 320, "breastfeeding women 31-50"),
    ])
    func pregnancyAndBreastfeeding(age: Int, stage: LifeStage, mg: Int, group: String) {
        let n = need(age, .female, stage)
        #expect(n.mg == mg && n.group == group, "\(age) \(stage): \(n)")
    }

    @Test func aLifeStageTheTableHasNoFigureForGivesTheOrdinaryOne() throws {
        // No pregnancy or lactation figures under 14 or over 50.
        #expect(need(12, .female, .pregnant) == (240, "children 9-13"))
        #expect(need(55, .female, .lactating) == (320, "women 31+"))
        let n = try #require(ref.need(ageYears: 55, sex: .female, lifeStage: .pregnant))
        #expect(n.lifeStage == .none && n.sex == .female && !n.adequateIntake)
    }

    @Test func noProfileShowsAdultsAt31() throws {
        let adults = try #require(ref.adultNeeds)
        #expect(adults.men.mg == 420 && adults.men.group == "men 31+")
        #expect(adults.women.mg == 320 && adults.women.group == "women 31+")
        #expect(ReferenceTables.adultAgeYears == 31)
    }

    @Test func infantsAndAgesOutsideTheTable() throws {
        #expect(ref.need(ageYears: -1, sex: .male) == nil)
        #expect(ref.need(ageYears: Int.max, sex: .male) == nil)
        let infant = try #require(ref.need(ageYears: 0, sex: .female))
        #expect(infant.mg == 30 && infant.adequateIntake && infant.group == "infants 0-6 months")
        #expect(AgeBand(minMonths: 7, maxMonths: 11).description == "7-11 months")
        #expect(AgeBand(minMonths: 168, maxMonths: 227).description == "14-18")
        #expect(AgeBand(minMonths: 612, maxMonths: nil).description == "51+")
    }

    @Test(arguments: [
        (1, 65, "ages 1-3"), (3, 65, "ages 1-3"), (4, 110, "ages 4-8"), (8, 110, "ages 4-8"),
        (9, 350, "everyone aged 9 and over"), (13, 350, "everyone aged 9 and over"),
        (18, 350, "everyone aged 9 and over"), (35, 350, "everyone aged 9 and over"),
        (51, 350, "everyone aged 9 and over"), (120, 350, "everyone aged 9 and over"),
    ])
    func supplementLimitByAge(age: Int, mg: Int, ages: String) throws {
        for sex in Sex.allCases {
            let limit = try #require(ref.supplementLimit(for: profile(age, sex)))
            #expect(limit.mg == mg && limit.agesText == ages, "\(age) \(sex)")
        }
    }

    @Test func supplementLimitInPregnancyAndWithoutAProfile() throws {
        // The limit includes pregnancy and lactation.
        #expect(ref.supplementLimit(for: profile(16, .female, .pregnant))?.mg == 350)
        #expect(ref.supplementLimit(for: profile(30, .female, .lactating))?.mg == 350)
        let adults = try #require(ref.supplementLimit(for: nil))
        #expect(adults.mg == 350 && adults.agesText == "everyone aged 9 and over")
        #expect(ref.supplementLimit(ageYears: 0) == nil, "none set under 1: no supplements")
        #expect(ref.supplementLimit(ageYears: -1) == nil)
        #expect(ref.supplementLimit(ageYears: Int.max) == nil)
    }

    @Test func everyProfileAgeHasANeedAndALimitThatAgreeWithTheTables() {
        for age in Profile.ageRange {
            for sex in Sex.allCases {
                for stage in LifeStage.allCases where stage == .none || sex == .female {
                    let p = profile(age, sex, stage)
                    #expect(ref.need(for: p)?.mg == ref.rdaMg(ageYears: age, sex: sex, lifeStage: stage))
                    #expect(ref.supplementLimit(for: p)?.mg == ref.supplementUpperLimitMg(ageYears: age))
                }
            }
        }
    }
}
