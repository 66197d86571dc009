import MagRelaxCore
import Testing

/// The person's own plan: every goal's 28 days made concrete from the profile, the catalogue and the journal.
@Suite("Personal plan: tasks from the profile, limits, medicines, kidney disease and red flags")
struct PersonalPlanTests {
    static let start = CalendarDay(iso: "2026-11-02")!

    func day(_ n: Int) -> CalendarDay { Self.start.adding(days: n - 1) }

    func profile(
        age: Int = 35, sex: Sex = .female, lifeStage: LifeStage = .none, kidney: Bool = false,
        medicines: Set<InteractingMedicine> = [], goal: Goal = .soreness, form: String? = "glycinate", dose: Double = 200,
        clinician: Bool = false
    ) -> Profile {
        Profile(
            ageYears: age, sex: sex, lifeStage: lifeStage, kidneyDisease: kidney, medicines: medicines, goal: goal,
            planStart: Self.start, supplementFormID: form, doseMg: dose, clinicianDirectedDose: clinician)
    }

    func plan(_ profile: Profile, _ journal: Journal = Journal()) -> PersonalPlan {
        PersonalPlan(profile: profile, catalogue: shipped, journal: journal)
    }

    func supplement(_ day: PlanDay) -> DayTask? { day.tasks.first { $0.id.hasSuffix("-supplement") } }
    func food(_ day: PlanDay) throws -> DayTask { try #require(day.tasks.first { $0.kind == .magnesium }) }

    /// Kidney disease with a dose a clinician directed: the plan shows that dose, as the food log and
    /// its cautions allow it (one rule, Profile.kidneysHoldSupplements), with the kidney warning kept.
    @Test func kidneyDiseaseWithAClinicianDirectedDose() throws {
        let directed = profile(kidney: true, dose: 250, clinician: true)
        let today = try #require(plan(directed).day(day(1)))
        let pill = try #require(supplement(today))
        #expect(pill.practice == .supplement(formID: "glycinate", mg: 250))
        let notes = try food(today).notes
        #expect(notes.contains { $0.level == .danger && $0.text.contains("only as your doctor directs") })
        let cautions = SupplementCautions.list(profile: directed, journal: Journal(), today: day(1), catalogue: shipped)
        #expect(cautions.contains { $0.kind == .kidneyDisease })
        #expect(!cautions.contains { $0.holdsSuggestions })
        // Without the direction both hold it back.
        let alone = profile(kidney: true, dose: 250)
        let heldDay = try #require(plan(alone).day(day(1)))
        #expect(supplement(heldDay) == nil)
        let held = SupplementCautions.list(profile: alone, journal: Journal(), today: day(1), catalogue: shipped)
        #expect(held.contains { $0.holdsSuggestions })
    }

    @Test(arguments: Goal.allCases, [false, true])
    func everyGoalWithAndWithoutKidneyDisease(goal: Goal, kidney: Bool) throws {
        let plan = plan(profile(kidney: kidney, goal: goal))
        let template = try #require(shipped.plan(for: goal))
        #expect(plan.days.count == PlanCalendar.days)
        #expect(plan.day(day(0)) == nil && plan.day(day(29)) == nil)
        for n in 1...PlanCalendar.days {
            let today = try #require(plan.day(day(n)))
            let week = try #require(template.weeks.first { $0.week == (n - 1) / 7 + 1 })
            #expect(today.position.day == n && today.position.week == week.week)
            #expect(today.headline == "Day \(n) · Week \(week.week): \(week.focus)")
            // Every template task is there, in order; the supplement follows the food.
            let ids = today.tasks.map(\.id).filter { !$0.hasSuffix("-supplement") }
            #expect(ids == week.tasks.map(\.id))
            let food = try food(today)
            #expect(food.title.hasSuffix("· 320 mg a day"), "women 31-50 need 320 mg")
            #expect(food.practice == .food(needMg: 320))
            if kidney {
                #expect(supplement(today) == nil, "no dose with kidney disease")
                #expect(food.notes.contains { $0.level == .danger && $0.text.contains("ask your doctor before any supplement") })
                #expect(!today.tasks.contains { $0.title.contains("mg elemental") })
            } else {
                let pill = try #require(supplement(today))
                #expect(pill.title == "Supplement: 200 mg elemental magnesium as Magnesium glycinate / bisglycinate")
                #expect(pill.label == "200 mg supplement")
                #expect(pill.practice == .supplement(formID: "glycinate", mg: 200))
                #expect(pill.steps.contains { $0.contains("350 mg a day (everyone aged 9 and over)") })
                #expect(!food.notes.contains { $0.text.contains("Kidney") })
            }
            for task in today.tasks {
                switch task.kind {
                case .yoga, .stretching:
                    guard case .poses(let ids) = task.practice else {
                        Issue.record("\(task.id) has no poses")
                        continue
                    }
                    // By name, with the catalogue's holds.
                    for id in ids {
                        let pose = try #require(shipped.yoga.first { $0.id == id })
                        #expect(task.title.contains(pose.name))
                        let hold = pose.hold.prefix(1).lowercased() + pose.hold.dropFirst()
                        #expect(task.steps.contains("\(pose.name): hold \(hold); repeats \(pose.repeats)"))
                    }
                case .breathing:
                    guard case .breathing(let id, let length) = task.practice else {
                        Issue.record("\(task.id) has no pattern")
                        continue
                    }
                    let pattern = try #require(shipped.breathing.first { $0.id == id })
                    #expect(length == pattern.defaultLength)
                    #expect(task.title.contains(pattern.name) && task.title.contains(" min"))
                default:
                    break
                }
            }
        }
    }

    @Test func foodOnlyHasNoSupplementTask() throws {
        let today = try #require(plan(profile(form: nil, dose: 0)).day(day(3)))
        #expect(supplement(today) == nil)
        #expect(try food(today).notes.isEmpty)
    }

    @Test(arguments: InteractingMedicine.allCases)
    func eachMedicineBringsItsRule(medicine: InteractingMedicine) throws {
        let advice = try #require(shipped.reference.interaction(for: medicine))
        let expected = PlanNote(.caution, advice.medicines + ": " + advice.advice.prefix(1).lowercased() + advice.advice.dropFirst())
        // With a supplement, the rule goes with it; food only, with the food task.
        let withPill = try #require(plan(profile(medicines: [medicine])).day(day(5)))
        #expect(try #require(supplement(withPill)).notes.contains(expected))
        let foodOnly = try #require(plan(profile(medicines: [medicine], form: nil, dose: 0)).day(day(5)))
        #expect(try food(foodOnly).notes.contains(expected))
    }

    @Test func theAntibioticTimingRuleIsSpelledOut() throws {
        let today = try #require(plan(profile(medicines: [.tetracyclineOrQuinolone])).day(day(1)))
        let notes = try #require(supplement(today)).notes.map(\.text)
        #expect(notes.contains { $0.contains("doxycycline") && $0.contains("take the antibiotic 2 hours before or 4–6 hours after magnesium") })
    }

    @Test func pregnancyChangesTheNeedNotTheLimit() throws {
        let young = try #require(plan(profile(age: 25, lifeStage: .pregnant)).day(day(1)))
        #expect(try food(young).practice == .food(needMg: 350))
        #expect(try food(young).steps == ["Your daily need: 350 mg (RDA, pregnant women 19-30), from food and supplements together."])
        let older = try #require(plan(profile(age: 35, lifeStage: .pregnant)).day(day(1)))
        #expect(try food(older).practice == .food(needMg: 360))
        #expect(try #require(supplement(older)).practice == .supplement(formID: "glycinate", mg: 200))
        let nursing = try #require(plan(profile(age: 17, lifeStage: .lactating)).day(day(1)))
        #expect(try food(nursing).practice == .food(needMg: 360))
    }

    @Test func aChildsLimitHoldsTheDose() throws {
        // 6 years: need 130 mg, supplement limit 110 mg (iom-1997).
        let within = try #require(plan(profile(age: 6, sex: .male, dose: 100)).day(day(2)))
        #expect(try food(within).practice == .food(needMg: 130))
        #expect(try #require(supplement(within)).practice == .supplement(formID: "glycinate", mg: 100))
        let above = try #require(plan(profile(age: 6, sex: .male, dose: 200)).day(day(2)))
        let pill = try #require(supplement(above))
        #expect(pill.practice == .supplement(formID: "glycinate", mg: 110))
        #expect(pill.title.hasPrefix("Supplement: 110 mg"))
        #expect(pill.notes.first?.text == "Held to 110 mg, the upper limit for supplements (ages 4-8); your profile says 200 mg. More only if a clinician directs it.")
        let toddler = try #require(plan(profile(age: 2, sex: .female, dose: 65)).day(day(2)))
        #expect(try food(toddler).practice == .food(needMg: 80))
        #expect(try #require(supplement(toddler)).steps == ["Your limit for supplements: 65 mg a day (ages 1-3); magnesium from food has no limit."])
    }

    @Test func aClinicianDirectedDoseIsKeptAndFlagged() throws {
        let directed = try #require(plan(profile(dose: 600, clinician: true)).day(day(2)))
        let pill = try #require(supplement(directed))
        #expect(pill.practice == .supplement(formID: "glycinate", mg: 600))
        #expect(pill.title.hasSuffix("(as your clinician directed)"))
        #expect(pill.notes.first?.text.contains("Above the 350 mg/day upper limit: follow your clinician") == true)
        // Without the clinician, the same number is held to the limit.
        let held = try #require(plan(profile(dose: 600)).day(day(2)))
        #expect(try #require(supplement(held)).practice == .supplement(formID: "glycinate", mg: 350))
    }

    @Test func aRecentRedFlagHoldsTheSupplementAndSaysWhy() throws {
        var journal = Journal()
        try journal.apply(.add(JournalEntry(id: "f", day: day(5), kind: .redFlag("head-thunderclap"))))
        let plan = plan(profile(), journal)
        #expect(supplement(try #require(plan.day(day(4)))) != nil, "before the flag")
        for n in 5...18 {
            let held = try #require(plan.day(day(n)))
            #expect(supplement(held) == nil, "day \(n)")
            let note = try #require(try food(held).notes.first { $0.level == .danger })
            #expect(note.text.hasPrefix("No supplement until \(day(18)): you marked a red flag on \(day(5))"))
            #expect(note.text.contains("Emergency: call emergency services now."))
        }
        #expect(supplement(try #require(plan.day(day(19)))) != nil, "14 days on")
    }

    @Test func aKeepGoingBlockRepeatsTheMaintainWeek() throws {
        let profile = profile(goal: .backStiffness)
        let block = try PlanHistory.keepGoing(on: day(31), profile: profile, journal: Journal(), today: day(31)).get()
        var journal = Journal()
        try journal.apply(.putPlanBlock(block))
        let plan = plan(profile, journal)
        let template = try #require(shipped.plan(for: .backStiffness))
        #expect(plan.day(day(29)) == nil && plan.day(day(30)) == nil, "a gap before the block")
        for n in 31...(30 + PlanCalendar.days) {
            let kept = try #require(plan.day(day(n)))
            #expect(kept.position.block.kind == .keepGoing)
            #expect(kept.position.templateWeek == 4)
            #expect(kept.tasks.map(\.id).filter { !$0.hasSuffix("-supplement") } == template.weeks[3].tasks.map(\.id))
            #expect(kept.headline.hasPrefix("Keep going · Day \(n - 30) · Week \((n - 31) / 7 + 1): "))
        }
        #expect(plan.days.count == 2 * PlanCalendar.days)
    }

    @Test func monthBoundariesAndLeapYears() throws {
        // A plan from 2028-02-15 runs over 29 February into March.
        var leap = profile()
        leap.planStart = CalendarDay(iso: "2028-02-15")!
        let plan = plan(leap)
        #expect(try #require(plan.day(CalendarDay(iso: "2028-02-29")!)).position.day == 15)
        #expect(try #require(plan.day(CalendarDay(iso: "2028-03-01")!)).position.week == 3)
        #expect(plan.days.last?.date == CalendarDay(iso: "2028-03-13"))
        // Over New Year.
        var winter = profile()
        winter.planStart = CalendarDay(iso: "2026-12-20")!
        let days = self.plan(winter).days
        #expect(days.map(\.date) == (0..<28).map { winter.planStart.adding(days: $0) })
        #expect(days[12].date == CalendarDay(iso: "2027-01-01") && days[12].position.week == 2)
    }

    @Test func weekStartMapsToTheGridsWeekday() {
        #expect(WeekStart.monday.isoWeekday == 1)
        #expect(WeekStart.sunday.isoWeekday == 7)
    }

    @Test func shortTaskIDsDropTheWeek() {
        #expect(DayTask(id: "w3-yoga", kind: .yoga, title: "", detail: "").shortID == "yoga")
        #expect(DayTask(id: "w1-magnesium-supplement", kind: .magnesium, title: "", detail: "").shortID == "magnesium-supplement")
        #expect(DayTask(id: "walk", kind: .movement, title: "", detail: "").shortID == "walk")
    }
}
