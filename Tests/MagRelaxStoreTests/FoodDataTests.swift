import Foundation
import MagRelaxCore
import Testing

@testable import MagRelaxStore

/// The food log's data on disk: entries keep their figures, marks live in custom.json, and files
/// written before either existed still load as they were.
@Suite("Store: the food log")
struct FoodDataTests {
    @Test func filesFromBeforeTheFiguresAndMarksStillLoad() throws {
        let folder = TestFolder()
        try folder.write("custom.json", #"{"schemaVersion":1,"customFoods":[],"customPatterns":[]}"#)
        try folder.write("journal-2026-11.json", #"""
            {"schemaVersion":1,"month":"2026-11","entries":[
             {"id":"a","day":"2026-11-02","type":"food","food":"almonds_raw","servings":1.5},
             {"id":"b","day":"2026-11-02","type":"supplement","form":"glycinate","mg":200}]}
            """#)
        let store = try Store(location: folder.location)
        #expect(store.damage.isEmpty)
        #expect(store.journal.foodMarks.isEmpty)
        #expect(store.journal.entries.map(\.kind) == [
            .food(FoodServing(foodID: "almonds_raw", servings: 1.5)),
            .supplement(SupplementDose(formID: "glycinate", elementalMg: 200)),
        ])
    }

    @Test func figuresAndMarksAreSavedAndReadBack() throws {
        let folder = TestFolder()
        let store = try Store(location: folder.location)
        var journal = store.journal
        let touched = try journal.apply([
            .add(JournalEntry(id: "a", day: day1, kind: .food(FoodServing(foodID: "my-bread", servings: 2.5, grams: 100, mg: 80, unit: .grams)))),
            .add(JournalEntry(id: "b", day: day1, kind: .supplement(SupplementDose(formID: "citrate", elementalMg: 162, compoundMg: 1000)))),
            .putCustomFood(customFood()), .markFood(id: "my-bread", .favourite), .markFood(id: "banana", .notForMe),
        ])
        try store.save(journal, touched: touched)
        let text = try #require(folder.read("journal-2026-11.json"))
        #expect(text.contains(#""grams":100,"id":"a","mg":80,"servings":2.5,"type":"food","unit":"grams""#), "\(text)")
        #expect(text.contains(#""compoundMg":1000"#))
        #expect(try #require(folder.read("custom.json")).contains(#""foodMarks":{"banana":"not-for-me","my-bread":"favourite"}"#))
        store.close()
        let reopened = try Store(location: folder.location)
        #expect(reopened.journal == journal)
        // The CSV names the amount as it was given; the other figures go to the details.
        #expect(JournalCSV.fields(journal.entries[0]) == ["a", "2026-11-02", "", "food", "my-bread", "100", "g", "servings=2.5;mg=80"])
        #expect(JournalCSV.fields(journal.entries[1]).suffix(4) == ["citrate", "162", "mg elemental", "compound=1000"])
    }
}
