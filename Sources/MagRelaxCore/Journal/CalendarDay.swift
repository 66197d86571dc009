/// A local calendar day (no time zone): what the person means by "today".
/// Encoded as "YYYY-MM-DD".
public struct CalendarDay: Sendable, Hashable, Comparable, TextCodable {
    public static let textFormat = "YYYY-MM-DD"
    public init?(codingText: String) { self.init(iso: codingText) }

    public let year: Int
    public let month: Int
    public let day: Int

    /// nil when the date does not exist (e.g. 2026-02-30) or the year is outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" strictly (four-digit year, two-digit month and day).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The local day of a wall-clock reading, given the zone's offset from UTC at that moment.
    public init(unixSeconds: Double, utcOffsetSeconds: Int) {
        let local = Int((unixSeconds + Double(utcOffsetSeconds)).rounded(.down))
        self.init(dayNumber: CalendarDay.floorDiv(local, 86_400))
    }

    public init(_ reading: TimeReading) {
        self.init(unixSeconds: reading.wallClock, utcOffsetSeconds: reading.utcOffsetSeconds)
    }

    /// Days since 1970-01-01 (negative before). Civil-from-days after H. Hinnant's public-domain algorithm.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = CalendarDay.floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        // Clamp to the representable range rather than trap on absurd inputs.
        let clampedYear = min(max(y, 1), 9999)
        self.year = clampedYear
        self.month = clampedYear == y ? m : (y < 1 ? 1 : 12)
        self.day = clampedYear == y ? d : (y < 1 ? 1 : 31)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = CalendarDay.floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int { other.dayNumber - dayNumber }

    /// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { CalendarDay.floorMod(dayNumber + 4, 7) }

    /// "YYYY-MM", the month a journal file holds.
    public var monthKey: String { CalendarDay.pad(year, 4) + "-" + CalendarDay.pad(month, 2) }

    public var description: String { monthKey + "-" + CalendarDay.pad(day, 2) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A local time of day to the second. Encoded as "HH:MM:SS".
public struct TimeOfDay: Sendable, Hashable, Comparable, TextCodable {
    public static let textFormat = "HH:MM:SS"
    public init?(codingText: String) { self.init(text: codingText) }

    public let secondsSinceMidnight: Int

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        secondsSinceMidnight = hour * 3600 + minute * 60 + second
    }

    public init?(secondsSinceMidnight: Int) {
        guard (0..<86_400).contains(secondsSinceMidnight) else { return nil }
        self.secondsSinceMidnight = secondsSinceMidnight
    }

    public init(unixSeconds: Double, utcOffsetSeconds: Int) {
        let local = Int((unixSeconds + Double(utcOffsetSeconds)).rounded(.down))
        secondsSinceMidnight = CalendarDay.floorMod(local, 86_400)
    }

    public init(_ reading: TimeReading) {
        self.init(unixSeconds: reading.wallClock, utcOffsetSeconds: reading.utcOffsetSeconds)
    }

    /// The time of an entry made now for `day`: the time of day when the day is today; none for an
    /// earlier day (its hour is not known).
    public static func ofEntry(on day: CalendarDay, now: TimeReading) -> TimeOfDay? {
        day == CalendarDay(now) ? TimeOfDay(now) : nil
    }

    /// Parses "HH:MM" or "HH:MM:SS".
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) : 0
        guard let s else { return nil }
        self.init(hour: h, minute: m, second: s)
    }

    public var hour: Int { secondsSinceMidnight / 3600 }
    public var minute: Int { secondsSinceMidnight / 60 % 60 }
    public var second: Int { secondsSinceMidnight % 60 }

    /// "HH:MM", for the screen.
    public var shortText: String { CalendarDay.pad(hour, 2) + ":" + CalendarDay.pad(minute, 2) }

    public var description: String { shortText + ":" + CalendarDay.pad(second, 2) }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.secondsSinceMidnight < b.secondsSinceMidnight }
}

/// Values stored in JSON as their `description` text, e.g. "2026-11-02".
public protocol TextCodable: Codable, CustomStringConvertible {
    static var textFormat: String { get }
    init?(codingText: String)
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(codingText: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not \(Self.textFormat): \"\(text)\""))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension CalendarDay {
    /// English names, by `weekday` (0 = Sunday) and by month − 1: the app and the commands share them.
    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "23 Nov"
    public var dayMonthText: String { "\(day) \(CalendarDay.monthNames[month - 1].prefix(3))" }

    /// "Mon 23 Nov"
    public var shortText: String { "\(CalendarDay.weekdayNames[weekday].prefix(3)) " + dayMonthText }

    /// "Mon 23 Nov 2026"
    public var longText: String { shortText + " \(year)" }
}
