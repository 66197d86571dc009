import MagRelaxCore
import Testing

@Suite("Library: the catalogue's foods and patterns with the person's own")
struct LibraryTests {
    let own = try! BreathingPattern.custom(
        id: "p-evening", name: "Evening", inhale: 4, holdIn: 0, exhale: 8, holdOut: 0, pregnant: false, heartOrLungDisease: false).get()

    func food(_ id: String) -> Food {
        Food(id: id, name: "My " + id, category: shipped.foods[0].category, serving: "1 bowl", servingGrams: 200,
             mgPer100g: 40, kcalPer100g: 120, ndb: nil, source: "custom")
    }

    @Test func withoutOwnItemsItIsTheCatalogue() {
        let library = Library(catalogue: shipped, journal: Journal())
        #expect(library.foods == shipped.foods)
        #expect(library.patterns == shipped.breathing)
        #expect(library.food(id: "pumpkin_seeds_roasted")?.name == shipped.foods.first { $0.id == "pumpkin_seeds_roasted" }?.name)
        #expect(library.pattern(id: "box")?.id == "box")
        #expect(library.food(id: "nope") == nil && library.pattern(id: "nope") == nil)
    }

    @Test func ownItemsComeAfterTheCatalogues() {
        let journal = Journal(customFoods: [food("porridge")], customPatterns: [own])
        let library = Library(catalogue: shipped, journal: journal)
        #expect(library.foods == shipped.foods + [food("porridge")])
        #expect(library.patterns == shipped.breathing + [own])
        #expect(library.food(id: "porridge") == food("porridge"))
        #expect(library.pattern(id: own.id) == own)
    }

    @Test func theCataloguesItemWinsASharedID() {
        var clash = own
        clash.id = "box"
        clash.name = "My box"
        var fake = food("almonds_raw")
        fake.name = "Not the catalogue's"
        let library = Library(catalogue: shipped, journal: Journal(customFoods: [fake], customPatterns: [clash]))
        #expect(library.pattern(id: "box")?.isCustom == false)
        #expect(library.food(id: "almonds_raw")?.name != "Not the catalogue's")
        #expect(library.pattern(named: "box")?.isCustom == false)
        #expect(library.pattern(named: "MY BOX") == clash)
    }

    @Test func patternsByNameAsTypedOnTheCommandLine() {
        let library = Library(catalogue: shipped, journal: Journal(customPatterns: [own]))
        #expect(library.pattern(named: "4-7-8")?.id == "4-7-8")
        #expect(library.pattern(named: "BOX") == nil, "catalogue ids match exactly")
        #expect(library.pattern(named: "evening") == own)
        #expect(library.pattern(named: own.id.uppercased()) == own)
        for p in shipped.breathing where p.name.caseInsensitiveCompare(p.id) != .orderedSame {
            #expect(library.pattern(named: p.name) == nil, "a catalogue name (\(p.name)) is not an id")
        }
        #expect(library.pattern(named: "") == nil)
    }
}
