import MagRelaxCore
import Testing

@testable import magrelax

/// The lines `magrelax today` prints for the day's magnesium, and the amounts `log` echoes.
struct MagnesiumSectionTests {
    let day = CalendarDay(iso: "2026-11-23")!
    let catalogue = try! Catalogue.embedded()

    func profile(clinician: Bool = false) -> Profile {
        Profile(ageYears: 35, sex: .female, goal: .soreness, planStart: day, clinicianDirectedDose: clinician)
    }

    @Test func theDayAgainstTheRDAWithWhatWouldFillTheGap() {
        let journal = Journal(entries: [
            JournalEntry(id: "a", day: day, kind: .food(FoodServing(foodID: "pumpkin_seeds_roasted", servings: 1, mg: 156))),
            JournalEntry(id: "b", day: day, kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: 100))),
        ])
        let lines = magnesiumSection(journal: journal, profile: profile(), catalogue: catalogue, day: day)
        #expect(lines.count == 3)
        #expect(lines[0] == "Magnesium on 2026-11-23: 256 mg, 80% of your RDA of 320 mg/day (women 31+)")
        #expect(lines[1] == "  food 156 mg, supplements 100 mg of your 350 mg/day limit (food never counts toward it)")
        #expect(lines[2].hasPrefix("  64 mg to go: e.g. "), "\(lines[2])")
    }

    @Test func pastTheLimitTheWarningIsALine() {
        let journal = Journal(entries: [
            JournalEntry(id: "b", day: day, kind: .supplement(SupplementDose(formID: "oxide", elementalMg: 400))),
        ])
        let lines = magnesiumSection(journal: journal, profile: profile(), catalogue: catalogue, day: day)
        #expect(lines.contains { $0.hasPrefix("  ! Supplements: 400 mg, above your upper limit of 350 mg/day") })
        #expect(!magnesiumSection(journal: journal, profile: profile(), catalogue: catalogue, day: day, warning: false)
            .contains { $0.hasPrefix("  !") })
        let directed = magnesiumSection(journal: journal, profile: profile(clinician: true), catalogue: catalogue, day: day)
        #expect(directed.contains { $0.contains("a clinician directed your dose") })
    }

    @Test func withoutAProfileOrEntries() {
        let lines = magnesiumSection(journal: Journal(), profile: nil, catalogue: catalogue, day: day)
        #expect(lines == [
            "Magnesium on 2026-11-23: 0 mg (set your profile for your own RDA)",
            "  food 0 mg, supplements 0 mg of your 350 mg/day limit (food never counts toward it)",
        ])
    }

    @Test func amountsAsTheyWereGiven() {
        #expect(LogText.amount(FoodServing(foodID: "x", servings: 2, grams: 56.7), food: nil) == "2 servings (56.7 g)")
        #expect(LogText.amount(FoodServing(foodID: "x", servings: 1), food: nil) == "1 serving")
        #expect(LogText.amount(FoodServing(foodID: "x", servings: 0.8, grams: 100, unit: .grams), food: nil) == "100 g")
    }
}
