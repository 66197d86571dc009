import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Key-by-key behaviour of the Food pane's lists: sorting, the two lists, the tablet weight.
@Suite struct FoodPaneTests {
    /// The Food pane on its foods list (`a` from the day).
    func foodState(width: Int = 80, height: Int = 24) throws -> AppState {
        var state = try makeState(width: width, height: height)
        press([.char("3"), .char("a")], &state)
        #expect(state.pane == .food && state.food.shown == .foods)
        return state
    }

    func shownIDs(_ state: AppState) -> [String] {
        let pane = state.food
        return pane.browser.visible(pane.items(state.context)).map(\.id)
    }

    func detailText(_ state: AppState) -> String {
        let pane = state.food
        guard let id = pane.browser.openID else { return "" }
        return pane.detail(id, state.context).map(\.text).joined(separator: "\n")
    }

    /// Selects the item with this id in the list on screen by moving down to it.
    func select(_ id: String, _ state: inout AppState) throws {
        let index = try #require(shownIDs(state).firstIndex(of: id))
        press([.home] + Array(repeating: .down, count: index), &state)
        #expect(state.food.browser.selected(in: state.food.items(state.context))?.id == id)
    }

    @Test func sortCyclesThroughTheFourOrders() throws {
        var state = try foodState()
        let foods = state.catalogue.foods
        let byID = Dictionary(uniqueKeysWithValues: foods.map { ($0.id, $0) })
        #expect(state.food.sort == .mgPerServing)

        func check(_ figure: (Food) -> Double?) {
            let values = shownIDs(state).map { figure(byID[$0]!) }
            let known = values.prefix { $0 != nil }.map { $0! }
            #expect(known == known.sorted(by: >), "known figures run highest first")
            #expect(values.dropFirst(known.count).allSatisfy { $0 == nil }, "unknown figures go last")
            #expect(known.first == foods.compactMap(figure).max())
        }
        check(\.mgPerServing)
        #expect(shownIDs(state).count == foods.count)

        press([.down, .down, .char("o")], &state)
        #expect(state.food.sort == .mgPer100g)
        #expect(state.food.foods.cursor.selected == 0, "a new order starts at its top")
        check(\.mgPer100g)
        let per100g = shownIDs(state)

        press([.char("o")], &state)
        #expect(state.food.sort == .mgPer100kcal)
        check(\.mgPer100kcal)
        #expect(shownIDs(state) != per100g)

        press([.char("o")], &state)
        #expect(state.food.sort == .name)
        let names = shownIDs(state).map { TextMatch.fold(byID[$0]!.name) }
        #expect(names == names.sorted())

        press([.char("o")], &state)
        #expect(state.food.sort == .mgPerServing)
    }

    @Test func sortIsNamedOnScreen() throws {
        var state = try foodState()
        #expect(view(state).lines[2].contains("sorted by mg per serving, highest first"))
        press([.char("o"), .char("o")], &state)
        #expect(view(state).lines[2].hasSuffix("sorted by mg per 100 kcal"), "the short label where the whole one does not fit")
        #expect(view(state).lines[3].contains("mg/100kcal"), "the sorted column is always shown")
    }

    @Test func sKeySwitchesListsAndEachKeepsItsSelection() throws {
        var state = try foodState()
        press([.down, .down], &state)
        press([.char("s")], &state)
        #expect(state.food.shown == .forms)
        #expect(Set(shownIDs(state)) == Set(state.catalogue.forms.map(\.id)))
        press([.down], &state)
        press([.char("s")], &state)
        #expect(state.food.shown == .foods)
        #expect(state.food.foods.cursor.selected == 2)
        #expect(state.food.forms.cursor.selected == 1)
        #expect(state.food.hints(context: state.context).contains(KeyHint("s", "forms")))
        press([.char("s")], &state)
        #expect(state.food.hints(context: state.context).contains(KeyHint("s", "foods")))
        #expect(!state.food.hints(context: state.context).contains { $0.key == "o" }, "no sorting of forms")
    }

    @Test func formsByMouthComeFirstThenTopical() throws {
        var state = try foodState()
        press([.char("s")], &state)
        let items = state.food.items(state.context).items
        let topical = Set(state.catalogue.forms.filter(\.topical).map(\.id))
        #expect(!topical.isEmpty)
        let firstTopical = try #require(items.firstIndex { topical.contains($0.id) })
        #expect(items[firstTopical...].allSatisfy { topical.contains($0.id) })
        #expect(items[firstTopical].group == "On the skin: not a dose")
    }

    @Test func tabletWeightChangesTheElementalMagnesium() throws {
        var state = try foodState()
        press([.char("s")], &state)
        try select("oxide", &state)
        press([.enter], &state)
        #expect(state.food.tabletMg == 500)
        #expect(detailText(state).contains("500 mg of compound holds 302 mg of magnesium"))
        press([.char("-"), .char("-")], &state)
        #expect(state.food.tabletMg == 400)
        #expect(detailText(state).contains("400 mg of compound holds 241 mg of magnesium"))
        press([.char("+")], &state)
        #expect(state.food.tabletMg == 450)

        // Typing a weight: digits go to the pane, not to the pane switcher.
        press([.char("w")], &state)
        #expect(state.food.capturesKeys)
        press(typed("4000") + [.backspace], &state)
        #expect(state.pane == .food)
        #expect(detailText(state).contains("type the compound weight in mg: 400_"))
        press([.enter], &state)
        #expect(state.food.typedTablet == nil)
        #expect(state.food.tabletMg == 400)
        #expect(detailText(state).contains("241 mg of magnesium"))

        // Esc cancels typing; weights stay within bounds.
        press([.char("w"), .char("9"), .escape], &state)
        #expect(state.food.tabletMg == 400)
        press([.char("w")] + typed("99999") + [.enter], &state)
        #expect(state.food.tabletMg == FoodPane.tabletRange.upperBound)
        #expect(detailText(state).contains("more than the 350 mg/day upper limit"))
        press([.char("w"), .char("1"), .enter], &state)
        #expect(state.food.tabletMg == FoodPane.tabletRange.lowerBound)
    }

    @Test func topicalFormsAreNotADose() throws {
        var state = try foodState()
        press([.char("s")], &state)
        let epsom = try #require(state.catalogue.forms.first { $0.topical })
        try select(epsom.id, &state)
        press([.enter], &state)
        let text = detailText(state)
        #expect(text.contains("Not a dose: no good evidence it raises magnesium"))
        #expect(text.contains(try #require(state.catalogue.source("grober-2017")).title))
        #expect(!text.contains("of compound holds"))
        #expect(press([.char("+")], &state) == [.bell(count: 1)])
        #expect(state.food.tabletMg == 500)
    }

    @Test func formDetailStatesLimitRuleAndEvidence() throws {
        var state = try foodState()
        press([.char("s")], &state)
        try select("glycinate", &state)
        press([.enter], &state)
        let text = detailText(state)
        let form = try #require(state.catalogue.forms.first { $0.id == "glycinate" })
        #expect(text.contains("Evidence        \(form.evidenceStrength.label): "))
        #expect(text.contains("Upper limit for supplemental magnesium: 350 mg/day for adults"))
        #expect(text.contains("never suggests more than this"))
        #expect(text.contains("Dose by the elemental magnesium printed on the label"))
        #expect(text.contains("14.1% of the compound's weight"))
    }

    @Test func foodDetailShowsFiguresAndAdultRDAShare() throws {
        var state = try foodState()
        try select("pumpkin_seeds_roasted", &state)
        press([.enter], &state)
        let text = detailText(state)
        #expect(text.contains("156 mg in 1 oz (28.35 g)"))
        #expect(text.contains("Per 100 g       550 mg"))
        #expect(text.contains("37% of the RDA for men 31+ (420 mg/day); 49% for women 31+ (320 mg/day)"))
        #expect(text.contains("USDA NDB        12016"))
        press([.escape], &state)
        #expect(!state.food.browser.isDetailOpen)

        // Serving grams show the decimals they have: 28.35 g, 14.5 g, 243 g (never "14.50").
        for food in state.catalogue.foods {
            let text = FoodDetail.lines(food, state.context).map(\.text).joined(separator: "\n")
            if food.servingGrams != nil { #expect(text.contains(#/\((\d+|\d+\.\d?[1-9]) g\)/#), "\(food.id)") }
        }
    }

    func person(_ age: Int, _ sex: Sex, _ stage: LifeStage = .none) -> Profile {
        Profile(ageYears: age, sex: sex, lifeStage: stage, goal: .soreness, planStart: CalendarDay(iso: "2026-11-02")!,
                disclaimerAccepted: CalendarDay(iso: "2026-11-02")!)
    }

    /// With a profile the detail shows the person's own RDA and supplement limit, not adults'.
    @Test(arguments: [
        (35, Sex.female, LifeStage.none, "Your RDA        49% of 320 mg/day, the RDA for women 31+"),
        (25, .male, .none, "Your RDA        39% of 400 mg/day, the RDA for men 19-30"),
        (30, .female, .pregnant, "Your RDA        45% of 350 mg/day, the RDA for pregnant women 19-30"),
        (16, .female, .lactating, "Your RDA        43% of 360 mg/day, the RDA for breastfeeding girls 14-18"),
        (6, .male, .none, "Your RDA        120% of 130 mg/day, the RDA for children 4-8"),
    ])
    func foodDetailShowsThePersonsOwnRDA(age: Int, sex: Sex, stage: LifeStage, line: String) throws {
        var state = try foodState()
        state.profile = person(age, sex, stage)
        try select("pumpkin_seeds_roasted", &state)
        press([.enter], &state)
        let text = detailText(state)
        #expect(text.contains(line), "\(text)")
        #expect(!text.contains("Adult RDA"))
    }

    @Test func formDetailShowsTheLimitAtThePersonsAge() throws {
        var state = try foodState()
        state.profile = person(6, .female)
        press([.char("s")], &state)
        try select("oxide", &state)
        press([.enter], &state)
        var text = detailText(state)
        #expect(text.contains("Upper limit for supplemental magnesium at your age (6): 110 mg/day (ages 4-8)."), "\(text)")
        #expect(text.contains("more than the 110 mg/day upper limit"), "500 mg of oxide holds 302 mg")
        state.profile = person(35, .female, .pregnant)
        text = detailText(state)
        #expect(text.contains("at your age (35): 350 mg/day (everyone aged 9 and over)."))
        #expect(!text.contains("upper limit for supplements."), "302 mg is under 350 mg")
    }

    @Test func ownFoodsJoinTheListAndOpen() throws {
        var state = try foodState()
        let mine = Food(id: "my-porridge", name: "My porridge", category: state.catalogue.foods[0].category,
                        serving: "1 bowl", servingGrams: 250, mgPer100g: 30, kcalPer100g: 70, ndb: nil, source: "custom")
        state.journal = Journal(customFoods: [mine])
        #expect(shownIDs(state).count == state.catalogue.foods.count + 1)
        try select("my-porridge", &state)
        press([.enter], &state)
        #expect(detailText(state).contains("75 mg in 1 bowl (250 g)"))
    }

    /// A key builds the list's rows at most once: after it, the rows kept are those the screen needs.
    @Test func theRowsAreKeptForTheScreenAfterEveryKey() throws {
        var state = try foodState()
        let keys: [Key] = [.down, .char("o"), .pageDown, .char("/"), .char("a"), .enter, .char("s"), .down, .char("s"), .escape]
        for key in keys {
            press([key], &state)
            let now = state.food.rowsKey(state.context)
            #expect(state.food.rows.value.key == now, "after \(key)")
            #expect(state.food.items(state.context) == FoodPane.content(now))
        }
        // A resize without a key: the screen gets rows for the new width, and the next key keeps them.
        _ = update(&state, .resize(width: 120, height: 40))
        let wide = state.food.rowsKey(state.context)
        #expect(state.food.rows.value.key != wide)
        #expect(state.food.items(state.context) == FoodPane.content(wide))
        press([.down], &state)
        #expect(state.food.rows.value.key == state.food.rowsKey(state.context))
    }

    @Test func labelDependentFoodSaysNotKnown() throws {
        var state = try foodState()
        try select("fortified_cereal_10dv", &state)
        press([.enter], &state)
        let text = detailText(state)
        #expect(text.contains("Per 100 g       not known"))
        #expect(text.contains("Per 100 kcal    not known"))
        #expect(text.contains("42 mg in"))
    }

    @Test func filterFindsFoodsByCategoryAndFormsByName() throws {
        var state = try foodState()
        press([.char("/")] + typed("LEGUMES") + [.enter], &state)
        let legumes = Set(state.catalogue.foods.filter { $0.category == .legumesAndSoy }.map(\.id))
        #expect(!legumes.isEmpty)
        #expect(Set(shownIDs(state)) == legumes)
        press([.char("s"), .char("/")] + typed("epsom"), &state)
        #expect(state.food.hints(context: state.context).contains(KeyHint("type", "filter")))
        #expect(shownIDs(state).count == 1)
        press([.escape, .char("s")], &state)
        #expect(Set(shownIDs(state)) == legumes, "the foods filter stays while the forms list is used")
    }

    @Test func helpNamesEveryFoodKey() throws {
        var state = try foodState()
        let keys = Set(state.food.help(context: state.context).flatMap(\.keys).map(\.key))
        #expect(keys.isSuperset(of: ["s", "o", "+ -", "w", "/", "Enter", "Esc", "a", "f", "n", "c", "N", "m", "d", "x or Delete"]))
        press([.char("?")], &state)
        #expect(view(state).text.contains("Help: Food"))
    }

    @Test func foodColumnsFitTheirWidthAndAlwaysShowTheSortedColumn() throws {
        let foods = try Catalogue.embedded().foods
        for sort in FoodPane.Sort.allCases {
            for width in stride(from: 30, through: 200, by: 7) {
                let (name, columns) = FoodTable.layout(sort: sort, width: width)
                #expect(columns.contains(.perServing))
                if let sorted = FoodTable.column(for: sort) { #expect(columns.contains(sorted)) }
                #expect(FoodTable.nameGap + FoodTable.markWidth + name + columns.map(\.width).reduce(0, +) == width)
                let content = FoodTable.content(foods, sort: sort, width: width, theme: Theme(unicode: true))
                let spans = Table(columns: content.columns, rows: []).columnSpans(width: width)
                #expect(spans[1].count == name, "the name takes what the columns leave")
                #expect(spans.last?.upperBound == width, "sort \(sort), width \(width)")
                let cutNumber = content.items.contains { item in
                    zip(item.cells, zip(content.columns, spans)).contains { cell, column in
                        column.0.alignment == .right && TextWidth.width(cell.text) > column.1.count
                    }
                }
                #expect(!cutNumber, "numbers are never cut")
            }
        }
        #expect(FoodTable.layout(sort: .mgPerServing, width: 200).columns == FoodTable.Column.allCases)
    }
}
