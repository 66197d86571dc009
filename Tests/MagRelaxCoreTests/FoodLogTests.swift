import PropertyBased
import Testing

@testable import MagRelaxCore

/// Logging food and supplements: amounts, the figures an entry keeps, elemental conversion, the
/// person's cautions, custom foods, the short list and the nearest names.
@Suite("Logging food and supplements")
struct FoodLogTests {
    let day = CalendarDay(iso: "2026-11-23")!

    func food(_ id: String) -> Food { shipped.foods.first { $0.id == id }! }
    func form(_ id: String) -> SupplementForm { shipped.forms.first { $0.id == id }! }

    @Test func servingsInHalvesAndGramsBecomeAnEntryWithItsFigures() throws {
        let pumpkin = food("pumpkin_seeds_roasted")  // 1 oz = 28.35 g, 550 mg per 100 g, 156 mg a serving
        let two = try FoodLog.entry(pumpkin, .servings(2), day: day).get()
        #expect(two.id == JournalEntry.newID && two.day == day)
        #expect(two.kind == .food(FoodServing(foodID: pumpkin.id, servings: 2, grams: 56.7, mg: 312, unit: .servings)))
        let grams = try FoodLog.entry(pumpkin, .grams(100), day: day).get()
        guard case .food(let f) = grams.kind else { Issue.record("not food"); return }
        #expect(f.unit == .grams && f.grams == 100 && f.mg == 550)
        #expect(abs(f.servings - 100 / 28.35) < 1e-9)
        #expect(f.amount == .grams(100))
    }

    @Test(arguments: [
        ("0", FoodUnit.servings), ("0.25", .servings), ("1.3", .servings), ("51", .servings), ("x", .servings),
        ("", .servings), ("0.5", .grams), ("5001", .grams), ("nan", .grams), ("-2", .grams),
    ])
    func badAmountsAreRefusedWithAMessage(text: String, unit: FoodUnit) {
        let result = FoodLog.amount(text, unit: unit, of: food("banana"))
        guard case .failure(let error) = result else {
            Issue.record("\(text) \(unit) was accepted")
            return
        }
        #expect(error.description.hasPrefix(unit == .servings ? "Servings must be a number from 0.5 to 50, in halves" : "Grams must be a number from 1 to 5000"))
    }

    @Test func aFoodWithoutAWeightTakesServingsOnly() throws {
        let cereal = food("fortified_cereal_10dv")
        #expect(!cereal.takesGrams)
        #expect(FoodLog.amount("40", unit: .grams, of: cereal) == .failure(.gramsNotKnown(food: cereal.name)))
        let entry = try FoodLog.entry(cereal, .servings(1.5), day: day).get()
        #expect(entry.kind == .food(FoodServing(foodID: cereal.id, servings: 1.5, grams: nil, mg: 63)))
    }

    @Test func anEntryKeepsItsFiguresWhenItsFoodChangesOrGoes() throws {
        let mine = Food(id: "bar", name: "Seed bar", category: .seedsAndNuts, serving: "1 bar", servingGrams: 40,
                        mgPer100g: 100, kcalPer100g: nil, ndb: nil, source: CustomFoodInput.source)
        let entry = try FoodLog.entry(mine, .servings(2), day: day).get()
        guard case .food(let logged) = entry.kind else { return }
        var changed = mine
        changed.mgPer100g = 10
        let edited = Library(catalogue: shipped, journal: Journal(customFoods: [changed]))
        let removed = Library(catalogue: shipped, journal: Journal())
        #expect(logged.magnesiumMg(in: edited) == 80)
        #expect(logged.magnesiumMg(in: removed) == 80)
        // An older entry without kept figures is worked out from the food as it is now.
        let old = FoodServing(foodID: "bar", servings: 2)
        #expect(old.magnesiumMg(in: edited) == 8)
        #expect(old.magnesiumMg(in: removed) == nil)
        // Changing the amount of a removed food scales what was kept.
        let three = logged.changed(to: .servings(3), food: nil)
        #expect(three == FoodServing(foodID: "bar", servings: 3, grams: 120, mg: 120))
        #expect(logged.changed(to: .grams(20), food: nil) == FoodServing(foodID: "bar", servings: 0.5, grams: 20, mg: 20, unit: .grams))
        #expect(logged.changed(to: .servings(1), food: changed).mg == 4)
    }

    /// DOMAIN.md's elemental shares (form-chem): compound mg × share / 100 and back, for every form.
    @Test(arguments: [
        ("oxide", 60.3), ("hydroxide", 41.7), ("carbonate", 28.8), ("chloride", 25.5), ("chloride-hexahydrate", 12.0),
        ("sulfate", 20.2), ("sulfate-heptahydrate", 9.9), ("citrate", 16.2), ("citrate-1-1", 11.3), ("malate", 15.5),
        ("glycinate", 14.1), ("lactate", 12.0), ("taurate", 8.9), ("aspartate", 8.4), ("threonate", 8.3),
        ("orotate", 7.2), ("gluconate", 5.9),
    ])
    func elementalConversionBothWays(id: String, percent: Double) throws {
        let form = form(id)
        #expect(form.elementalPercent == percent)
        #expect(abs(form.elementalMg(compoundMg: 1000) - percent * 10) < 1e-9)
        #expect(abs(try #require(form.compoundMg(elementalMg: percent * 10)) - 1000) < 1e-9)
        if form.topical {
            #expect(SupplementLog.dose(form, .elemental(100)) == .failure(.topical(form: form.name)))
            return
        }
        let byCompound = try SupplementLog.dose(form, .compound(1000)).get()
        #expect(abs(byCompound.elementalMg - percent * 10) < 1e-9 && byCompound.compoundMg == 1000)
        let byElemental = try SupplementLog.dose(form, .elemental(200)).get()
        #expect(byElemental == SupplementDose(formID: id, elementalMg: 200))
        let compound = try #require(form.compoundMg(elementalMg: 200))
        #expect(form.bothWays(elementalMg: 200) == "200 mg elemental (\(Int(compound.rounded())) mg of compound)")
    }

    @Test func doseConversionIsExactBothWaysForAnyWeight() async {
        let forms = shipped.forms.filter { !$0.topical }
        await propertyCheck(input: Gen.int(in: 0...(forms.count - 1)), Gen.double(in: 1...10_000)) { i, mg in
            let form = forms[i]
            let dose = try SupplementLog.dose(form, .compound(mg)).get()
            #expect(abs(try #require(form.compoundMg(elementalMg: dose.elementalMg)) - mg) < 1e-6)
        }
    }

    @Test func supplementDosesTypedAreChecked() {
        #expect(SupplementLog.amount(" 200 ", compound: false) == .success(.elemental(200)))
        #expect(SupplementLog.amount("1500", compound: true) == .success(.compound(1500)))
        for bad in ["", "0", "abc", "10001", "-5"] {
            #expect(SupplementLog.amount(bad, compound: false) == .failure(bad == "" || bad == "abc" ? .notANumber : .outOfRange))
        }
        #expect(SupplementLogError.outOfRange.description == "The dose must be a number of mg from 1 to 10000.")
    }

    @Test func theProfilesSupplementIsItsFormAtItsDose() throws {
        var p = Profile(ageYears: 35, sex: .female, goal: .soreness, planStart: day, supplementFormID: "glycinate", doseMg: 200)
        let dose = try #require(SupplementLog.profileDose(p, catalogue: shipped))
        #expect(dose.form.id == "glycinate" && dose.amount == .elemental(200))
        p.doseMg = 0
        #expect(SupplementLog.profileDose(p, catalogue: shipped) == nil)
        #expect(SupplementLog.profileDose(nil, catalogue: shipped) == nil)
    }

    @Test func cautionsComeFromTheProfileAndRecentRedFlags() throws {
        let p = Profile(ageYears: 35, sex: .female, lifeStage: .pregnant, kidneyDisease: true,
                        medicines: [.tetracyclineOrQuinolone, .bisphosphonate], goal: .soreness, planStart: day)
        let flag = JournalEntry(id: "r", day: day.adding(days: -13), kind: .redFlag("leg-breathless"))
        let cautions = SupplementCautions.list(profile: p, journal: Journal(entries: [flag]), today: day, catalogue: shipped)
        #expect(cautions.map(\.kind) == [
            .redFlag(RecordedRedFlag(entryID: "r", day: flag.day, flagID: "leg-breathless")), .kidneyDisease, .pregnancy,
            .medicine(.bisphosphonate), .medicine(.tetracyclineOrQuinolone),
        ])
        #expect(cautions[0].holdsSuggestions && cautions[1].holdsSuggestions)
        #expect(cautions[1].text.contains("ask your doctor first"))
        #expect(cautions[2].text == "Pregnancy: ask your clinician before taking supplements; the supplement limit stays 350 mg/day.")
        #expect(cautions[3].text.contains("at least 2 hours apart"))
        #expect(cautions[4].text.contains("2 hours before or 4–6 hours after"))
        // Fourteen days on, the red flag no longer holds; a clinician's direction lifts the kidney hold.
        var directed = p
        directed.clinicianDirectedDose = true
        let later = SupplementCautions.list(profile: directed, journal: Journal(entries: [flag]), today: day.adding(days: 1), catalogue: shipped)
        #expect(!later.contains { $0.holdsSuggestions })
        #expect(SupplementCautions.list(profile: nil, journal: Journal(), today: day, catalogue: shipped).isEmpty)
    }

    // MARK: Foods of the person's own

    @Test func aCustomFoodFromItsLabel() throws {
        let perServing = CustomFoodInput(name: " Seed bar ", serving: "1 bar", grams: "40", magnesium: "60", category: .seedsAndNuts)
        let food = try perServing.food(id: JournalEntry.newID, existing: []).get()
        #expect(food.name == "Seed bar" && food.servingGrams == 40 && food.mgPer100g == 150 && food.mgPerServing == 60)
        #expect(food.isCustom && food.labelMgPerServing == 60)
        #expect(CustomFoodInput(editing: food) == CustomFoodInput(name: "Seed bar", serving: "1 bar", grams: "40", magnesium: "60", category: .seedsAndNuts))
        var per100 = perServing
        per100.per100g = true
        per100.magnesium = "150"
        let same = try per100.food(id: "x", existing: []).get()
        #expect(same.mgPerServing == 60 && same.labelMgPerServing == nil)
        #expect(CustomFoodInput(editing: same).per100g && CustomFoodInput(editing: same).magnesium == "150")
    }

    @Test(arguments: [
        (CustomFoodField.name, "", "Name the food (up to 40 characters)."),
        (.name, String(repeating: "a", count: 41), "Name the food (up to 40 characters)."),
        (.name, "seed BAR", "You already have a food called seed BAR."),
        (.serving, " ", "Say what one serving is, as the label does, e.g. 1 bar (up to 24 characters)."),
        (.grams, "0", "Grams per serving must be a number from 1 to 5000, as on the label."),
        (.grams, "forty", "Grams per serving must be a number from 1 to 5000, as on the label."),
        (.magnesium, "-1", "Magnesium must be a number of mg, 0 or more, as on the label."),
        (.magnesium, "40001", "That is more magnesium than the food weighs: check the number and its unit (mg)."),
    ])
    func eachBadFieldHasItsMessage(field: CustomFoodField, text: String, message: String) {
        var input = CustomFoodInput(name: "Oat bar", serving: "1 bar", grams: "40", magnesium: "60")
        switch field {
        case .name: input.name = text
        case .serving: input.serving = text
        case .grams: input.grams = text
        case .magnesium: input.magnesium = text
        case .category: break
        }
        let other = Food(id: "o", name: "Seed bar", category: .seedsAndNuts, serving: "1", servingGrams: 1, mgPer100g: 1,
                         kcalPer100g: nil, ndb: nil, source: CustomFoodInput.source)
        #expect(input.problems(others: [other]) == [CustomFoodProblem(field, message)])
        #expect(input.food(id: JournalEntry.newID, existing: [other]) == .failure(CustomFoodProblems(problems: [CustomFoodProblem(field, message)])))
        // Changing the food keeps its own name free.
        if field == .name, text == "seed BAR" { #expect(input.problems(others: []).isEmpty) }
    }

    // MARK: Choosing

    @Test func theShortListHasFavouritesThenRecentFoods() {
        let entries = [
            JournalEntry(id: "1", day: day.adding(days: -70), kind: .food(FoodServing(foodID: "walnuts", servings: 1))),
            JournalEntry(id: "2", day: day.adding(days: -3), kind: .food(FoodServing(foodID: "banana", servings: 1))),
            JournalEntry(id: "3", day: day.adding(days: -2), kind: .food(FoodServing(foodID: "spinach_boiled", servings: 1))),
            JournalEntry(id: "4", day: day.adding(days: -1), kind: .food(FoodServing(foodID: "banana", servings: 2))),
            JournalEntry(id: "5", day: day, kind: .food(FoodServing(foodID: "gone", servings: 1))),
            JournalEntry(id: "6", day: day, kind: .food(FoodServing(foodID: "apple", servings: 1))),
        ]
        let journal = Journal(entries: entries, foodMarks: ["chia_seeds": .favourite, "almonds_raw": .favourite, "apple": .notForMe])
        let library = Library(catalogue: shipped, journal: journal)
        let ids = QuickFoods.list(journal: journal, library: library, through: day).map(\.id)
        #expect(ids == ["almonds_raw", "chia_seeds", "banana", "spinach_boiled"])
        #expect(QuickFoods.list(journal: journal, library: library, through: day, count: 3).count == 3)
    }

    @Test func nearestNamesForAMistypedID() {
        let foods = shipped.foods.map { (id: $0.id, name: $0.name) }
        #expect(Set(NearestMatch.ids("pumpkin", in: foods).prefix(2)) == ["pumpkin_seeds_roasted", "pumpkin_seeds_raw"])
        #expect(NearestMatch.ids("bananna", in: foods).first == "banana")
        let forms = shipped.forms.map { (id: $0.id, name: $0.name) }
        #expect(NearestMatch.ids("glycinat", in: forms).first == "glycinate")
        #expect(NearestMatch.ids("magnesium citrate", in: forms).contains("citrate"))
        #expect(NearestMatch.ids("zzz", in: forms, limit: 2).count == 2)
    }
}
