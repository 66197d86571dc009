import PropertyBased
import Testing

@testable import MagRelaxCore

/// A day's magnesium: food and supplements apart, against the person's RDA and supplement limit;
/// the limit warning and the clinician's override; "fill the gap"; means over a run of days.
@Suite("The day's magnesium")
struct DayMagnesiumTests {
    let day = CalendarDay(iso: "2026-11-23")!

    func person(_ age: Int, _ sex: Sex, _ stage: LifeStage = .none, clinician: Bool = false) -> Profile {
        Profile(ageYears: age, sex: sex, lifeStage: stage, goal: .soreness, planStart: day, clinicianDirectedDose: clinician)
    }

    func food(_ id: String, _ servings: Double, on day: CalendarDay? = nil, mg: Double? = nil) -> JournalEntry {
        JournalEntry(id: "f\(id)\(servings)\(day?.description ?? "")", day: day ?? self.day,
                     kind: .food(FoodServing(foodID: id, servings: servings, mg: mg)))
    }

    func supplement(_ mg: Double, on day: CalendarDay? = nil) -> JournalEntry {
        JournalEntry(id: "s\(mg)\(day?.description ?? "")", day: day ?? self.day,
                     kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: mg)))
    }

    @Test func foodAndSupplementsAreTotalledApart() throws {
        let journal = Journal(entries: [
            food("pumpkin_seeds_roasted", 2), supplement(200), food("banana", 1),
            food("gone", 1), JournalEntry(id: "n", day: day, kind: .note("tired")),
            food("banana", 1, on: day.adding(days: -1)),
        ])
        let d = DayMagnesium(day: day, journal: journal, catalogue: shipped, profile: person(35, .female))
        #expect(d.items.map(\.name) == ["Pumpkin seeds, roasted", "Magnesium glycinate / bisglycinate", "Banana", LoggedMagnesium.removedFoodName])
        #expect(d.foodMg == 312 + 32 && d.supplementMg == 200 && d.totalMg == 544)
        #expect(d.unknownCount == 1)
        #expect(d.need?.mg == 320 && d.gapMg == 0)
        #expect(d.supplements.limit?.mg == 350 && !d.supplements.isOver && d.supplements.warning == nil)
        #expect(abs(try #require(d.percentOfNeed) - 170) < 1)
        let empty = DayMagnesium(day: day.adding(days: 1), journal: journal, catalogue: shipped, profile: nil)
        #expect(empty.items.isEmpty && empty.totalMg == 0 && empty.need == nil && empty.gapMg == nil)
        #expect(empty.supplements.limit?.mg == 350, "without a profile, adults' limit")
    }

    /// The day is held against the person's own RDA (by age, sex, pregnancy and breastfeeding) and
    /// their own supplement limit (by age).
    @Test(arguments: [
        (2, Sex.male, LifeStage.none, 80, 65), (6, .female, .none, 130, 110), (10, .male, .none, 240, 350),
        (16, .male, .none, 410, 350), (16, .female, .none, 360, 350), (16, .female, .pregnant, 400, 350),
        (17, .female, .lactating, 360, 350), (25, .male, .none, 400, 350), (25, .female, .none, 310, 350),
        (25, .female, .pregnant, 350, 350), (25, .female, .lactating, 310, 350), (40, .male, .none, 420, 350),
        (40, .female, .none, 320, 350), (40, .female, .pregnant, 360, 350), (40, .female, .lactating, 320, 350),
        (70, .female, .none, 320, 350), (70, .male, .none, 420, 350),
    ])
    func thePersonsOwnRDAAndLimit(age: Int, sex: Sex, stage: LifeStage, rda: Int, limit: Int) {
        let journal = Journal(entries: [supplement(100)])
        let d = DayMagnesium(day: day, journal: journal, catalogue: shipped, profile: person(age, sex, stage))
        #expect(d.need?.mg == rda && d.supplements.limit?.mg == limit)
        #expect(d.gapMg == max(0, Double(rda) - 100))
        // 100 mg passes only the 65 mg limit of ages 1–3.
        #expect(d.supplements.isOver == (limit < 100))
    }

    @Test func pastTheLimitWarnsWithTheReasonUnlessAClinicianDirectedIt() throws {
        let journal = Journal(entries: [supplement(200), supplement(200), food("hemp_seeds_hulled", 3)])
        let d = DayMagnesium(day: day, journal: journal, catalogue: shipped, profile: person(35, .female))
        #expect(d.supplementMg == 400 && d.foodMg == 630)
        #expect(d.supplements.isOver && d.supplements.warns)
        #expect(d.supplements.warning == "Supplements: 400 mg, above your upper limit of 350 mg/day for supplements "
            + "(everyone aged 9 and over). Diarrhoea is the first sign of too much: take less, or stop and ask a clinician. "
            + "Food never counts toward this limit.")
        let directed = DayMagnesium(day: day, journal: journal, catalogue: shipped, profile: person(35, .female, clinician: true))
        #expect(directed.supplements.isOver && !directed.supplements.warns)
        #expect(try #require(directed.supplements.warning).contains("a clinician directed your dose"))
        // Food alone never passes the limit, however much.
        let food = DayMagnesium(day: day, journal: Journal(entries: [food("hemp_seeds_hulled", 20)]), catalogue: shipped,
                                profile: person(6, .male))
        #expect(food.foodMg > 350 && !food.supplements.isOver)
        // A child's limit is their own: 65 mg at 1–3.
        let child = DayMagnesium(day: day, journal: Journal(entries: [supplement(70)]), catalogue: shipped, profile: person(2, .female))
        #expect(try #require(child.supplements.warning).contains("above your upper limit of 65 mg/day for supplements (ages 1-3)"))
        let none = SupplementCheck(supplementMg: 10, limit: nil, clinicianDirected: true)
        #expect(none.isOver && none.warns && none.warning == "Supplements: 10 mg. No upper limit is set at this age: no supplements.")
    }

    @Test func fillTheGapSuggestsFoodsThatCloseItBestFirst() throws {
        let foods = shipped.foods
        let plan = FillTheGap.plan(gapMg: 100, foods: foods, marks: [:])
        #expect(plan.closes && plan.suggestions.count == FillTheGap.count)
        #expect(plan.suggestions.allSatisfy { $0.servings == 1 && $0.mg >= 100 })
        let mgs = plan.suggestions.map(\.mg)
        #expect(mgs == mgs.sorted(), "the smallest amount that closes it first")
        let smallest = try #require(foods.compactMap(\.mgPerServing).filter { $0 >= 100 }.min())
        #expect(mgs.first == smallest)
        // Marked "not for me": never suggested.
        let first = plan.suggestions[0].food.id
        let marked = FillTheGap.plan(gapMg: 100, foods: foods, marks: [first: .notForMe])
        #expect(!marked.suggestions.contains { $0.food.id == first })
        // Two servings when one is not enough for any food; the rest.
        let big = try #require(foods.compactMap(\.mgPerServing).max())
        let two = FillTheGap.plan(gapMg: big + 1, foods: foods, marks: [:])
        #expect(two.closes && two.suggestions.allSatisfy { $0.servings == 2 && $0.mg >= big + 1 })
        // Beyond two servings of anything: the foods that come closest, and it says it does not close.
        let far = FillTheGap.plan(gapMg: big * 2 + 1, foods: foods, marks: [:])
        #expect(!far.closes && far.suggestions.first?.mg == big * 2)
        #expect(FillTheGap.plan(gapMg: 0, foods: foods, marks: [:]).suggestions.isEmpty)
    }

    @Test func everySuggestionClosesTheGapInOneOrTwoServings() async {
        let foods = shipped.foods
        await propertyCheck(input: Gen.double(in: 1...400)) { gap in
            let plan = FillTheGap.plan(gapMg: gap, foods: foods, marks: [:])
            #expect(plan.closes)
            for s in plan.suggestions {
                #expect((1...2).contains(s.servings) && s.mg >= gap)
                if s.servings == 2 { #expect(s.mg / 2 < gap, "one serving would not do") }
            }
        }
    }

    @Test func theDaysOfARangeAndTheirMean() throws {
        let first = day.adding(days: -13)
        let journal = Journal(entries: [
            food("banana", 1, on: first), supplement(100, on: first),
            food("banana", 2, on: day.adding(days: -5)),
            supplement(300, on: day),
            food("banana", 10, on: day.adding(days: -14)),
        ])
        let days = MagnesiumHistory.days(journal: journal, catalogue: shipped, from: first, through: day)
        #expect(days.count == 14 && days.first?.day == first && days.last?.day == day)
        #expect(days.filter(\.logged).map(\.totalMg) == [132, 64, 300])
        let mean = try #require(MagnesiumHistory.mean(journal: journal, catalogue: shipped, from: first, through: day))
        #expect(mean == MagnesiumMean(foodMg: 32, supplementMg: 400.0 / 3, loggedDays: 3, days: 14))
        #expect(MagnesiumHistory.mean(journal: journal, catalogue: shipped, from: day.adding(days: -4), through: day.adding(days: -1)) == nil)
        #expect(MagnesiumHistory.days(journal: journal, catalogue: shipped, from: day, through: first).isEmpty)
    }

    @Test func marksOnFoodsAreKeptAndClearedWithTheFood() throws {
        var journal = Journal(customFoods: [
            Food(id: "bar", name: "Bar", category: .sweets, serving: "1", servingGrams: 40, mgPer100g: 10, kcalPer100g: nil,
                 ndb: nil, source: CustomFoodInput.source),
        ])
        let touch = try journal.apply([.markFood(id: "banana", .favourite), .markFood(id: "bar", .notForMe)])
        #expect(touch == JournalTouch(custom: true))
        #expect(journal.foodMarks == ["banana": .favourite, "bar": .notForMe])
        try journal.apply(.markFood(id: "banana", nil))
        try journal.apply(.removeCustomFood(id: "bar"))
        #expect(journal.foodMarks.isEmpty)
        #expect(throws: JournalChangeError.emptyFoodID) { try journal.apply(.markFood(id: "", .favourite)) }
    }
}
