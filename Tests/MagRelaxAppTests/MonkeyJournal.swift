import MagRelaxCore

@testable import MagRelaxApp

/// Where a monkey run starts: a first start (no profile, the welcome open) or a person who has used
/// magrelax for months, with their older months still on disk (read when a pane asks for them).
struct MonkeyStart: Sendable {
    var name: String
    var state: AppState
    /// The entries of the months not read at start, by "YYYY-MM": what a `loadMonths` effect gets back.
    var onDisk: [String: [JournalEntry]]

    /// 2026-11-25 09:46:40 UTC: the clock every run starts at.
    static let clock = 1_795_600_000.0
    static let today = CalendarDay(iso: "2026-11-25")!

    static func firstStart() throws -> MonkeyStart {
        var state = try makeState()
        state.now = TimeReading(monotonic: 1000, wallClock: clock, utcOffsetSeconds: 0)
        state.openWelcomeIfNeeded()
        return MonkeyStart(name: "first start", state: state, onDisk: [:])
    }

    static let profile = Profile(
        ageYears: 40, sex: .female, goal: .tensionHeadache, planStart: CalendarDay(iso: "2026-11-02")!,
        supplementFormID: "glycinate", doseMg: 200, disclaimerAccepted: CalendarDay(iso: "2026-07-01")!)

    /// Five months of daily use, built through Core's own changes (so every entry is one the app could
    /// have recorded): check-ins on most days with notes and triggers, foods by serving and by weight,
    /// the supplement, plan tasks ticked, breathing sessions, notes, an old red flag; the person's own
    /// foods and pattern, food marks, an earlier plan and keep-going blocks before the current plan.
    /// July and August stay on disk.
    static let withJournal: Result<MonkeyStart, Error> = Result {
        let catalogue = try Catalogue.embedded()
        var journal = Journal()
        var changes: [JournalChange] = []
        var n = 0
        func id() -> String {
            n += 1
            return "fixture-\(n)"
        }
        // The plans before this one: soreness from 6 July, then two keep-going blocks.
        let first = CalendarDay(iso: "2026-07-06")!
        changes.append(.putPlanBlock(PlanBlock(id: "plan-2026-07-06-soreness", kind: .plan, goal: .soreness, start: first)))
        changes.append(.putPlanBlock(PlanBlock.keepGoing(goal: .soreness, start: first.adding(days: 28))))
        changes.append(.putPlanBlock(PlanBlock.keepGoing(goal: .soreness, start: first.adding(days: 56))))
        let own = CustomFoodInput(name: "Trail mix bar", serving: "1 bar", grams: "40", magnesium: "64")
        let food = try own.food(id: "fixture-food-1", existing: []).get()
        let spread = CustomFoodInput(name: "Seed spread", serving: "1 tbsp", grams: "16", magnesium: "140", per100g: true,
                                     category: .seedsAndNuts)
        changes.append(.putCustomFood(food))
        changes.append(.putCustomFood(try spread.food(id: "fixture-food-2", existing: [food]).get()))
        let pattern = try BreathingPattern.custom(
            id: "fixture-pattern-1", name: "Slow evening", inhale: 4, holdIn: 1, exhale: 7, holdOut: 0, pregnant: false,
            heartOrLungDisease: false
        ).get()
        changes.append(.putCustomPattern(pattern))
        let foods = catalogue.foods.map(\.id)
        changes.append(.markFood(id: foods[0], .favourite))
        changes.append(.markFood(id: foods[3], .notForMe))
        changes.append(.markFood(id: food.id, .favourite))
        try journal.apply(changes)

        let symptoms = SymptomChecklist.ids(journal: journal, goal: profile.goal, catalogue: catalogue)
        let forms = catalogue.forms.filter { !$0.topical }
        let start = CalendarDay(iso: "2026-07-01")!
        var entries: [JournalEntry] = []
        for d in 0...start.days(until: today) {
            let day = start.adding(days: d)
            func at(_ hour: Int, _ minute: Int) -> TimeOfDay { TimeOfDay(hour: hour, minute: minute)! }
            // Today only has the morning so far.
            let isToday = day == today
            if d % 5 != 3 {
                var ratings: [String: Int] = [:]
                for (i, s) in symptoms.enumerated() where (d + i) % 4 != 0 { ratings[s] = (d / 3 + i) % 5 }
                let triggers: Set<SymptomTrigger> = d % 6 == 0 ? [SymptomTrigger.allCases[d % SymptomTrigger.allCases.count]] : []
                let checkIn = SymptomCheckIn(ratings: ratings, note: d % 9 == 0 ? "slept badly, day \(d)" : nil, triggers: triggers)
                entries.append(JournalEntry(id: id(), day: day, time: at(8, d % 60), kind: .symptoms(checkIn)))
                if d % 7 == 2 && !isToday {
                    // A second check-in later on: the day shows the mean.
                    let later = SymptomCheckIn(ratings: ratings.mapValues { max(0, $0 - 1) })
                    entries.append(JournalEntry(id: id(), day: day, time: at(19, 30), kind: .symptoms(later)))
                }
            }
            if isToday { continue }
            for k in 0..<(2 + d % 3) {
                let foodID = k == 2 && d % 4 == 0 ? food.id : foods[(d * 3 + k * 7) % foods.count]
                let serving = k == 1 && d % 2 == 0
                    ? FoodServing(foodID: foodID, servings: 1, grams: Double(30 + d % 120), unit: .grams)
                    : FoodServing(foodID: foodID, servings: Double(1 + (d + k) % 4) / 2)
                entries.append(JournalEntry(id: id(), day: day, time: d % 10 == 0 ? nil : at(12 + k * 3, 15), kind: .food(serving)))
            }
            if d % 3 != 1 {
                let form = forms[d % 11 == 0 ? (d / 11) % forms.count : 0]
                let dose = d % 11 == 0 ? SupplementDose(formID: form.id, elementalMg: 100, compoundMg: 700)
                    : SupplementDose(formID: "glycinate", elementalMg: 200)
                entries.append(JournalEntry(id: id(), day: day, time: at(21, 0), kind: .supplement(dose)))
            }
            if d % 3 == 0 {
                let p = d % 12 == 0 ? pattern : catalogue.breathing[(d / 3) % catalogue.breathing.count]
                let session = BreathingSession(
                    patternID: p.id, plannedSeconds: 300, actualSeconds: Double(240 + d % 60), cycles: 20 + d % 10,
                    tensionBefore: d % 2 == 0 ? 6 : nil, tensionAfter: d % 2 == 0 ? 3 : nil)
                entries.append(JournalEntry(id: id(), day: day, time: at(22, 0), kind: .breathing(session)))
            }
            if d % 8 == 5 { entries.append(JournalEntry(id: id(), day: day, kind: .note("Walked \(d % 7 + 1) km"))) }
            if d == 71 { entries.append(JournalEntry(id: id(), day: day, time: at(7, 5), kind: .redFlag(catalogue.redFlags[0].id))) }
        }
        try journal.apply(entries.map(JournalChange.add))
        // Ticks on most plan days so far, as the plan's own check-off entries.
        let plan = PersonalPlan(profile: profile, catalogue: catalogue, journal: journal)
        var ticks: [JournalChange] = []
        for (i, date) in plan.timeline.dates.enumerated() where date < today {
            guard let day = plan.day(date) else { continue }
            for (k, task) in day.tasks.enumerated() where (i + k) % 3 != 0 {
                ticks.append(.add(plan.checkOffEntry(of: task, on: day, at: TimeOfDay(hour: 18, minute: k))))
            }
        }
        var ids = IDGenerator(seed: 99)
        try journal.apply(ticks.map { $0.naming(with: &ids) })

        let unloaded: Set<String> = ["2026-07", "2026-08"]
        var loaded = journal
        var onDisk: [String: [JournalEntry]] = [:]
        for entry in journal.entries where unloaded.contains(entry.day.monthKey) {
            onDisk[entry.day.monthKey, default: []].append(entry)
            try loaded.apply(.remove(id: entry.id))
        }
        var state = try makeState()
        state.now = TimeReading(monotonic: 1000, wallClock: clock, utcOffsetSeconds: 0)
        state.profile = profile
        state.journal = loaded
        state.storage = StorageStatus(unloadedMonths: unloaded)
        return MonkeyStart(name: "five months of use", state: state, onDisk: onDisk)
    }
}
