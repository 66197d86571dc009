import MagRelaxCore

/// The benchmarks' data: ten years of daily entries and the profile of the person who made them.
/// Shared by the storage benchmark (magrelax-bench) and the in-process benchmarks in Benchmarks/, so
/// both measure the same journal.
public enum SampleJournal {
    /// 3653 days from `first`, each with a check-in of five symptoms, five foods, a supplement dose,
    /// four back-stiffness plan check-offs (tasks every week of that plan has) and a breathing session (12 entries a day).
    public static func tenYears(first: CalendarDay = CalendarDay(year: 2016, month: 1, day: 1)!) -> Journal {
        // Catalogue ids, so the screens find every food and task.
        let foods = ["pumpkin_seeds_roasted", "almonds_dry_roasted", "spinach_boiled", "black_beans_cooked", "quinoa_cooked"]
        let tasks = ["magnesium", "hydration", "posture", "journal"]
        var entries: [JournalEntry] = []
        var ids = IDGenerator(seed: 1)
        func id() -> String { ids.next() }
        for d in 0..<3653 {
            let day = first.adding(days: d)
            let t = { (s: Int) in TimeOfDay(secondsSinceMidnight: s)! }
            entries.append(
                JournalEntry(
                    id: id(), day: day, time: t(8 * 3600),
                    kind: .symptoms(["soreness": d % 5, "cramps": (d + 1) % 5, "stiffness": (d + 2) % 5, "tension-headache": d % 3, "poor-sleep": d % 4])))
            for (i, food) in foods.enumerated() {
                entries.append(
                    JournalEntry(
                        id: id(), day: day, time: t(12 * 3600 + i * 60), kind: .food(FoodServing(foodID: food, servings: Double(i % 3 + 1)))))
            }
            entries.append(
                JournalEntry(
                    id: id(), day: day, time: t(20 * 3600), kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: 200))))
            let week = (d / 7) % 4 + 1
            for (i, task) in tasks.enumerated() {
                entries.append(
                    JournalEntry(
                        id: id(), day: day, time: t(21 * 3600 + i),
                        kind: .checkOff(TaskCheckOff(goal: .backStiffness, week: week, taskID: "w\(week)-\(task)"))))
            }
            entries.append(
                JournalEntry(
                    id: id(), day: day, time: t(22 * 3600),
                    kind: .breathing(
                        BreathingSession(
                            patternID: "coherent", plannedSeconds: 600, actualSeconds: 598.4, cycles: 54, tensionBefore: 6,
                            tensionAfter: 3))))
        }
        return Journal(entries: entries)
    }

    /// Ten years ending on `last`.
    public static func tenYears(through last: CalendarDay) -> Journal { tenYears(first: last.adding(days: -3652)) }

    /// A back-stiffness plan with a 200 mg glycinate supplement, begun ten days before `today`.
    public static func profile(today: CalendarDay) -> Profile {
        let start = today.adding(days: -10)
        return Profile(
            ageYears: 35, sex: .female, goal: .backStiffness, planStart: start, supplementFormID: "glycinate",
            doseMg: 200, disclaimerAccepted: start)
    }
}
