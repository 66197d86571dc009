import PropertyBased
import Testing

@testable import MagRelaxCore

@Suite struct NutritionTests {
    let ref = shipped.reference

    @Test func rdaMatchesDomainTable() {
        #expect(ref.rdaMg(ageYears: 35, sex: .female) == 320)
        #expect(ref.rdaMg(ageYears: 35, sex: .male) == 420)
        #expect(ref.rdaMg(ageYears: 25, sex: .female, lifeStage: .pregnant) == 350)
        #expect(ref.rdaMg(ageYears: 19, sex: .female, lifeStage: .pregnant) == 350)
        #expect(ref.rdaMg(ageYears: 30, sex: .female, lifeStage: .lactating) == 310)
        #expect(ref.rdaMg(ageYears: 40, sex: .female, lifeStage: .pregnant) == 360)
        #expect(ref.rdaMg(ageYears: 16, sex: .male) == 410)
        #expect(ref.rdaMg(ageYears: 14, sex: .female) == 360)
        #expect(ref.rdaMg(ageYears: 18, sex: .female, lifeStage: .pregnant) == 400)
        #expect(ref.rdaMg(ageYears: 18, sex: .female, lifeStage: .lactating) == 360)
        #expect(ref.rdaMg(ageYears: 19, sex: .male) == 400)
        #expect(ref.rdaMg(ageYears: 30, sex: .female) == 310)
        #expect(ref.rdaMg(ageYears: 31, sex: .male) == 420)
        #expect(ref.rdaMg(ageYears: 70, sex: .female) == 320)
        #expect(ref.rdaMg(ageYears: 1, sex: .male) == 80)
        #expect(ref.rdaMg(ageYears: 3, sex: .female) == 80)
        #expect(ref.rdaMg(ageYears: 4, sex: .female) == 130)
        #expect(ref.rdaMg(ageYears: 8, sex: .male) == 130)
        #expect(ref.rdaMg(ageYears: 9, sex: .male) == 240)
        #expect(ref.rdaMg(ageYears: 13, sex: .female) == 240)
    }

    @Test func infantsGetAnAdequateIntake() {
        #expect(ref.dailyNeed(ageMonths: 0, sex: .male) == DailyNeed(mg: 30, adequateIntake: true, lifeStage: .none))
        #expect(ref.dailyNeed(ageMonths: 6, sex: .female)?.mg == 30)
        #expect(ref.dailyNeed(ageMonths: 7, sex: .female) == DailyNeed(mg: 75, adequateIntake: true, lifeStage: .none))
        #expect(ref.dailyNeed(ageMonths: 11, sex: .male)?.mg == 75)
        #expect(ref.dailyNeed(ageMonths: 12, sex: .male) == DailyNeed(mg: 80, adequateIntake: false, lifeStage: .none))
        #expect(ref.dailyNeed(ageMonths: -1, sex: .male) == nil)
    }

    /// Pregnancy and lactation apply only where the table has a figure: not at 51+, not under 14, not for men.
    @Test func lifeStageOnlyWhereTheTableHasIt() {
        #expect(ref.dailyNeed(ageYears: 55, sex: .female, lifeStage: .pregnant) == DailyNeed(mg: 320, adequateIntake: false, lifeStage: .none))
        #expect(ref.dailyNeed(ageYears: 12, sex: .female, lifeStage: .lactating)?.lifeStage == LifeStage.none)
        #expect(ref.dailyNeed(ageYears: 12, sex: .female, lifeStage: .lactating)?.mg == 240)
        #expect(ref.dailyNeed(ageYears: 30, sex: .male, lifeStage: .pregnant)?.mg == 400)
        #expect(ref.dailyNeed(ageYears: 30, sex: .female, lifeStage: .pregnant)?.lifeStage == .pregnant)
    }

    @Test func supplementUpperLimitByAge() {
        #expect(ref.supplementUpperLimitMg(ageYears: 35) == 350)
        #expect(ref.supplementUpperLimitMg(ageYears: 9) == 350)
        #expect(ref.supplementUpperLimitMg(ageYears: 100) == 350)
        #expect(ref.supplementUpperLimitMg(ageYears: 1) == 65)
        #expect(ref.supplementUpperLimitMg(ageYears: 3) == 65)
        #expect(ref.supplementUpperLimitMg(ageYears: 4) == 110)
        #expect(ref.supplementUpperLimitMg(ageYears: 8) == 110)
        #expect(ref.supplementUpperLimitMg(ageMonths: 0) == nil)
        #expect(ref.supplementUpperLimitMg(ageMonths: 11) == nil)
        #expect(ref.upperLimitRow(ageMonths: 11) != nil)
        #expect(ref.supplementUpperLimitMg(ageMonths: 12) == 65)
        #expect(ref.adultSupplementUpperLimitMg == 350)
        #expect(ref.efsaSupplementLimitMg == 250)
        #expect(ref.dailyValueMg == 420)
    }

    @Test func sharesOfNeed() throws {
        let pumpkin = try #require(shipped.foods.first { $0.id == "pumpkin_seeds_roasted" })
        // 156 mg of a 320 mg RDA.
        #expect(try #require(pumpkin.percentOfNeed(320)) == 156.0 / 320 * 100)
        #expect(pumpkin.mg(grams: 100) == 550)
        #expect(ref.percentOfDailyValue(mg: 42) == 10)
        #expect(Nutrition.percent(5, of: 0) == 0)
        let oxide = try #require(shipped.forms.first { $0.id == "oxide" })
        #expect(abs(try #require(oxide.compoundMg(elementalMg: 241.2)) - 400) < 1e-9)
    }

    @Test func interactionsAndEvidenceArePresent() {
        for medicine in InteractingMedicine.allCases {
            #expect(ref.interaction(for: medicine)?.medicines.isEmpty == false, "\(medicine)")
        }
        #expect(ref.interaction(id: ReferenceTables.kidneyDiseaseInteractionID)?.advice.contains("no supplements") == true)
        #expect(ref.interaction(id: "zinc")?.medicines.contains("142 mg") == true)
        #expect(ref.interaction(for: .tetracyclineOrQuinolone)?.advice.contains("4–6 hours") == true)
        let strengths = Dictionary(uniqueKeysWithValues: ref.evidence.map { ($0.id, $0.strength) })
        #expect(strengths["cramps-older"] == .unlikely)
        #expect(strengths["cramps-pregnancy"] == .conflicting)
        #expect(strengths["cramps-exercise"] == EvidenceStrength.none)
        #expect(strengths["soreness"] == .plausible)
        #expect(ref.safety.contains { $0.text.contains("5,000 mg") && $0.source == "ods-mg" })
    }

    // MARK: Properties

    @Test func elementalMagnesiumIsLinearAndNeverExceedsTheCompound() async {
        let forms = shipped.forms
        await propertyCheck(input: Gen.int(in: 0...(forms.count - 1)), Gen.double(in: 0...5000), Gen.double(in: 0...5000)) { i, a, b in
            let form = forms[i]
            let sum = form.elementalMg(compoundMg: a + b)
            #expect(abs(sum - (form.elementalMg(compoundMg: a) + form.elementalMg(compoundMg: b))) < 1e-6)
            #expect(form.elementalMg(compoundMg: a) <= a)
            #expect(form.elementalMg(compoundMg: a) >= 0)
        }
    }

    @Test func dailyNeedAndLimitAreDefinedForEveryAgeUpTo120() async {
        let ref = self.ref
        await propertyCheck(input: Gen.int(in: 0...(120 * 12)), Gen<Sex>.case, Gen<LifeStage>.case) { months, sex, stage in
            let need = ref.dailyNeed(ageMonths: months, sex: sex, lifeStage: stage)
            #expect(need != nil)
            #expect((need?.mg ?? 0) > 0)
            #expect(ref.upperLimitRow(ageMonths: months) != nil)
            // Pregnancy and lactation never lower the need below the ordinary figure.
            if let plain = ref.dailyNeed(ageMonths: months, sex: sex)?.mg { #expect((need?.mg ?? 0) >= plain) }
        }
        for years in 0...120 {
            for sex in Sex.allCases { #expect(ref.rdaMg(ageYears: years, sex: sex) != nil, "\(years) \(sex)") }
        }
    }

    /// Any timing in the allowed grid passes; nudging a phase off the 0.5 s grid fails on that field.
    @Test func breathingTimingRules() async {
        let half = Gen.int(in: 0...40).map { Double($0) / 2 }
        await propertyCheck(input: half, half, half, half) { a, b, c, d in
            let problems = BreathingPattern.timingProblems(inhale: a, holdIn: b, exhale: c, holdOut: d)
            let expectFields = (a < 2 ? ["inhale"] : []) + (c < 2 ? ["exhale"] : [])
            #expect(problems.map(\.field) == expectFields)
            let nudged = BreathingPattern.timingProblems(inhale: max(a, 2), holdIn: b + 0.25, exhale: max(c, 2), holdOut: d)
            #expect(nudged.map(\.field) == ["holdIn"])
        }
    }
}
