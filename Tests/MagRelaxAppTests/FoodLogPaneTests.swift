import CustomDump
import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Logging in the Food pane: adding, changing and removing entries, the profile's supplement in one
/// key, doses of any form, favourites and recent foods, foods of one's own. Each states the change.
@Suite struct FoodLogPaneTests {
    typealias F = FoodLogFixture
    let today = FoodLogFixture.today

    @Test func theFoodPaneOpensOnTheDay() throws {
        let state = try F.state()
        #expect(state.food.shown == .day && state.food.showsDays)
        #expect(view(state).lines[2].hasSuffix("Mon 23 Nov (today)"))
        #expect(view(state).text.contains("Nothing logged. a adds a food, m your"))
    }

    @Test func addingTwoServingsFromTheListShowsTheMgBeforeEnterAndRecordsTheFigures() throws {
        var state = try F.state()
        press([.char("/")] + typed("pumpkin seeds, roasted") + [.enter, .char("a")], &state)
        #expect(state.food.prompt == .amount(AmountPrompt(adding: try #require(state.catalogue.foods.first { $0.id == "pumpkin_seeds_roasted" }))))
        #expect(view(state).text.contains("Amount  1_       serving  = 156 mg (28 g)"))
        press([.backspace, .char("2")], &state)
        #expect(view(state).text.contains("= 312 mg (57 g)"), "the mg before Enter")
        let before = state
        let effects = press([.enter], &state)

        let entry = JournalEntry(
            id: F.newIDs(1)[0], day: today, time: F.noon,
            kind: .food(FoodServing(foodID: "pumpkin_seeds_roasted", servings: 2, grams: 56.7, mg: 312)))
        var expected = before
        expected.food.prompt = nil
        expected.journal = Journal(entries: [entry])
        expected.ids = state.ids
        #expect(state.journalAfterFailedSave == before.journal)
        expected.storage.awaiting = state.storage.awaiting
        expectNoDifference(state, expected)
        #expect(effects == [.saveJournal(expected.journal, touched: JournalTouch(months: ["2026-11"]))])
        // The log under the list shows it at once, with the day's total.
        let screen = view(state).text
        #expect(screen.contains("Mon 23 Nov (today): 312 mg · 98% of RDA 320 · supplements 0/350 mg"))
        #expect(screen.contains("Pumpkin seeds, roasted") && screen.contains("2 × 1 oz"))
    }

    @Test func gramsAndBadAmounts() throws {
        var state = try F.state()
        press([.char("a")], &state)
        state.selectFood("banana")
        press([.char("a"), .tab], &state)
        guard case .amount(let p)? = state.food.prompt else { throw PromptMissing() }
        #expect(p.unit == .grams && p.field.text == "118")
        press([.up], &state)
        #expect(view(state).text.contains("= 35 mg"), "128 g of banana")
        press([.ctrl("u")] + typed("0.2"), &state)
        #expect(view(state).text.contains("Grams must be a number from 1 to 5000."))
        #expect(press([.enter], &state) == [.bell(count: 1)], "nothing recorded")
        #expect(state.journal.entries.isEmpty)
        press([.tab, .ctrl("u")] + typed("1.3"), &state)
        #expect(view(state).text.contains("Servings must be a number from 0.5 to 50, in halves"))
        press([.escape], &state)
        #expect(state.food.prompt == nil && state.journal.entries.isEmpty)
        // A food with no serving weight takes servings only.
        state.selectFood("fortified_cereal_10dv")
        #expect(press([.char("a"), .tab], &state) == [.bell(count: 1)])
    }

    @Test func changingAndRemovingAnEntry() throws {
        var state = try F.state(entries: [F.food("e1", "pumpkin_seeds_roasted", servings: 2, mg: 312, grams: 56.7)])
        press([.enter], &state)
        guard case .amount(let p)? = state.food.prompt else { throw PromptMissing() }
        #expect(p.field.text == "2" && p.entry?.id == "e1")
        press([.tab, .enter], &state)
        let changed = JournalEntry(
            id: "e1", day: today, kind: .food(FoodServing(foodID: "pumpkin_seeds_roasted", servings: 57 / 28.35, grams: 57,
                                                          mg: 57 * 550.0 / 100, unit: .grams)))
        expectNoDifference(state.journal.entries, [changed])
        #expect(view(state).text.contains("57 g"))

        press([.char("x")], &state)
        #expect(state.food.prompt == .confirm(.entry(id: "e1", what: "Pumpkin seeds, roasted")))
        #expect(view(state).text.contains("Remove Pumpkin seeds, roasted from the log? y removes it, n keeps it."))
        press([.char("n")], &state)
        #expect(state.journal.entries == [changed] && state.food.prompt == nil)
        let effects = press([.delete, .char("y")], &state)
        #expect(state.journal.entries.isEmpty)
        #expect(effects == [.saveJournal(state.journal, touched: JournalTouch(months: ["2026-11"]))])
        #expect(press([.char("x")], &state) == [.bell(count: 1)], "nothing left to remove")
    }

    @Test func mLogsTheProfilesSupplementAndPastTheLimitTheDaySaysWhy() throws {
        var state = try F.state()
        press([.char("a")], &state)
        press([.char("m")], &state)
        let ids = F.newIDs(2)
        let first = JournalEntry(id: ids[0], day: today, time: F.noon,
                                 kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: 200)))
        expectNoDifference(state.journal.entries, [first])
        #expect(state.food.shown == .day, "the day shows, with its totals")
        #expect(!view(state).text.contains("above your upper limit"))
        press([.char("m")], &state)
        #expect(state.journal.entries.count == 2)
        let screen = view(state).text
        #expect(screen.contains("Supplements  400 mg"))
        #expect(screen.contains("Supplements: 400 mg, above your upper limit of 350 mg/day for supplements"))
        #expect(screen.contains("Diarrhoea is the first sign of too much"))
        // A clinician's direction turns the warning into a note of what to watch for.
        state.profile = F.profile(clinician: true)
        #expect(view(state).text.contains("clinician directed your dose"))
        #expect(!view(state).text.contains("Diarrhoea is the first sign"))
        // No supplement in the profile: nothing to log.
        state.profile?.supplementFormID = nil
        state.profile?.doseMg = 0
        #expect(press([.char("m")], &state) == [.bell(count: 1)])
    }

    @Test func aRedFlagHoldsTheSupplementSuggestionBack() throws {
        let flag = JournalEntry(id: "r", day: today.adding(days: -2), kind: .redFlag("leg-breathless"))
        let state = try F.state(entries: [flag])
        #expect(view(state).text.contains("Supplement suggestions"))
        #expect(!state.food.hints(context: state.context).contains { $0.key == "m" })
        let calm = try F.state()
        #expect(calm.food.hints(context: calm.context).contains(KeyHint("m", "your supplement")))
    }

    @Test func aDoseOfAnyFormInCompoundMgShowsBothWaysAndTheCautions() throws {
        var profile = F.profile()
        profile.kidneyDisease = true
        profile.medicines = [.bisphosphonate]
        var state = try F.state(entries: [F.supplement("s", 200)], profile: profile)
        press([.char("s")], &state)
        let citrate = try #require(state.food.items(state.context).items.firstIndex { $0.id == "citrate" })
        press(Array(repeating: .down, count: citrate) + [.char("a"), .tab] + typed("1000"), &state)
        let screen = view(state).text
        #expect(screen.contains("= 162 mg elemental (1000 mg of compound)"))
        #expect(screen.contains("Supplements: 362 mg, above your upper limit"))
        #expect(screen.contains("Kidney disease: Risk of magnesium toxicity"))
        press([.enter], &state)
        #expect(state.food.shown == .day)
        #expect(state.journal.entries.last?.kind == .supplement(SupplementDose(formID: "citrate", elementalMg: 162, compoundMg: 1000)))
        // Changing it: the prompt opens in compound mg.
        press([.end, .enter], &state)
        guard case .dose(let p)? = state.food.prompt else { throw PromptMissing() }
        #expect(p.compound && p.field.text == "1000")
        // A topical form is not a dose.
        press([.escape, .char("s"), .end, .char("a")], &state)
        #expect(state.food.prompt == nil)
    }

    /// ↑↓ and the unit switch keep the amount on its steps and inside its bounds, so the field never
    /// holds more than it takes (".000001" ↑ read "0.500001"; 9999999 servings in grams, "283500000").
    @Test func steppingAndSwitchingAnAmountStaysOnItsStepsAndBounds() throws {
        var state = try F.state()
        press([.char("a")], &state)
        state.selectFood("pumpkin_seeds_roasted")
        press([.char("a"), .ctrl("u")] + typed(".000001") + [.up], &state)
        guard case .amount(let servings)? = state.food.prompt else { throw PromptMissing() }
        #expect(servings.field.text == "0.5")
        press([.char("g"), .ctrl("u")] + typed(".000001") + [.up], &state)
        guard case .amount(let grams)? = state.food.prompt else { throw PromptMissing() }
        #expect(grams.unit == .grams && grams.field.text == "10")
        press([.ctrl("u")] + typed("9999999") + [.char("g")], &state)
        guard case .amount(let most)? = state.food.prompt else { throw PromptMissing() }
        #expect(most.unit == .servings && most.field.text == NumberText.plain(FoodLog.servingsRange.upperBound))
        press([.ctrl("u")] + typed("9999999") + [.char("g")], &state)
        guard case .amount(let heaviest)? = state.food.prompt else { throw PromptMissing() }
        #expect(heaviest.unit == .grams && heaviest.field.text == NumberText.plain(FoodLog.gramsRange.upperBound))
    }

    /// Elemental to compound mg keeps the dose inside its bounds and the field's six characters.
    @Test func switchingADoseToCompoundStaysInsideItsBounds() throws {
        var state = try F.state()
        press([.char("s")], &state)
        let citrate = try #require(state.food.items(state.context).items.firstIndex { $0.id == "citrate" })
        press(Array(repeating: .down, count: citrate) + [.char("a"), .ctrl("u")] + typed("999999") + [.tab], &state)
        guard case .dose(let dose)? = state.food.prompt else { throw PromptMissing() }
        #expect(dose.compound && dose.field.text == NumberText.plain(SupplementLog.mgRange.upperBound))
    }

    @Test func favouritesAndRecentFoodsComeFirstAndNotForMeIsNeverSuggested() throws {
        var state = try F.state(entries: [F.food("y", "chia_seeds", servings: 1, mg: 95, day: today.adding(days: -1))])
        press([.char("a")], &state)
        func quick() -> [String] {
            state.food.items(state.context).items.filter { $0.id.hasPrefix(FoodTable.quickPrefix) }.map { FoodTable.foodID(ofItem: $0.id) }
        }
        #expect(quick() == ["chia_seeds"])
        state.selectFood("banana")
        press([.char("f")], &state)
        #expect(state.journal.foodMarks == ["banana": .favourite])
        #expect(quick() == ["banana", "chia_seeds"])
        #expect(state.food.currentFood(state.context)?.id == "banana", "the selection stays on the food as the list above it grows")
        press([.home], &state)
        #expect(view(state).text.contains("Recent and favourites"))
        // Two keys to log a favourite: it is at the top.
        press([.home, .char("a"), .enter], &state)
        guard case .food(let f)? = state.journal.entries.last?.kind else { throw PromptMissing() }
        #expect(f.foodID == "banana" && f.servings == 1)
        // f again clears it; n marks "not for me": off the short list and out of "fill the gap".
        state.selectFood("banana")
        press([.char("f")], &state)
        #expect(state.journal.foodMarks.isEmpty)
        state.selectFood("chia_seeds")
        press([.char("n")], &state)
        #expect(state.journal.foodMarks == ["chia_seeds": .notForMe])
        #expect(quick() == ["banana"])
        let day = state.food.dayMagnesium(state.context)
        let plan = FillTheGap.plan(gapMg: try #require(day.gapMg), foods: state.catalogue.foods, marks: state.journal.foodMarks)
        #expect(!plan.suggestions.contains { $0.food.id == "chia_seeds" })
        // While a filter narrows the list, the short list steps aside.
        press([.char("/"), .char("b")], &state)
        #expect(quick().isEmpty)
    }

    @Test func aCategoryAtATime() throws {
        var state = try F.state()
        press([.char("a"), .char("c")], &state)
        #expect(state.food.category == FoodCategory.allCases.first)
        let ids = state.food.browser.visible(state.food.items(state.context)).map(\.id)
        #expect(!ids.isEmpty && ids.allSatisfy { id in state.catalogue.foods.first { $0.id == id }?.category == .seedsAndNuts })
        #expect(view(state).lines[2].contains("Seeds & nuts only"))
        press(Array(repeating: .char("c"), count: FoodCategory.allCases.count), &state)
        #expect(state.food.category == nil)
    }

    @Test func aFoodOfYourOwnFieldByFieldThenChangedAndRemovedWhileItsEntriesKeepTheirFigures() throws {
        var state = try F.state()
        press([.char("a"), .char("N"), .enter], &state)
        guard case .customFood(let empty)? = state.food.prompt else { throw PromptMissing() }
        #expect(empty.showsProblems && empty.field == .name)
        var screen = view(state).text
        #expect(screen.contains("Name the food (up to 40 characters)."))
        #expect(screen.contains("Say what one serving is"))
        #expect(screen.contains("Grams per serving must be a number from 1 to 5000, as on the label."))
        #expect(screen.contains("Magnesium must be a number of mg, 0 or more, as on the label."))
        press(typed("Oat bar") + [.down] + typed("1 bar") + [.down] + typed("0") + [.down] + typed("45") + [.enter], &state)
        screen = view(state).text
        #expect(screen.contains("Grams per serving must be a number from 1 to 5000") && !screen.contains("Name the food"))
        guard case .customFood(let form)? = state.food.prompt else { throw PromptMissing() }
        #expect(form.field == .grams, "Enter goes to the first field that is wrong")
        press([.backspace] + typed("40") + [.down, .char(" "), .down, .right, .right, .right], &state)
        #expect(view(state).text.contains("One serving: 18 mg (45 mg per 100 g)"))
        press([.up, .char(" "), .enter], &state)
        let id = F.newIDs(1)[0]
        let bar = Food(id: id, name: "Oat bar", category: .wholeGrains, serving: "1 bar", servingGrams: 40, mgPer100g: 112.5,
                       kcalPer100g: nil, ndb: nil, labelMgPerServing: 45, source: CustomFoodInput.source)
        expectNoDifference(state.journal.customFoods, [bar])
        #expect(state.food.prompt == nil)

        // Logged, then changed: the entry keeps what it was logged with.
        state.selectFood(id)
        press([.char("a"), .enter, .char("e")], &state)
        press([.down, .down, .down, .ctrl("u")] + typed("90") + [.enter], &state)
        #expect(state.journal.customFoods.first?.mgPerServing == 90)
        guard case .food(let logged)? = state.journal.entries.first?.kind else { throw PromptMissing() }
        #expect(logged.mg == 45)
        // Removed (after asking): the log keeps the entry's figures.
        press([.char("x")], &state)
        #expect(view(state).text.contains("Entries already logged keep their figures."))
        press([.char("y")], &state)
        #expect(state.journal.customFoods.isEmpty)
        press([.char("d")], &state)
        screen = view(state).text
        #expect(screen.contains("A food you rem") && screen.contains("45 mg"), "\(screen)")
    }

    /// Your own food, last in the list, removed: the new last food is drawn selected and the food keys
    /// act on it (a opened nothing and rang the bell).
    @Test func removingYourOwnFoodLastInTheListLeavesTheNewLastOneToAdd() throws {
        let mine = Food(id: "m", name: "Zz plain rice cake", category: .wholeGrains, serving: "1 cake", servingGrams: 9, mgPer100g: 10,
                        kcalPer100g: nil, ndb: nil, source: CustomFoodInput.source)
        var state = try F.state()
        state.journal.customFoods = [mine]
        press([.char("a"), .char("o"), .char("o"), .char("o"), .end], &state)
        #expect(state.food.sort == .name)
        #expect(state.food.currentFood(state.context)?.id == "m")
        pressSaved([.char("x"), .char("y")], &state)
        #expect(state.journal.customFoods.isEmpty)
        let effects = press([.char("a")], &state)
        #expect(!effects.contains(.bell(count: 1)))
        guard case .amount(let prompt)? = state.food.prompt else { throw PromptMissing() }
        #expect(prompt.foodID == state.food.items(state.context).items.last.map { FoodTable.foodID(ofItem: $0.id) })
    }

    @Test func aFoodNameYouHaveAlreadyIsRefused() throws {
        let mine = Food(id: "m", name: "Oat bar", category: .wholeGrains, serving: "1 bar", servingGrams: 40, mgPer100g: 100,
                        kcalPer100g: nil, ndb: nil, source: CustomFoodInput.source)
        var state = try F.state()
        state.journal.customFoods = [mine]
        press([.char("a"), .char("N")] + typed("oat BAR") + [.down] + typed("1") + [.down] + typed("40") + [.down] + typed("4") + [.enter], &state)
        #expect(view(state).text.contains("You already have a food called oat BAR."))
        #expect(state.journal.customFoods == [mine])
        press([.escape], &state)
        #expect(state.food.prompt == nil)
    }

    @Test func theDayKeysMoveTheDayAndNewEntriesGoToIt() throws {
        var state = try F.state(entries: FoodLogFixture.week)
        press([.char("[")], &state)
        #expect(state.shownDay == today.adding(days: -1))
        #expect(view(state).lines[2].hasSuffix("Sun 22 Nov (yesterday)"))
        #expect(view(state).text.contains("Black beans"))
        press([.char("m")], &state)
        #expect(state.journal.entries(on: today.adding(days: -1)).last?.time == nil, "an earlier day's entry has no time")
        press([.char("t")], &state)
        #expect(state.shownDay == nil)
    }

    @Test func everyFoodKeyIsInTheHelpAndTheHints() throws {
        var state = try F.state()
        let keys = Set(state.food.help(context: state.context).flatMap(\.keys).map(\.key))
        #expect(keys.isSuperset(of: ["d", "a", "m", "Enter or e", "x or Delete", "f n", "f", "n", "c", "o", "N", "w", "+ -", "/"]))
        #expect(state.food.hints(context: state.context).map(\.key) == ["a", "m", "s", "[ ]"])
        press([.char("N")], &state)
        #expect(state.food.prompt == nil, "N is for the foods list")
        press([.char("a"), .char("N")], &state)
        #expect(state.food.hints(context: state.context) == CustomFoodForm.hints)
    }
}

struct PromptMissing: Error {}
