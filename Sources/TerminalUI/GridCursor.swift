/// A day of the Gregorian calendar, as the calendar grid needs it (TerminalUI has no clock or time zone).
public struct GridDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var year: Int
    public private(set) var month: Int
    public private(set) var day: Int

    /// Nil unless the day exists (years 1...9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...GridDate.daysIn(year: year, month: month)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var daysInMonth: Int { GridDate.daysIn(year: year, month: month) }

    /// The day `n` days after 0001-01-01, kept within years 1...9999.
    public init(dayNumber n: Int) {
        let n = min(max(n, 0), GridDate.daysBefore(year: 10000) - 1)
        // A year has at most 366 days, so this never passes the answer.
        var y = n / 366 + 1
        while GridDate.daysBefore(year: y + 1) <= n { y += 1 }
        var rest = n - GridDate.daysBefore(year: y)
        var m = 1
        while rest >= GridDate.daysIn(year: y, month: m) {
            rest -= GridDate.daysIn(year: y, month: m)
            m += 1
        }
        year = y
        month = m
        day = rest + 1
    }

    private static func daysBefore(year: Int) -> Int {
        let y = year - 1
        return 365 * y + y / 4 - y / 100 + y / 400
    }

    /// Days since 0001-01-01, a Monday.
    public var dayNumber: Int {
        (1..<month).reduce(GridDate.daysBefore(year: year) + day - 1) { $0 + GridDate.daysIn(year: year, month: $1) }
    }

    /// 1 Monday … 7 Sunday (ISO 8601).
    public var weekday: Int { dayNumber % 7 + 1 }

    /// The day `n` days later (earlier for negative `n`), kept within years 1...9999.
    public func adding(days n: Int) -> GridDate { GridDate(dayNumber: dayNumber + n) }

    /// The same day `n` months later, or the month's last day when it is shorter (Jan 31 + 1 → Feb 28/29).
    public func adding(months n: Int) -> GridDate {
        let index = min(max(year * 12 + (month - 1) + n, 12), 9999 * 12 + 11)
        var date = self
        date.year = index / 12
        date.month = index % 12 + 1
        date.day = min(day, date.daysInMonth)
        return date
    }

    public static func < (a: GridDate, b: GridDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601, e.g. 2025-02-28.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }
}

/// The selected day of a month calendar shown as weeks of seven days. Left and Right move a day,
/// Up and Down a week, Page Up and Page Down a month (clamped to the shorter month's last day),
/// Home and End to the month's first and last day; each crosses into the next or previous month.
public struct GridCursor: Sendable, Hashable {
    public private(set) var date: GridDate
    /// The weekday of each row's first column: 1 Monday … 7 Sunday.
    public var firstWeekday: Int {
        didSet { firstWeekday = min(max(firstWeekday, 1), 7) }
    }
    /// Days outside this range cannot be selected.
    public var range: ClosedRange<GridDate>? {
        didSet { select(date) }
    }

    public init(date: GridDate, firstWeekday: Int = 1, range: ClosedRange<GridDate>? = nil) {
        self.date = date
        self.firstWeekday = min(max(firstWeekday, 1), 7)
        self.range = range
        select(date)
    }

    /// Selects `day`, or the nearest day in range.
    public mutating func select(_ day: GridDate) {
        guard let range else {
            date = day
            return
        }
        date = min(max(day, range.lowerBound), range.upperBound)
    }

    /// False for keys it does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left, .char("h"): select(date.adding(days: -1))
        case .right, .char("l"): select(date.adding(days: 1))
        case .up, .char("k"): select(date.adding(days: -7))
        case .down, .char("j"): select(date.adding(days: 7))
        case .pageUp: select(date.adding(months: -1))
        case .pageDown: select(date.adding(months: 1))
        case .home: select(date.adding(days: 1 - date.day))
        case .end: select(date.adding(days: date.daysInMonth - date.day))
        default: return false
        }
        return true
    }

    /// The column (0…6) of a weekday (1 Monday … 7 Sunday).
    public func column(ofWeekday weekday: Int) -> Int { (weekday - firstWeekday + 7) % 7 }

    /// The selected month as rows of seven day numbers, nil where a row runs outside the month.
    public var weeks: [[Int?]] {
        let first = date.adding(days: 1 - date.day)
        let lead = column(ofWeekday: first.weekday)
        let cells: [Int?] = Array(repeating: nil, count: lead) + (1...date.daysInMonth).map { $0 }
        let padded = cells + Array(repeating: nil, count: (7 - cells.count % 7) % 7)
        return stride(from: 0, to: padded.count, by: 7).map { Array(padded[$0..<$0 + 7]) }
    }

    /// The selected day's place in `weeks`.
    public var cell: (row: Int, column: Int) {
        let first = date.adding(days: 1 - date.day)
        let index = column(ofWeekday: first.weekday) + date.day - 1
        return (index / 7, index % 7)
    }
}
