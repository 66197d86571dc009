import MagRelaxCore
import PropertyBased
import Testing

/// The plan as iCalendar (RFC 5545), parsed back: every event, folding at 75 octets, escaping, stable UIDs.
@Suite("iCalendar export of the plan")
struct ICalendarTests {
    static let start = CalendarDay(iso: "2026-11-02")!

    /// A small RFC 5545 reader: unfolds, splits properties, unescapes TEXT values.
    struct Parsed {
        var calendar: [(name: String, value: String)] = []
        var events: [[String: String]] = []
    }

    static func parse(_ text: String) throws -> Parsed {
        #expect(text.hasSuffix("\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            #expect(!line.contains("\n") && !line.contains("\r"), "bare line break in \(line)")
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
        }
        var logical: [String] = []
        for line in physical {
            if line.hasPrefix(" ") {
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var parsed = Parsed()
        var event: [String: String]?
        for line in logical {
            let colon = try #require(line.firstIndex(of: ":"))
            let name = String(line[..<colon])
            let value = unescape(String(line[line.index(after: colon)...]))
            switch (name, value) {
            case ("BEGIN", "VEVENT"): event = [:]
            case ("END", "VEVENT"):
                parsed.events.append(try #require(event))
                event = nil
            default:
                if event != nil { event![name] = value } else { parsed.calendar.append((name, value)) }
            }
        }
        return parsed
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    func plan(kidney: Bool = false) -> PersonalPlan {
        let profile = Profile(
            ageYears: 35, sex: .female, kidneyDisease: kidney, medicines: [.tetracyclineOrQuinolone], goal: .nerveTension,
            planStart: Self.start, supplementFormID: "glycinate", doseMg: 200)
        return PersonalPlan(profile: profile, catalogue: shipped, journal: Journal())
    }

    @Test func everyPlanDayIsAnAllDayEventWithItsTasks() throws {
        let plan = plan()
        // 2026-11-10 07:15:30 UTC.
        let text = plan.calendar(stamp: 1_794_294_930, productID: "-//magrelax//magrelax 0.1.0//EN").text
        let parsed = try Self.parse(text)
        #expect(parsed.calendar.map(\.name) == ["BEGIN", "VERSION", "PRODID", "CALSCALE", "END"])
        #expect(parsed.calendar[1].value == "2.0" && parsed.calendar[2].value == "-//magrelax//magrelax 0.1.0//EN")
        #expect(parsed.events.count == PlanCalendar.days)
        for (i, event) in parsed.events.enumerated() {
            let date = Self.start.adding(days: i)
            let day = try #require(plan.day(date))
            let compact = date.description.replacingOccurrences(of: "-", with: "")
            #expect(event["UID"] == "plan-\(date)@magrelax")
            #expect(event["DTSTAMP"] == "20261110T071530Z")
            #expect(event["DTSTART;VALUE=DATE"] == compact)
            #expect(event["DTEND;VALUE=DATE"] == date.adding(days: 1).description.replacingOccurrences(of: "-", with: ""))
            #expect(event["SUMMARY"] == "magrelax: " + day.headline)
            let description = try #require(event["DESCRIPTION"])
            for task in day.tasks { #expect(description.contains("- " + task.title + "\n")) }
            // Cautions once each, and the disclaimer.
            #expect(description.components(separatedBy: "doxycycline").count == 2)
            #expect(description.hasSuffix("\nmagrelax is education, not medical advice."))
        }
    }

    @Test func uidsAreTheSameInEveryExport() throws {
        let first = try Self.parse(plan().calendar(stamp: 1_794_294_930, productID: "p").text)
        let second = try Self.parse(plan(kidney: true).calendar(stamp: 1_794_400_000, productID: "p").text)
        #expect(first.events.map { $0["UID"] } == second.events.map { $0["UID"] })
        #expect(first.events.map { $0["DTSTAMP"] } != second.events.map { $0["DTSTAMP"] })
    }

    @Test func escapingCommasSemicolonsBackslashesAndNewlines() throws {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let event = ICalendar.Event(uid: "u", date: Self.start, summary: "Rest; then, walk", description: "one\ntwo \\ three")
        let parsed = try Self.parse(ICalendar(productID: "p", events: [event], stamp: 0).text)
        #expect(parsed.events.first?["SUMMARY"] == "Rest; then, walk")
        #expect(parsed.events.first?["DESCRIPTION"] == "one\ntwo \\ three")
        #expect(parsed.events.first?["DTSTAMP"] == "19700101T000000Z")
    }

    @Test func foldingAt75OctetsNeverSplitsACharacter() {
        #expect(ICalendar.fold(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75) + "\r\n")
        #expect(ICalendar.fold(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a\r\n")
        // 74 ASCII octets then "·" (2 octets): the dot moves whole to the next line.
        #expect(ICalendar.fold(String(repeating: "a", count: 74) + "·b") == String(repeating: "a", count: 74) + "\r\n ·b\r\n")
    }

    @Test func foldingRoundTripsAnyText() async {
        let pieces = ["a", "Ω", "·", "–", "…", "漢", "🧘", " ", ",", ";", "\\", "\n"]
        await propertyCheck(input: Gen.element(of: pieces).array(of: 0...300)) { chosen in
            let text = chosen.compactMap { $0 }.joined()
            let event = ICalendar.Event(uid: "u", date: Self.start, summary: "s", description: text)
            guard let parsed = try? Self.parse(ICalendar(productID: "p", events: [event], stamp: 0).text) else {
                Issue.record("unreadable")
                return
            }
            #expect(parsed.events.first?["DESCRIPTION"] == text)
        }
    }
}
