import MagRelaxCore
import PropertyBased
import Testing

@Suite("Plan calendar: plan day and week from the start date")
struct PlanCalendarTests {
    func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test func dayOneIsTheStartDateAndWeeksAreSevenDays() {
        let plan = PlanCalendar(start: day("2026-11-02"))
        #expect(plan.day(of: day("2026-11-01")) == nil)
        #expect(plan.week(of: day("2026-11-01")) == nil)
        #expect(plan.day(of: day("2026-11-02")) == 1)
        #expect(plan.week(of: day("2026-11-02")) == 1)
        #expect(plan.week(of: day("2026-11-08")) == 1)
        #expect(plan.day(of: day("2026-11-09")) == 8)
        #expect(plan.week(of: day("2026-11-09")) == 2)
        #expect(plan.week(of: day("2026-11-22")) == 3)
        #expect(plan.week(of: day("2026-11-23")) == 4)
        #expect(plan.day(of: day("2026-11-29")) == 28)
        #expect(plan.week(of: day("2026-11-29")) == 4)
        #expect(plan.day(of: day("2026-11-30")) == nil, "day 29 is after the plan")
        #expect(plan.week(of: day("2026-11-30")) == nil)
    }

    @Test func monthAndYearBoundaries() {
        // Starting on the 20th of December: day 12 is New Year's Day, day 28 is in January.
        let plan = PlanCalendar(start: day("2026-12-20"))
        #expect(plan.day(of: day("2026-12-31")) == 12)
        #expect(plan.day(of: day("2027-01-01")) == 13)
        #expect(plan.week(of: day("2027-01-01")) == 2)
        #expect(plan.date(ofDay: 28) == day("2027-01-16"))
        #expect(plan.day(of: day("2027-01-17")) == nil)
    }

    @Test func leapYearsCountTheTwentyNinthOfFebruary() {
        let leap = PlanCalendar(start: day("2028-02-15"))
        #expect(leap.day(of: day("2028-02-29")) == 15)
        #expect(leap.day(of: day("2028-03-01")) == 16)
        #expect(leap.date(ofDay: 28) == day("2028-03-13"))
        let plain = PlanCalendar(start: day("2027-02-15"))
        #expect(plain.day(of: day("2027-03-01")) == 15)
        #expect(plain.date(ofDay: 28) == day("2027-03-14"))
        // 2100 is not a leap year, 2000 was.
        #expect(PlanCalendar(start: day("2100-02-28")).day(of: day("2100-03-01")) == 2)
        #expect(PlanCalendar(start: day("2000-02-28")).day(of: day("2000-03-01")) == 3)
    }

    @Test func dateOfDayIsTheInverseInsideThePlanOnly() async {
        let plan = PlanCalendar(start: day("2026-11-02"))
        #expect(plan.date(ofDay: 0) == nil)
        #expect(plan.date(ofDay: 29) == nil)
        await propertyCheck(input: Gen.int(in: -700_000...2_900_000), Gen.int(in: -40...40)) { start, offset in
            let plan = PlanCalendar(start: CalendarDay(dayNumber: start))
            let date = CalendarDay(dayNumber: start + offset)
            if let n = plan.day(of: date) {
                #expect(n == offset + 1)
                #expect(plan.date(ofDay: n) == date)
                #expect(plan.week(of: date) == (n - 1) / 7 + 1)
                #expect((1...PlanCalendar.weeks).contains(plan.week(of: date)!))
            } else {
                #expect(offset < 0 || offset >= PlanCalendar.days)
                #expect(plan.week(of: date) == nil)
            }
        }
    }

    @Test func theProfileGivesTheStart() {
        let profile = Profile(ageYears: 35, sex: .female, goal: .soreness, planStart: day("2026-11-02"))
        #expect(PlanCalendar(profile) == PlanCalendar(start: day("2026-11-02")))
    }

    @Test func everyShippedPlanHasTheCalendarsWeeks() {
        for plan in shipped.plans {
            #expect(plan.weeks.map(\.week) == Array(1...PlanCalendar.weeks), "\(plan.goal)")
        }
    }
}
