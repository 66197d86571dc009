import PropertyBased
import Testing
import TerminalUI

@Suite struct GridCursorTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> GridDate { GridDate(year: y, month: m, day: d)! }

    /// Any valid day in years 1900...2200 (a day past the month's end becomes its last).
    static let dates = Gen.int(in: (1900 * 372)...(2200 * 372 + 371)).map { n in
        let year = n / (12 * 31), month = n / 31 % 12 + 1
        return GridDate(year: year, month: month, day: min(n % 31 + 1, GridDate.daysIn(year: year, month: month)))!
    }
    static let moves = Gen.element(of: [Key.left, .right, .up, .down, .pageUp, .pageDown, .home, .end, .char("h"), .char("l")]).map { $0! }

    @Test func invalidDaysAreRefused() {
        #expect(GridDate(year: 2025, month: 2, day: 29) == nil)
        #expect(GridDate(year: 2024, month: 2, day: 29) != nil)
        #expect(GridDate(year: 1900, month: 2, day: 29) == nil)
        #expect(GridDate(year: 2000, month: 2, day: 29) != nil)
        #expect(GridDate(year: 2025, month: 13, day: 1) == nil)
        #expect(GridDate(year: 2025, month: 4, day: 31) == nil)
        #expect(GridDate(year: 2025, month: 1, day: 0) == nil)
    }

    @Test func dayNumbersRoundTripToTheCalendarsEnds() {
        #expect(date(1, 1, 1).dayNumber == 0)
        #expect(GridDate(dayNumber: date(9999, 12, 31).dayNumber) == date(9999, 12, 31))
        #expect(date(9999, 12, 31).adding(days: 5) == date(9999, 12, 31), "held at the last day")
        #expect(date(1, 1, 1).adding(days: -5) == date(1, 1, 1))
        #expect(date(2024, 2, 28).adding(days: 1) == date(2024, 2, 29))
        #expect(date(2023, 12, 31).adding(days: 366) == date(2024, 12, 31))
    }

    @Test func weekdaysAreISO() {
        #expect(date(2025, 1, 1).weekday == 3)  // a Wednesday
        #expect(date(2024, 2, 29).weekday == 4)  // a Thursday
        #expect(date(2000, 1, 1).weekday == 6)  // a Saturday
        #expect(date(2025, 6, 15).description == "2025-06-15")
    }

    @Test func movesCrossMonthAndYearEdges() {
        var g = GridCursor(date: date(2024, 12, 31))
        var outcome = g.handle(.right)
        #expect(outcome)
        #expect(g.date == date(2025, 1, 1))
        _ = g.handle(.up)
        #expect(g.date == date(2024, 12, 25))
        _ = g.handle(.down)
        _ = g.handle(.down)
        #expect(g.date == date(2025, 1, 8))
        _ = g.handle(.end)
        #expect(g.date == date(2025, 1, 31))
        _ = g.handle(.home)
        #expect(g.date == date(2025, 1, 1))
        outcome = g.handle(.char("x"))
        #expect(!outcome)
    }

    @Test func aMonthLaterClampsToTheShorterMonth() {
        #expect(date(2025, 1, 31).adding(months: 1) == date(2025, 2, 28))
        #expect(date(2024, 1, 31).adding(months: 1) == date(2024, 2, 29))
        #expect(date(2024, 3, 31).adding(months: -1) == date(2024, 2, 29))
        #expect(date(2024, 11, 30).adding(months: 2) == date(2025, 1, 30))
        var g = GridCursor(date: date(2025, 1, 31))
        _ = g.handle(.pageDown)
        #expect(g.date == date(2025, 2, 28))
    }

    @Test func weeksStartOnTheConfiguredDay() {
        // February 2026 starts on a Sunday.
        let monday = GridCursor(date: date(2026, 2, 10), firstWeekday: 1)
        #expect(monday.weeks.first == [nil, nil, nil, nil, nil, nil, 1])
        #expect(monday.weeks.count == 5)
        #expect(monday.cell == (2, 1))
        let sunday = GridCursor(date: date(2026, 2, 10), firstWeekday: 7)
        #expect(sunday.weeks.first == [1, 2, 3, 4, 5, 6, 7])
        #expect(sunday.weeks.count == 4)
        #expect(sunday.cell == (1, 2))
    }

    @Test func theRangeHoldsTheCursor() {
        var g = GridCursor(date: date(2025, 3, 1), range: date(2025, 3, 1)...date(2025, 3, 28))
        _ = g.handle(.left)
        #expect(g.date == date(2025, 3, 1))
        _ = g.handle(.pageDown)
        #expect(g.date == date(2025, 3, 28))
        g.range = date(2025, 3, 1)...date(2025, 3, 14)
        #expect(g.date == date(2025, 3, 14), "a narrower range moves the cursor into it")
        g.firstWeekday = 9
        #expect(g.firstWeekday == 7)
    }

    @Test func rightThenLeftReturnsToTheSameDay() async {
        await propertyCheck(input: Self.dates, Gen.int(in: 1...7)) { day, first in
            var g = GridCursor(date: day, firstWeekday: first)
            _ = g.handle(.right)
            _ = g.handle(.left)
            #expect(g.date == day)
            _ = g.handle(.down)
            _ = g.handle(.up)
            #expect(g.date == day)
        }
    }

    @Test func theDayIsAlwaysValidAndInItsCell() async {
        await propertyCheck(input: Self.dates, Gen.int(in: 1...7), Self.moves.array(of: 0...30)) { day, first, keys in
            var g = GridCursor(date: day, firstWeekday: first)
            for key in keys { _ = g.handle(key) }
            let d = g.date
            #expect(GridDate(year: d.year, month: d.month, day: d.day) == d)
            #expect(g.weeks[g.cell.row][g.cell.column] == d.day)
            #expect(g.cell.column == g.column(ofWeekday: d.weekday))
            #expect(g.weeks.allSatisfy { $0.count == 7 })
        }
    }

    @Test func addingDaysAgreesWithDayNumbers() async {
        await propertyCheck(input: Self.dates, Gen.int(in: -800...800)) { day, n in
            #expect(day.adding(days: n).dayNumber == day.dayNumber + n)
        }
    }
}
