import MagRelaxCore
import TerminalUI

@testable import MagRelaxApp

/// A person logging food on Monday 23 November 2026 at noon: 35, female (RDA 320 mg, supplement
/// limit 350 mg), glycinate 200 mg a day in the profile.
enum FoodLogFixture {
    static let today = CalendarDay(iso: "2026-11-23")!

    static func profile(clinician: Bool = false) -> Profile {
        Profile(ageYears: 35, sex: .female, goal: .soreness, planStart: CalendarDay(iso: "2026-11-02")!,
                supplementFormID: "glycinate", doseMg: 200, clinicianDirectedDose: clinician,
                disclaimerAccepted: CalendarDay(iso: "2026-11-02")!)
    }

    static let noon = TimeOfDay(hour: 12, minute: 0)!

    /// The app at noon today with the profile, on the Food pane's day.
    static func state(width: Int = 80, height: Int = 24, entries: [JournalEntry] = [], profile: Profile? = profile()) throws -> AppState {
        var state = try makeState(width: width, height: height)
        state.now = TimeReading(monotonic: 0, wallClock: Double(today.dayNumber * 86_400 + 12 * 3600), utcOffsetSeconds: 0)
        state.profile = profile
        state.journal = Journal(entries: entries)
        press([.char("3")], &state)
        return state
    }

    static func food(_ id: String, _ foodID: String, servings: Double, mg: Double, grams: Double? = nil, day: CalendarDay = today)
        -> JournalEntry
    {
        JournalEntry(id: id, day: day, kind: .food(FoodServing(foodID: foodID, servings: servings, grams: grams, mg: mg)))
    }

    static func supplement(_ id: String, _ mg: Double, form: String = "glycinate", day: CalendarDay = today) -> JournalEntry {
        JournalEntry(id: id, day: day, kind: .supplement(SupplementDose(formID: form, elementalMg: mg)))
    }

    /// A week of logging: a little most days; today pumpkin seeds and a banana, 132 mg short of the RDA.
    static let week: [JournalEntry] = [
        food("w1", "spinach_boiled", servings: 2, mg: 156, day: today.adding(days: -6)),
        food("w2", "almonds_dry_roasted", servings: 1, mg: 80, day: today.adding(days: -5)),
        supplement("w3", 200, day: today.adding(days: -5)),
        food("w4", "quinoa_cooked", servings: 2, mg: 236, day: today.adding(days: -3)),
        supplement("w5", 200, day: today.adding(days: -3)),
        food("w6", "black_beans_cooked", servings: 1, mg: 60, day: today.adding(days: -1)),
        food("t1", "pumpkin_seeds_roasted", servings: 1, mg: 156, grams: 28.35),
        food("t2", "banana", servings: 1, mg: 32, grams: 118),
    ]

    /// The id the app gives its next new entry (the test state's generator has seed 0).
    static func newIDs(_ n: Int) -> [String] {
        var ids = IDGenerator(seed: 0)
        return (0..<n).map { _ in ids.next() }
    }
}

extension AppState {
    /// Moves the foods list's selection to the food with this id (in the list on screen).
    mutating func selectFood(_ id: String) {
        let shown = food.browser.visible(food.items(context)).map { FoodTable.foodID(ofItem: $0.id) }
        guard let index = shown.firstIndex(of: id) else { return }
        press([.home] + Array(repeating: .down, count: index), &self)
    }
}
