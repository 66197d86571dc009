/// An iCalendar document (RFC 5545) of all-day events, written to the letter: CRLF line ends, content
/// lines folded at 75 octets without splitting a UTF-8 character, and TEXT values escaped.
public struct ICalendar: Sendable, Hashable {
    public struct Event: Sendable, Hashable {
        /// Stable across exports, so a calendar app updates the event instead of adding it again.
        public var uid: String
        public var date: CalendarDay
        public var summary: String
        public var description: String

        public init(uid: String, date: CalendarDay, summary: String, description: String) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
        }
    }

    /// PRODID: who made the file.
    public var productID: String
    public var events: [Event]
    /// DTSTAMP of every event: when the file was made, as Unix seconds (UTC).
    public var stamp: Double

    public init(productID: String, events: [Event], stamp: Double) {
        self.productID = productID
        self.events = events
        self.stamp = stamp
    }

    /// PRODID of magrelax's plan export (RFC 5545 section 3.7.3).
    public static let magrelaxProductID = "-//magrelax//magrelax plan//EN"

    /// Longest content line, in octets, before it is folded (RFC 5545 section 3.1).
    public static let lineOctets = 75

    /// The document, ready to write.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.escape(productID), "CALSCALE:GREGORIAN"]
        let stamp = Self.utc(stamp)
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escape(event.uid),
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + Self.date(event.date),
                "DTEND;VALUE=DATE:" + Self.date(event.date.adding(days: 1)),
                "SUMMARY:" + Self.escape(event.summary),
                "DESCRIPTION:" + Self.escape(event.description),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// TEXT escaping: backslash, semicolon, comma and newline (section 3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line with its CRLF, folded so no line passes 75 octets: each continuation starts
    /// with a space, and a break never falls inside a character's UTF-8 bytes.
    public static func fold(_ line: String) -> String {
        var out = ""
        var used = 0
        for scalar in line.unicodeScalars {
            let octets = String(scalar).utf8.count
            if used + octets > lineOctets {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(scalar)
            used += octets
        }
        return out + "\r\n"
    }

    /// "20261110"
    static func date(_ day: CalendarDay) -> String {
        CalendarDay.pad(day.year, 4) + CalendarDay.pad(day.month, 2) + CalendarDay.pad(day.day, 2)
    }

    /// "20261110T071500Z"
    static func utc(_ seconds: Double) -> String {
        let day = CalendarDay(unixSeconds: seconds, utcOffsetSeconds: 0)
        let time = TimeOfDay(unixSeconds: seconds, utcOffsetSeconds: 0)
        return date(day) + "T" + CalendarDay.pad(time.hour, 2) + CalendarDay.pad(time.minute, 2)
            + CalendarDay.pad(time.second, 2) + "Z"
    }
}

extension PersonalPlan {
    /// Every plan day as an all-day event with its tasks and cautions; the UID is the date's, so a
    /// new export after a plan change updates those days.
    public func calendar(stamp: Double, productID: String) -> ICalendar {
        let events = days.map { day in
            var lines = ["Tasks:"] + day.tasks.map { "- " + $0.title }
            let notes = day.tasks.flatMap(\.notes).map(\.text)
            // The same caution can go with two tasks; say it once.
            var seen = Set<String>()
            lines += notes.filter { seen.insert($0).inserted }
            lines.append("magrelax is education, not medical advice.")
            return ICalendar.Event(
                uid: "plan-\(day.date)@magrelax", date: day.date, summary: "magrelax: " + day.headline,
                description: lines.joined(separator: "\n"))
        }
        return ICalendar(productID: productID, events: events, stamp: stamp)
    }
}
