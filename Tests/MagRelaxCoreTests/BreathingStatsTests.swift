import MagRelaxCore
import Testing

@Suite("Breathing practice: stats, holds refused, the first month")
struct BreathingStatsTests {
    func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    func session(_ id: String, _ date: String, pattern: String = "box", seconds: Double = 300,
                 before: Int? = nil, after: Int? = nil) -> JournalEntry {
        JournalEntry(
            id: id, day: day(date), time: TimeOfDay(hour: 8, minute: 0),
            kind: .breathing(BreathingSession(
                patternID: pattern, plannedSeconds: seconds, actualSeconds: seconds, cycles: 5,
                tensionBefore: before, tensionAfter: after)))
    }

    func journal(_ entries: [JournalEntry]) throws -> Journal {
        var j = Journal()
        for e in entries { try j.apply(.add(e)) }
        return j
    }

    @Test func countsSessionsMinutesAndTheMeanChangeOfRatedOnes() throws {
        let j = try journal([
            session("a", "2026-11-02", seconds: 300, before: 6, after: 3),
            session("b", "2026-11-03", seconds: 90, before: 5),
            session("c", "2026-11-04", seconds: 150, before: 4, after: 4),
            JournalEntry(id: "n", day: day("2026-11-03"), kind: .note("not a session")),
        ])
        let stats = BreathingStats(j, from: day("2026-11-02"), through: day("2026-11-04"))
        #expect(stats.sessions == 3)
        #expect(stats.minutes == 9)
        #expect(stats.averageChange == -1.5)
        let one = BreathingStats(j, from: day("2026-11-03"), through: day("2026-11-03"))
        #expect(one.sessions == 1 && one.averageChange == nil)
        let none = BreathingStats(j, from: day("2026-11-05"), through: day("2026-11-01"))
        #expect(none == BreathingStats(Journal(), from: day("2026-11-01"), through: day("2026-11-30")))
        #expect(none.sessions == 0 && none.minutes == 0 && none.averageChange == nil)
    }

    @Test func weekFromThePersonsFirstWeekdayAndTwentyEightDaysBothIncludeToday() throws {
        // 2026-11-04 is a Wednesday: its week began on Monday the 2nd, or Sunday the 1st.
        let j = try journal([
            session("old", "2026-10-07"),  // 29 days back: outside both
            session("d28", "2026-10-08"),  // 28 days back, today counted: inside the 28 days
            session("sun", "2026-11-01"),
            session("mon", "2026-11-02"),
            session("today", "2026-11-04"),
            session("tomorrow", "2026-11-05"),
        ])
        let today = day("2026-11-04")
        let monday = BreathingStats.weekAndFourWeeks(j, today: today, weekStart: .monday)
        #expect(monday.week.sessions == 2)
        #expect(monday.fourWeeks.sessions == 4)
        let sunday = BreathingStats.weekAndFourWeeks(j, today: today, weekStart: .sunday)
        #expect(sunday.week.sessions == 3)
        #expect(sunday.fourWeeks.sessions == 4)
    }

    @Test func weeksStartOnTheChosenDayAcrossMonthAndYearEnds() {
        #expect(day("2026-11-04").startOfWeek(.monday) == day("2026-11-02"))
        #expect(day("2026-11-04").startOfWeek(.sunday) == day("2026-11-01"))
        #expect(day("2026-11-02").startOfWeek(.monday) == day("2026-11-02"), "a Monday starts its own week")
        #expect(day("2026-11-01").startOfWeek(.monday) == day("2026-10-26"), "a Sunday ends the Monday week")
        #expect(day("2027-01-01").startOfWeek(.monday) == day("2026-12-28"))
        #expect(day("2024-03-02").startOfWeek(.sunday) == day("2024-02-25"), "back over a leap day")
        for offset in 0..<14 {
            let d = day("2026-11-01").adding(days: offset)
            for start in WeekStart.allCases {
                #expect(d.startOfWeek(start).weekday == start.weekday)
                #expect((0..<7).contains(d.startOfWeek(start).days(until: d)))
            }
        }
    }

    func profile(_ stage: LifeStage = .none, heartOrLung: Bool = false) -> Profile {
        Profile(ageYears: 30, sex: .female, lifeStage: stage, heartOrLungDisease: heartOrLung, goal: .soreness,
                planStart: day("2026-11-02"))
    }

    @Test func holdsAreRefusedForPregnancyAndHeartOrLungDiseaseOnly() {
        #expect(!BreathingRules.holdsRefused(for: nil))
        #expect(!BreathingRules.holdsRefused(for: profile()))
        #expect(!BreathingRules.holdsRefused(for: profile(.lactating)))
        #expect(BreathingRules.holdsRefused(for: profile(.pregnant)))
        #expect(BreathingRules.holdsRefused(for: profile(heartOrLung: true)))
        #expect(BreathingRules.holdsRefused(for: profile(.lactating, heartOrLung: true)))
    }

    @Test func aRefusedPatternLosesItsHoldsAndKeepsTheRest() {
        let box = BreathingFixtures.box
        let kept = BreathingRules.breathable(box, for: profile())
        #expect(kept.pattern == box && !kept.holdsLeftOut)
        let refused = BreathingRules.breathable(box, for: profile(.pregnant))
        #expect(refused.holdsLeftOut)
        #expect(refused.pattern.holdIn == 0 && refused.pattern.holdOut == 0)
        #expect(refused.pattern.inhale == box.inhale && refused.pattern.exhale == box.exhale)
        #expect(refused.pattern.id == box.id && refused.pattern.dose == box.dose)
        // Nothing to leave out: not reported as left out.
        let plain = BreathingRules.breathable(BreathingFixtures.coherent, for: profile(heartOrLung: true))
        #expect(plain.pattern == BreathingFixtures.coherent && !plain.holdsLeftOut)
    }

    @Test func theFirstMonthRunsThirtyDaysFromTheFirstSession() throws {
        let j = try journal([
            session("first", "2026-01-30", pattern: "4-7-8"),
            session("later", "2026-02-20", pattern: "4-7-8"),
            session("other", "2026-03-10", pattern: "box"),
        ])
        func first(_ pattern: String, _ today: String) -> Bool {
            BreathingRules.inFirstMonth(of: pattern, journal: j, today: day(today))
        }
        #expect(first("4-7-8", "2026-01-30"), "the day of the first session")
        #expect(first("4-7-8", "2026-02-28"), "day 29 after it")
        #expect(!first("4-7-8", "2026-03-01"), "day 30 after it")
        #expect(first("box", "2026-04-08") && !first("box", "2026-04-09"))
        #expect(first("coherent", "2030-01-01"), "never practised")
        #expect(first("4-7-8", "2026-01-01"), "before the first session")
        #expect(BreathingRules.inFirstMonth(of: "4-7-8", journal: Journal(), today: day("2026-03-01")))
        // Across a leap February: 2028-02-01 + 30 days is 2028-03-02.
        let leap = try journal([session("l", "2028-02-01", pattern: "4-7-8")])
        #expect(BreathingRules.inFirstMonth(of: "4-7-8", journal: leap, today: day("2028-03-01")))
        #expect(!BreathingRules.inFirstMonth(of: "4-7-8", journal: leap, today: day("2028-03-02")))
    }
}
