import Foundation
import MagRelaxAssets
import Testing

@testable import MagRelaxCore

/// The shipped catalogue, loaded once for the content tests.
let shipped: Catalogue = {
    do { return try Catalogue.embedded() } catch { fatalError("embedded catalogue: \(error)") }
}()

@Suite struct CatalogueContentTests {
    @Test func embeddedCatalogueLoadsAndIsValid() throws {
        let catalogue = try Catalogue.embedded()
        #expect(catalogue.problems().isEmpty)
        #expect(catalogue.sources.count == 22)
        #expect(catalogue.forms.count == 17)
        #expect(catalogue.symptoms.count == 20)
        #expect(catalogue.breathing.count == 7)
        #expect(catalogue.yoga.count >= 8)
        #expect(catalogue.plans.count == Goal.allCases.count)
    }

    @Test func everySourceKeyInDomainExists() {
        let keys = [
            "ods-mg", "iom-1997", "usda-sr", "efsa-ul", "cochrane-cramps-2020", "aan-ahs-2012", "sleep-2021",
            "cochrane-yoga-2022", "grober-2017", "pardo-2021", "form-chem", "weil-478", "hrv-resonance",
            "acsm-stretch", "snoop", "nhs-back", "nhs-dvt", "niosh-rhabdo", "fda-dv", "teaching-convention", "app-plan",
            "seeds",
        ]
        for key in keys { #expect(shipped.source(key) != nil, "missing source \(key)") }
    }

    /// Every `source` and `noteSources` key used anywhere resolves.
    @Test func everyUsedSourceKeyResolves() {
        var used = shipped.foods.map(\.source) + shipped.forms.flatMap { [$0.source] + $0.noteSources }
        used += shipped.symptoms.map(\.source) + shipped.redFlags.map(\.source) + shipped.breathing.map(\.source)
        used += shipped.yoga.map(\.source) + shipped.plans.map(\.source)
        used += shipped.reference.interactions.map(\.source) + shipped.reference.evidence.map(\.source)
        used.append(shipped.reference.source)
        for key in used { #expect(shipped.source(key) != nil, "unknown source \(key)") }
    }

    // MARK: Foods

    /// The reference food rows: id, grams, mg per 100 g, NDB.
    static let domainFoods: [(String, Double, Double, String)] = [
        ("pumpkin_seeds_roasted", 28.35, 550, "12016"), ("chia_seeds", 28.35, 335, "12006"),
        ("almonds_dry_roasted", 28.35, 281, "12063"), ("spinach_boiled", 90, 87, "11458"),
        ("cashews_dry_roasted", 28.35, 260, "12585"), ("peanuts_oil_roasted", 36, 176, "16389"),
        ("shredded_wheat", 46, 133, "08147"), ("soymilk", 243, 25, "16120"), ("black_beans_cooked", 86, 70, "16015"),
        ("edamame_cooked", 77.5, 64, "11212"), ("peanut_butter_smooth", 32, 154, "16098"),
        ("potato_baked_skin", 100, 28, "11674"), ("brown_rice_cooked", 97.5, 43, "20037"),
        ("yogurt_plain_lowfat", 245, 17, "01117"), ("oatmeal_instant", 28, 128, "08122"),
        ("kidney_beans_canned", 128, 27, "16029"), ("banana", 118, 27, "09040"),
        ("salmon_atlantic_farmed", 85, 30, "15237"), ("milk", 244, 11, "01079"), ("halibut_cooked", 85, 28, "15037"),
        ("raisins", 72.5, 32, "09298"), ("bread_whole_wheat", 28, 82, "18075"), ("avocado_cubed", 75, 29, "09037"),
        ("chicken_breast_roasted", 85, 29, "05064"), ("beef_ground_90", 85, 23, "23564"),
        ("broccoli_cooked", 78, 21, "11091"), ("rice_white_cooked", 79, 12, "20045"), ("apple", 182, 5, "09003"),
        ("carrot_raw", 61, 12, "11124"), ("dark_chocolate_70_85", 28.35, 228, "19904"),
        ("dark_chocolate_60_69", 28.35, 176, "19903"), ("cocoa_powder", 5.4, 499, "19165"),
        ("quinoa_cooked", 185, 64, "20137"), ("buckwheat_cooked", 168, 51, "20010"), ("millet_cooked", 174, 44, "20032"),
        ("amaranth_cooked", 246, 65, "20002"), ("tofu_firm_caso4", 126, 58, "16426"),
        ("tofu_firm_nigari", 126, 37, "16126"), ("tempeh", 83, 81, "16114"), ("soybeans_cooked", 86, 86, "16109"),
        ("swiss_chard_cooked", 175, 86, "11148"), ("spinach_raw", 30, 79, "11457"),
        ("hemp_seeds_hulled", 30, 700, "12012"), ("flaxseed_whole", 10.3, 392, "12220"),
        ("sunflower_kernels_dried", 35, 325, "12036"), ("sesame_seeds", 9, 351, "12023"),
        ("pumpkin_seeds_raw", 28.35, 592, "12014"), ("brazil_nuts", 28.35, 376, "12078"),
        ("almonds_raw", 28.35, 268, "12061"), ("almond_butter", 16, 279, "12195"), ("walnuts", 28.35, 158, "12155"),
        ("pine_nuts", 28.35, 251, "12147"), ("molasses", 20, 242, "19304"), ("lentils_cooked", 198, 36, "16070"),
        ("chickpeas_cooked", 164, 48, "16057"), ("lima_beans_cooked", 170, 74, "11032"),
        ("figs_dried", 74.5, 68, "09094"), ("mackerel_atlantic", 85, 97, "15047"),
        ("sweet_potato_baked", 114, 27, "11508"), ("greek_yogurt_nonfat", 170, 11, "01256"),
    ]

    @Test func everyDomainFoodMatchesTheTable() throws {
        for (id, grams, per100, ndb) in Self.domainFoods {
            let food = try #require(shipped.foods.first { $0.id == id }, "missing food \(id)")
            #expect(food.servingGrams == grams, "\(id) grams")
            #expect(food.mgPer100g == per100, "\(id) mg/100 g")
            #expect(food.ndb == ndb, "\(id) NDB")
            #expect(food.source == "usda-sr", "\(id) source")
        }
        let cereal = try #require(shipped.foods.first { $0.id == "fortified_cereal_10dv" })
        #expect(cereal.labelMgPerServing == 42 && cereal.mgPerServing == 42 && cereal.source == "ods-mg")
    }

    @Test func atLeastThirtyFoodsBeyondDomain() {
        let domain = Set(Self.domainFoods.map(\.0) + ["fortified_cereal_10dv"])
        let extra = shipped.foods.filter { !domain.contains($0.id) }
        #expect(extra.count >= 30)
        for food in extra {
            #expect(food.ndb != nil && food.kcalPer100g != nil && food.mgPer100g != nil, "\(food.id) incomplete")
            #expect(food.source == "usda-sr")
        }
    }

    @Test func perServingIsGramsTimesPer100Rounded() throws {
        for food in shipped.foods {
            guard let grams = food.servingGrams, let per100 = food.mgPer100g else { continue }
            #expect(food.mgPerServing == (grams * per100 / 100).rounded(), "\(food.id)")
        }
        func serving(_ id: String) throws -> Double? { try #require(shipped.foods.first { $0.id == id }).mgPerServing }
        #expect(try serving("pumpkin_seeds_roasted") == 156)
        #expect(try serving("spinach_boiled") == 78)
        // The NIH table's 111 mg is its serving figure; its rule says to show the USDA-based one.
        #expect(try serving("chia_seeds") == 95)
        #expect(try serving("almonds_dry_roasted") == 80)
        #expect(try serving("quinoa_cooked") == 118)
    }

    @Test func foodsHaveKcalWhereTheUSDAExtractHasIt() throws {
        for food in shipped.foods where food.id != "fortified_cereal_10dv" {
            #expect(food.kcalPer100g != nil, "\(food.id) kcal")
        }
        // USDA FDC 170148 (SR 12012).
        let hemp = try #require(shipped.foods.first { $0.id == "hemp_seeds_hulled" })
        #expect(hemp.kcalPer100g == 553 && hemp.note?.contains("170148") == true)
    }

    @Test func calciumAndPotassiumPerServing() throws {
        let almonds = try #require(shipped.foods.first { $0.id == "almonds_dry_roasted" })
        #expect(almonds.calciumMgPer100g == 267 && almonds.potassiumMgPer100g == 712)
        #expect(almonds.calciumMgPerServing == (28.35 * 267 / 100).rounded())
        #expect(almonds.potassiumMgPerServing == 202)
        let cereal = try #require(shipped.foods.first { $0.id == "fortified_cereal_10dv" })
        #expect(cereal.calciumMgPerServing == nil && cereal.potassiumMgPerServing == nil)
    }

    @Test func foodCategoriesFit() throws {
        for id in ["egg", "cheddar", "milk", "yogurt_plain_lowfat"] {
            #expect(shipped.foods.first { $0.id == id }?.category == .dairyAndEggs, "\(id)")
        }
        #expect(shipped.foods.first { $0.id == "soymilk" }?.category == .legumesAndSoy)
        for id in ["coffee_brewed", "tea_black_brewed"] {
            let drink = try #require(shipped.foods.first { $0.id == id })
            #expect(drink.category == .drinks && drink.note?.contains("little magnesium") == true, "\(id)")
        }
        // A person's food saved under the category's earlier name still loads.
        let saved = Data(#"["dairy-alternatives", "fruit"]"#.utf8)
        #expect(try JSONDecoder().decode([FoodCategory].self, from: saved) == [.dairyAndEggs, .fruit])
    }

    // MARK: Supplement forms

    @Test func formPercentagesMatchDomain() throws {
        let expected: [String: Double] = [
            "oxide": 60.3, "hydroxide": 41.7, "carbonate": 28.8, "chloride": 25.5, "chloride-hexahydrate": 12.0,
            "sulfate": 20.2, "sulfate-heptahydrate": 9.9, "citrate": 16.2, "citrate-1-1": 11.3, "malate": 15.5,
            "glycinate": 14.1, "lactate": 12.0, "taurate": 8.9, "aspartate": 8.4, "threonate": 8.3, "orotate": 7.2,
            "gluconate": 5.9,
        ]
        #expect(shipped.forms.count == expected.count)
        for (id, percent) in expected {
            let form = try #require(shipped.forms.first { $0.id == id }, "missing form \(id)")
            #expect(form.elementalPercent == percent, "\(id)")
        }
        let topical = Set(shipped.forms.filter(\.topical).map(\.id))
        #expect(topical == ["chloride-hexahydrate", "sulfate-heptahydrate"])
        for id in topical {
            #expect(try #require(shipped.forms.first { $0.id == id }).noteSources.contains("grober-2017"))
        }
    }

    @Test func oxide400mgHolds241mg() throws {
        let oxide = try #require(shipped.forms.first { $0.id == "oxide" })
        #expect(oxide.elementalMg(compoundMg: 400).rounded() == 241)
    }

    // MARK: Symptoms, breathing, yoga

    @Test func symptomsAndRedFlags() throws {
        #expect(Set(shipped.symptoms.map(\.area)).count >= 6)
        #expect(shipped.redFlags.count >= 9)
        #expect(shipped.redFlags.contains { $0.action == .emergency && $0.area == "head" })
        func flag(_ id: String) throws -> RedFlag { try #require(shipped.redFlags.first { $0.id == id }, "\(id)") }
        let rhabdo = try flag("muscle-dark-urine")
        #expect(rhabdo.reason == "muscle breakdown (rhabdomyolysis)" && rhabdo.action == .urgent && rhabdo.source == "niosh-rhabdo")
        // The leg row is split (nhs-dvt): a one-sided calf is urgent, breathlessness or chest pain an emergency.
        let calf = try flag("leg-calf-swelling")
        #expect(calf.action == .urgent && calf.reason == "a blood clot in the leg" && calf.source == "nhs-dvt")
        let lung = try flag("leg-breathless")
        #expect(lung.action == .emergency && lung.reason == "a blood clot in the lung" && lung.source == "nhs-dvt")
        #expect(lung.symptom.contains("pain or swelling"))
        let tooMuch = try flag("too-much-magnesium")
        #expect(tooMuch.action == .emergency && tooMuch.source == "ods-mg" && tooMuch.firstStep == "Stop taking magnesium.")
        for id in ["head-pattern-change", "head-weak-immunity"] { #expect(try flag(id).action == .soon) }
        #expect(try flag("back-lump").action == .urgent)
        // Any one of these signs is enough: "or", never "and".
        #expect(try flag("back-night-pain").symptom.contains("at night, or"))
    }

    /// The tingling explanation sends both legs to emergency care, as the back red flag does.
    @Test func tinglingInBothLegsIsAnEmergency() throws {
        let tingling = try #require(shipped.symptoms.first { $0.id == "tingling-numbness" })
        let sentence = try #require(Catalogue.sentences(tingling.explanation).first { $0.contains("both legs") })
        #expect(sentence.contains("emergency") && !sentence.contains("see a doctor"))
        #expect(shipped.redFlagWordingProblems(in: tingling.explanation).isEmpty)
    }

    @Test func symptomsLinkToTheirEvidence() throws {
        let evidence = Dictionary(uniqueKeysWithValues: shipped.reference.evidence.map { ($0.id, $0) })
        let cramps = try #require(shipped.symptoms.first { $0.id == "cramps" })
        #expect(cramps.evidence == ["cramps-older", "cramps-pregnancy", "cramps-exercise"])
        let migraine = try #require(shipped.symptoms.first { $0.id == "migraine" })
        #expect(migraine.evidence.map { $0.compactMap { evidence[$0]?.sourceGrade } } == ["probably effective (level B)"])
        for s in shipped.symptoms {
            for id in s.evidence ?? [] { #expect(evidence[id] != nil, "\(s.id) -> \(id)") }
        }
        // The guides' wider claims are labelled plausible, never stronger.
        for id in ["soreness", "nerve-compression", "trigger-points", "back-stiffness"] {
            #expect(evidence[id]?.strength == .plausible, "\(id)")
        }
    }

    @Test func breathingPatternsMatchDomain() throws {
        let expected: [(String, [Double], PracticeDose.Unit, Int, Int)] = [
            ("diaphragmatic", [4, 0, 6, 0], .minutes, 5, 10), ("box", [4, 4, 4, 4], .minutes, 3, 5),
            ("4-7-8", [4, 7, 8, 0], .cycles, 4, 4), ("coherent", [5.5, 0, 5.5, 0], .minutes, 10, 20),
            ("nadi-shodhana", [4, 0, 4, 0], .cycles, 5, 10), ("bhramari", [4, 0, 8, 0], .cycles, 5, 5),
            ("ujjayi", [5, 0, 5, 0], .cycles, 10, 10),
        ]
        #expect(shipped.breathing.map(\.id) == expected.map(\.0))
        for (id, timing, unit, lo, hi) in expected {
            let p = try #require(shipped.breathing.first { $0.id == id })
            #expect([p.inhale, p.holdIn, p.exhale, p.holdOut] == timing, "\(id)")
            #expect(p.dose.unit == unit && p.dose.min == lo && p.dose.max == hi, "\(id) dose")
            #expect(p.cautions.contains { $0.lowercased().contains("dizzy or light-headed") }, "\(id) caution")
            #expect(p.alternateNostril == (id == "nadi-shodhana"))
        }
        #expect(try #require(shipped.breathing.first { $0.id == "4-7-8" }).dose.maxAfterFirstMonth == 8)
        #expect(try #require(shipped.breathing.first { $0.id == "coherent" }).breathSeconds == 11)
    }

    /// The guides name no poses and not box, Bhramari or Ujjayi: those cite teaching practice.
    @Test func guidesAreCitedOnlyForWhatTheySay() {
        for id in ["box", "bhramari", "ujjayi"] {
            #expect(shipped.breathing.first { $0.id == id }?.source == "teaching-convention", "\(id)")
        }
        for pose in shipped.yoga { #expect(["teaching-convention", "acsm-stretch"].contains(pose.source), "\(pose.id)") }
        let texts = shipped.breathing.compactMap(\.timingNote) + shipped.plans.map(\.summary)
        for text in texts { #expect(!text.contains("project's"), "\(text)") }
        let glycinate = shipped.forms.first { $0.id == "glycinate" }
        #expect(glycinate?.gutEffects.lowercased().contains("gentle") == false)
    }

    @Test func yogaPosesHaveStepsAndCautions() {
        for pose in shipped.yoga {
            #expect(!pose.steps.isEmpty && !pose.cautions.isEmpty, "\(pose.id)")
        }
        let stretches = shipped.yoga.filter { $0.source == "acsm-stretch" }
        #expect(stretches.count >= 3)
        for s in stretches { #expect(s.hold.contains("10–30 s"), "\(s.id)") }
    }

    // MARK: Plans

    @Test func everyGoalHasAFourWeekPlan() throws {
        for goal in Goal.allCases {
            let plan = try #require(shipped.plan(for: goal))
            #expect(plan.weeks.map(\.week) == [1, 2, 3, 4])
            let ids = plan.weeks.flatMap(\.tasks).map(\.id)
            #expect(Set(ids).count == ids.count, "\(goal) task ids")
            for week in plan.weeks {
                #expect(week.tasks.contains { $0.kind == .magnesium }, "\(goal) week \(week.week) magnesium")
                if week.week >= 2 {
                    #expect(week.tasks.contains { $0.kind == .stretching }, "\(goal) week \(week.week) stretching")
                }
                if week.week >= 3 {
                    #expect(week.tasks.contains { $0.kind == .breathing }, "\(goal) week \(week.week) breathing")
                    #expect(week.tasks.contains { $0.kind == .yoga }, "\(goal) week \(week.week) yoga")
                }
            }
            #expect(plan.expectation.claim.contains("2–4 weeks"))
        }
        // Only the guides on soreness and on tension around nerves give week outlines.
        for plan in shipped.plans {
            switch plan.goal {
            case .soreness: #expect(plan.source == "seeds" && plan.guide == "soreness and recovery")
            case .nerveTension: #expect(plan.source == "seeds" && plan.guide == "tension around nerves")
            default: #expect(plan.source == "app-plan" && plan.guide == nil && plan.summary.contains("adaptation"), "\(plan.goal)")
            }
            #expect(plan.expectation.guide == "tension around nerves", "\(plan.goal): the expectation is that guide's claim")
        }
        let soreness = try #require(shipped.plan(for: .soreness))
        for week in soreness.weeks where week.week >= 3 {
            for kind in [TaskKind.sleep, .stress] { #expect(week.tasks.contains { $0.kind == kind }, "week \(week.week) \(kind)") }
            let partners = week.tasks.filter { $0.kind == .partners }.map(\.detail).joined()
            for nutrient in ["vitamin", "B6", "potassium"] { #expect(!partners.contains(nutrient)) }
        }
        let back = try #require(shipped.plan(for: .backStiffness))
        #expect(back.weeks[0].tasks.contains { $0.kind == .posture })
        #expect(back.weeks[3].tasks.contains { $0.kind == .movement })
    }

    /// No magnesium task may name a dose above the 350 mg supplement limit.
    @Test func magnesiumTasksStayWithinTheUpperLimit() throws {
        let limit = try #require(shipped.reference.adultSupplementUpperLimitMg)
        for plan in shipped.plans {
            for task in plan.weeks.flatMap(\.tasks) where task.kind == .magnesium {
                for amount in Self.milligramAmounts(in: task.title + " " + task.detail) {
                    #expect(amount <= limit, "\(plan.goal) \(task.id): \(amount) mg")
                }
                #expect(task.detail.contains("\(limit) mg"), "\(task.id) states the limit")
                // Every week, not only the first, names the lower limits for children and kidney disease.
                for child in [1, 4].compactMap({ shipped.reference.supplementUpperLimitMg(ageYears: $0) }) {
                    #expect(task.detail.contains("\(child) mg"), "\(plan.goal) \(task.id): \(child) mg")
                }
                #expect(task.detail.contains("Kidney disease: no supplements"), "\(plan.goal) \(task.id)")
            }
        }
    }

    /// Numbers written just before "mg" (e.g. "350 mg", "200–400 mg" gives 200 and 400).
    static func milligramAmounts(in text: String) -> [Int] {
        var amounts: [Int] = []
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        for (i, word) in words.enumerated() where word.hasPrefix("mg") && i > 0 {
            let numbers = words[i - 1].split { !$0.isNumber }.compactMap { Int($0) }
            amounts += numbers
        }
        return amounts
    }
}
