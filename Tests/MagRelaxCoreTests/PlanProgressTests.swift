import MagRelaxCore
import PropertyBased
import Testing

/// Ticking, unticking, adherence, streaks, the Breathe pane's automatic check-off, and a new plan
/// that keeps every past check-off.
@Suite("Plan progress: check-offs, adherence, streaks, plan history")
struct PlanProgressTests {
    static let start = CalendarDay(iso: "2026-11-02")!

    func day(_ n: Int) -> CalendarDay { Self.start.adding(days: n - 1) }

    var profile: Profile {
        Profile(ageYears: 40, sex: .male, goal: .soreness, planStart: Self.start, supplementFormID: "citrate", doseMg: 150)
    }

    /// The journal after recording `changes` in order, each batch named like the app names it.
    func recorded(_ batches: [[JournalChange]], into journal: Journal = Journal()) throws -> Journal {
        var journal = journal
        // A seed of its own for each journal size, so repeated calls never reuse an id.
        var ids = IDGenerator(seed: UInt64(journal.entries.count + 1))
        for batch in batches { try journal.apply(batch.map { $0.naming(with: &ids) }) }
        return journal
    }

    func plan(_ journal: Journal, _ profile: Profile? = nil) -> PersonalPlan {
        PersonalPlan(profile: profile ?? self.profile, catalogue: shipped, journal: journal)
    }

    /// Every task of the days ticked.
    func tickAll(_ days: [Int], _ journal: Journal = Journal()) throws -> Journal {
        var journal = journal
        for n in days {
            let p = plan(journal)
            let today = try #require(p.day(day(n)))
            journal = try recorded([today.tasks.map { .add(p.checkOffEntry(of: $0, on: today)) }], into: journal)
        }
        return journal
    }

    @Test func tickThenUntickIsOneBatchEachWay() throws {
        let at = TimeOfDay(hour: 8, minute: 15)
        let changes = try plan(Journal()).toggle("w1-hydration", on: day(3), today: day(3), at: at).get()
        #expect(changes == [.add(JournalEntry(
            id: JournalEntry.newID, day: day(3), time: at,
            kind: .checkOff(TaskCheckOff(goal: .soreness, week: 1, taskID: "w1-hydration"))))])
        let journal = try recorded([changes])
        let p = plan(journal)
        let today = try #require(p.day(day(3)))
        #expect(p.completion(of: today) == .some && p.doneCount(today) == 1)
        let id = try #require(journal.entries.first?.id)
        #expect(try p.toggle("hydration", on: day(3), today: day(3)).get() == [.remove(id: id)], "by its short id too")
        // Ticked on a later day: no time, the plan day is the entry's day.
        let late = try plan(Journal()).toggle("w1-hydration", on: day(2), today: day(3), at: at).get()
        guard case .add(let entry) = late.first else { throw PlanRefusal("not an add") }
        #expect(entry.day == day(2) && entry.time == nil)
    }

    @Test func refusalsChangeNothingAndSayWhy() throws {
        let p = plan(Journal())
        #expect(p.toggle("w1-hydration", on: day(4), today: day(3)) == .failure(PlanRefusal(
            "\(day(4)) is in the future: tick a task on its day or later.")))
        #expect(p.tick("w1-hydration", on: day(0), today: day(3)) == .failure(PlanRefusal(
            "\(day(0)) is not a day of your plan (your plan runs \(day(1)) to \(day(28))).")))
        guard case .failure(let unknown) = p.tick("w9-dance", on: day(2), today: day(3)) else {
            Issue.record("an unknown task was accepted")
            return
        }
        #expect(unknown.message.hasPrefix("No task \"w9-dance\" on \(day(2)); its tasks are: w1-magnesium, w1-magnesium-supplement, "))
        // Ticking a ticked task changes nothing.
        let journal = try recorded([try p.tick("w1-journal", on: day(2), today: day(3)).get()])
        #expect(try plan(journal).tick("journal", on: day(2), today: day(3)).get() == [])
    }

    @Test func theBreathePanesCheckOffTicksTheCalendarsTask() throws {
        // Week 3 of the soreness plan has a breathing task; week 1 has none.
        let p = plan(Journal())
        #expect(p.checkOff(firstTaskOf: .breathing, on: day(3)) == nil)
        let entry = try #require(p.checkOff(firstTaskOf: .breathing, on: day(16)))
        let journal = try recorded([[.add(entry)]])
        let after = plan(journal)
        let today = try #require(after.day(day(16)))
        let breathing = try #require(today.tasks.first { $0.kind == .breathing })
        #expect(after.isDone(breathing, on: today), "the calendar shows it ticked")
        #expect(after.checkOff(firstTaskOf: .breathing, on: day(16)) == nil, "ticked once")
        #expect(after.checkOff(firstTaskOf: .breathing, on: day(17)) != nil, "the next day is its own")
    }

    @Test func ratingsTickTheDaysRateYourSymptomsTask() throws {
        let rated = JournalEntry(id: "c", day: day(3), time: TimeOfDay(hour: 9, minute: 0), kind: .symptoms(SymptomCheckIn(ratings: ["cramps": 2])))
        let tick = try #require(PersonalPlan.ratingCheckOff(for: [.add(rated)], profile: profile, journal: Journal(), catalogue: shipped))
        let change = tick.change
        #expect(tick.task.id == "w1-journal" && tick.task.kind == .journal)
        #expect(change == .add(JournalEntry(id: JournalEntry.newID, day: day(3), time: rated.time, kind: .checkOff(TaskCheckOff(goal: .soreness, week: 1, taskID: "w1-journal")))))
        let journal = try recorded([[.add(rated), change]])
        let today = try #require(plan(journal).day(day(3)))
        #expect(plan(journal).isDone(try #require(today.tasks.first { $0.kind == .journal }), on: today))
        // Once a day; a note alone, a removal, no profile or a day outside the plan tick nothing.
        #expect(PersonalPlan.ratingCheckOff(for: [.update(rated)], profile: profile, journal: journal, catalogue: shipped) == nil)
        let noteOnly = JournalEntry(id: "n", day: day(4), kind: .symptoms(SymptomCheckIn(ratings: [:], note: "stiff")))
        #expect(PersonalPlan.ratingCheckOff(for: [.add(noteOnly), .remove(id: "c")], profile: profile, journal: journal, catalogue: shipped) == nil)
        #expect(PersonalPlan.ratingCheckOff(for: [.add(rated)], profile: nil, journal: Journal(), catalogue: shipped) == nil)
        var outside = rated
        outside.day = day(0)
        #expect(PersonalPlan.ratingCheckOff(for: [.add(outside)], profile: profile, journal: Journal(), catalogue: shipped) == nil)
    }

    @Test func completionAdherenceAndStreaks() throws {
        // Days 1–3 all done, day 4 half, day 5 nothing, days 6–7 all done.
        var journal = try tickAll([1, 2, 3, 6, 7])
        let p4 = plan(journal)
        let four = try #require(p4.day(day(4)))
        journal = try recorded([four.tasks.prefix(2).map { .add(p4.checkOffEntry(of: $0, on: four)) }], into: journal)
        let p = plan(journal)
        #expect(p.completion(of: try #require(p.day(day(3)))) == .all)
        #expect(p.completion(of: try #require(p.day(day(4)))) == .some)
        #expect(p.completion(of: try #require(p.day(day(5)))) == .none)
        let perDay = try #require(p.day(day(1))).tasks.count
        // Through day 7: five full days and two tasks of day 4.
        let block = PlanBlock(profile)
        #expect(p.adherence(of: block, week: 1, today: day(7)) == Adherence(done: 5 * perDay + 2, total: 7 * perDay))
        // Through day 4 only the days so far count.
        #expect(p.adherence(of: block, week: 1, today: day(4)) == Adherence(done: 3 * perDay + 2, total: 4 * perDay))
        #expect(p.adherence(of: block, week: 2, today: day(7)) == nil, "week 2 has not started")
        #expect(Adherence(done: 1, total: 3).percent == 33)
        #expect(p.streaks(today: day(7)) == Streaks(current: 2, longest: 3))
        // Day 8 not done yet: the run still counts until day 8 ends.
        #expect(p.streaks(today: day(8)) == Streaks(current: 2, longest: 3))
        #expect(p.streaks(today: day(9)) == Streaks(current: 0, longest: 3))
        #expect(plan(Journal()).streaks(today: day(9)) == Streaks(current: 0, longest: 0))
    }

    @Test func streaksCountOnlyWholeDays() async {
        await propertyCheck(input: Gen.int(in: 0...((1 << 12) - 1))) { mask in
            let done = (1...12).filter { mask & (1 << ($0 - 1)) != 0 }
            guard let journal = try? tickAll(done) else {
                Issue.record("could not tick")
                return
            }
            var longest = 0
            var run = 0
            for n in 1...12 {
                run = done.contains(n) ? run + 1 : 0
                longest = max(longest, run)
            }
            var current = 0
            var n = done.contains(12) ? 12 : 11
            while n >= 1 && done.contains(n) {
                current += 1
                n -= 1
            }
            #expect(plan(journal).streaks(today: day(12)) == Streaks(current: current, longest: longest))
        }
    }

    @Test func aNewGoalKeepsThePastDaysAndTheirCheckOffs() throws {
        // Ten days into the soreness plan, days 1–9 ticked, the goal changes on day 10.
        let journal = try tickAll(Array(1...9))
        var changed = profile
        changed.goal = .tensionHeadache
        let history = PlanHistory.changes(from: profile, to: changed, journal: journal, today: day(10))
        #expect(history == [.putPlanBlock(PlanBlock(
            id: "plan-\(day(1))-soreness-until-\(day(9))", kind: .plan, goal: .soreness, start: day(1), end: day(9)))])
        let kept = try recorded([history], into: journal)
        #expect(kept.entries == journal.entries, "no check-off is touched")
        let p = plan(kept, changed)
        for n in 1...9 {
            let past = try #require(p.day(day(n)))
            #expect(past.position.block.goal == .soreness && p.completion(of: past) == .all, "day \(n)")
        }
        let now = try #require(p.day(day(10)))
        #expect(now.position.block.goal == .tensionHeadache && now.position.day == 10 && now.position.isProfilePlan)
        #expect(p.streaks(today: day(10)) == Streaks(current: 9, longest: 9))
        // Nothing else changed: no history.
        var older = changed
        older.ageYears = 41
        #expect(PlanHistory.changes(from: changed, to: older, journal: kept, today: day(10)).isEmpty)
        #expect(PlanHistory.changes(from: nil, to: changed, journal: kept, today: day(10)).isEmpty)
    }

    /// The plan made for one day (as a rating's check-off makes it) has that day exactly as the whole
    /// plan has it, over a goal change, a keep-going block, a red flag and days outside every block;
    /// so has a plan given weeks kept from before, which it uses only when they serve its profile and goals.
    @Test func aPlanMadeForOneDayHasThatDayAsTheWholePlanHasIt() throws {
        var changed = profile
        changed.goal = .tensionHeadache
        let history = PlanHistory.changes(from: profile, to: changed, journal: Journal(), today: day(10))
        let keep = PlanBlock.keepGoing(goal: .tensionHeadache, start: day(38))
        let flag = JournalEntry(id: "flag", day: day(15), kind: .redFlag("leg-breathless"))
        let journal = try recorded([history + [.putPlanBlock(keep), .add(flag)]], into: try tickAll([1, 2, 3]))
        let whole = plan(journal, changed)
        // Weeks kept from before (another profile, or too few goals) are not used; the right ones are.
        let kept = [
            PlanWeeks(profile: profile, catalogue: shipped, goals: [.soreness, .tensionHeadache]),
            PlanWeeks(profile: changed, catalogue: shipped, goals: [.tensionHeadache]),
            PlanWeeks(profile: changed, catalogue: shipped, goals: [.tensionHeadache, .soreness]),
        ].map { PersonalPlan(profile: changed, catalogue: shipped, journal: journal, weeks: $0) }
        #expect(kept.map { $0.weeks.serve(changed, goals: [.soreness, .tensionHeadache]) } == [true, true, true])
        #expect(!kept[0].weeks.serve(profile, goals: [.soreness]) && kept[2].weeks.profile == changed)
        var planDays = 0
        for n in -3...80 {
            let one = PersonalPlan(profile: changed, catalogue: shipped, journal: journal, onlyDay: day(n))
            #expect(one.day(day(n)) == whole.day(day(n)), "day \(n)")
            for plan in kept { #expect(plan.day(day(n)) == whole.day(day(n)), "day \(n)") }
            if whole.day(day(n)) != nil { planDays += 1 }
        }
        #expect(planDays > 40)
    }

    @Test func aNewStartCutsKeepGoingBlocksAndTheOldPlan() throws {
        let keep = PlanBlock.keepGoing(goal: .soreness, start: day(29))
        let later = PlanBlock.keepGoing(goal: .soreness, start: day(57))
        let journal = try recorded([[.putPlanBlock(keep), .putPlanBlock(later)]])
        var moved = profile
        moved.planStart = day(40)
        var cut = keep
        cut.end = day(39)
        let expected: [JournalChange] = [
            .putPlanBlock(cut), .removePlanBlock(id: later.id),
            .putPlanBlock(PlanBlock(id: "plan-\(day(1))-soreness-until-\(day(28))", kind: .plan, goal: .soreness, start: day(1), end: day(28))),
        ]
        // The change is made on day 35 with a start on day 40: the old blocks stay in force until then.
        #expect(PlanHistory.changes(from: profile, to: moved, journal: journal, today: day(35)) == expected)
        let p = plan(try recorded([expected], into: journal), moved)
        #expect(p.day(day(20))?.position.block.kind == .plan)
        #expect(p.day(day(39))?.position.block.id == keep.id)
        #expect(p.day(day(40))?.position.day == 1)
    }

    @Test func keepGoingStartsOnlyAfterThePlanAndNotInTheFuture() throws {
        let p = profile
        #expect(PlanHistory.keepGoing(on: day(20), profile: p, journal: Journal(), today: day(30)) == .failure(PlanRefusal(
            "\(day(20)) is a plan day already: keep going starts after your plan's last day.")))
        #expect(PlanHistory.keepGoing(on: day(31), profile: p, journal: Journal(), today: day(30)) == .failure(PlanRefusal(
            "A keep-going block starts today or earlier, not in the future.")))
        #expect(try PlanHistory.keepGoing(on: day(29), profile: p, journal: Journal(), today: day(30)).get()
            == PlanBlock(id: "keep-going-\(day(29))", kind: .keepGoing, goal: .soreness, start: day(29), end: day(56)))
    }

    @Test func badBlocksAreRefused() {
        var journal = Journal()
        let backwards = PlanBlock(id: "b", kind: .plan, goal: .soreness, start: day(5), end: day(1))
        #expect(throws: JournalChangeError.invalidPlanBlock(id: "b", problems: ["ends (\(day(1))) before it starts (\(day(5)))"])) {
            try journal.apply(.putPlanBlock(backwards))
        }
        let long = PlanBlock(id: "l", kind: .plan, goal: .soreness, start: day(1), end: day(29))
        #expect(throws: JournalChangeError.invalidPlanBlock(id: "l", problems: ["runs past day 28"])) {
            try journal.apply(.putPlanBlock(long))
        }
        #expect(throws: JournalChangeError.unknownID("x")) { try journal.apply(.removePlanBlock(id: "x")) }
        #expect(journal.planBlocks.isEmpty)
    }
}
