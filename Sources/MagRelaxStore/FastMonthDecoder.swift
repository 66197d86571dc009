#if canImport(Glibc)
    import Glibc
#endif
import MagRelaxCore

/// A direct parser for month files, the hot path of loading (JSONDecoder took ~360 ms for ten
/// years of entries). The Codable path is the truth: this parser returns nil for anything it does
/// not fully understand — a key it has no field for (its key lists come from the documents' own
/// coding keys), a repeated key, an unknown entry type, odd JSON — and the Codable path then
/// decodes the file and explains any problem. So a field added to an entry is never dropped here.
/// A property test checks that both paths read random journals of every entry type the same.
struct FastMonthDecoder {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private var i = 0

    struct Bail: Error {}

    static func decode(_ bytes: UnsafeRawBufferPointer, version: Int) -> MonthDocument? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        var parser = FastMonthDecoder(p: base.assumingMemoryBound(to: UInt8.self), end: bytes.count)
        return try? parser.document(version: version)
    }

    private init(p: UnsafePointer<UInt8>, end: Int) {
        self.p = p
        self.end = end
    }

    // MARK: Document and entries

    private mutating func document(version: Int) throws(Bail) -> MonthDocument {
        var schemaVersion: Int?
        var month: String?
        var entries: [JournalEntry]?
        var more = try open(UInt8(ascii: "{"), UInt8(ascii: "}"))
        while more {
            let index = try key(FastMonthDecoder.documentKeys)
            guard index >= 0 else { throw Bail() }
            switch MonthDocument.CodingKeys.allCases[index] {
            case .schemaVersion: try once(&schemaVersion, integer())
            case .month: try once(&month, string())
            case .entries:
                guard entries == nil else { throw Bail() }
                var list: [JournalEntry] = []
                var again = try open(UInt8(ascii: "["), UInt8(ascii: "]"))
                while again {
                    list.append(try entry())
                    again = try next(UInt8(ascii: "]"))
                }
                entries = list
            }
            more = try next(UInt8(ascii: "}"))
        }
        skipSpace()
        guard i == end, let schemaVersion, schemaVersion == version, let month, let entries else { throw Bail() }
        return MonthDocument(schemaVersion: schemaVersion, month: month, entries: entries)
    }

    private mutating func entry() throws(Bail) -> JournalEntry {
        var id: String?, day: CalendarDay?, time: TimeOfDay?, type: String?
        var ratings: [String: Int]?
        var food: String?, form: String?, goal: String?, task: String?, pattern: String?, text: String?, flag: String?
        var note: String?, triggers: Set<SymptomTrigger>?
        var servings: Double?, mg: Double?, planned: Double?, actual: Double?, grams: Double?, compound: Double?
        var unit: String?
        var week: Int?, cycles: Int?, before: Int?, after: Int?
        var more = try open(UInt8(ascii: "{"), UInt8(ascii: "}"))
        while more {
            let index = try key(FastMonthDecoder.entryKeys)
            guard index >= 0, let field = FastMonthDecoder.entryFields[index] else { throw Bail() }
            switch field {
            case .id: try once(&id, string())
            case .day: try once(&day, calendarDay())
            case .time: try once(&time, timeOfDay())
            case .type: try once(&type, string())
            case .ratings:
                guard ratings == nil else { throw Bail() }
                var r: [String: Int] = [:]
                var again = try open(UInt8(ascii: "{"), UInt8(ascii: "}"))
                while again {
                    let symptom = try string()
                    try expect(UInt8(ascii: ":"))
                    guard r.updateValue(try integer(), forKey: symptom) == nil else { throw Bail() }
                    again = try next(UInt8(ascii: "}"))
                }
                ratings = r
            case .food: try once(&food, string())
            case .servings: try once(&servings, double())
            case .form: try once(&form, string())
            case .mg: try once(&mg, double())
            case .goal: try once(&goal, string())
            case .week: try once(&week, integer())
            case .task: try once(&task, string())
            case .pattern: try once(&pattern, string())
            case .plannedSeconds: try once(&planned, double())
            case .actualSeconds: try once(&actual, double())
            case .cycles: try once(&cycles, integer())
            case .tensionBefore: try once(&before, integer())
            case .tensionAfter: try once(&after, integer())
            case .text: try once(&text, string())
            case .flag: try once(&flag, string())
            case .note: try once(&note, string())
            case .triggers:
                guard triggers == nil else { throw Bail() }
                var t = Set<SymptomTrigger>()
                var again = try open(UInt8(ascii: "["), UInt8(ascii: "]"))
                while again {
                    // An unknown trigger is for the Codable path to explain.
                    guard let trigger = SymptomTrigger(rawValue: try string()) else { throw Bail() }
                    t.insert(trigger)
                    again = try next(UInt8(ascii: "]"))
                }
                triggers = t
            case .grams: try once(&grams, double())
            case .unit: try once(&unit, string())
            case .compoundMg: try once(&compound, double())
            }
            more = try next(UInt8(ascii: "}"))
        }
        guard let id, let day, let typeName = type, let type = EntryType(rawValue: typeName) else { throw Bail() }
        let kind: EntryKind
        switch type {
        case .symptoms:
            guard let ratings else { throw Bail() }
            kind = .symptoms(SymptomCheckIn(ratings: ratings, note: note, triggers: triggers ?? []))
        case .food:
            guard let food, let servings else { throw Bail() }
            var foodUnit = FoodUnit.servings
            if let unit {
                guard let parsed = FoodUnit(rawValue: unit) else { throw Bail() }
                foodUnit = parsed
            }
            kind = .food(FoodServing(foodID: food, servings: servings, grams: grams, mg: mg, unit: foodUnit))
        case .supplement:
            guard let form, let mg else { throw Bail() }
            kind = .supplement(SupplementDose(formID: form, elementalMg: mg, compoundMg: compound))
        case .checkOff:
            guard let goalText = goal, let parsedGoal = Goal(rawValue: goalText), let week, let task else { throw Bail() }
            kind = .checkOff(TaskCheckOff(goal: parsedGoal, week: week, taskID: task))
        case .breathing:
            guard let pattern, let planned, let actual, let cycles else { throw Bail() }
            kind = .breathing(
                BreathingSession(
                    patternID: pattern, plannedSeconds: planned, actualSeconds: actual, cycles: cycles,
                    tensionBefore: before, tensionAfter: after))
        case .note:
            guard let text else { throw Bail() }
            kind = .note(text)
        case .redFlag:
            guard let flag else { throw Bail() }
            kind = .redFlag(flag)
        }
        return JournalEntry(id: id, day: day, time: time, kind: kind)
    }

    /// A key seen twice is left to the Codable path.
    private func once<T>(_ slot: inout T?, _ value: T) throws(Bail) {
        guard slot == nil else { throw Bail() }
        slot = value
    }

    // MARK: JSON pieces

    private mutating func skipSpace() {
        while i < end {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    private mutating func expect(_ c: UInt8) throws(Bail) {
        skipSpace()
        guard i < end, p[i] == c else { throw Bail() }
        i += 1
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return i < end ? p[i] : nil
    }

    /// Consumes the opening bracket; false when the object or array is empty.
    private mutating func open(_ opening: UInt8, _ closing: UInt8) throws(Bail) -> Bool {
        try expect(opening)
        if peek() == closing {
            i += 1
            return false
        }
        return true
    }

    /// After a member: true when a comma says another follows, false at the closing bracket.
    private mutating func next(_ closing: UInt8) throws(Bail) -> Bool {
        guard let c = peek() else { throw Bail() }
        i += 1
        if c == closing { return false }
        guard c == UInt8(ascii: ",") else { throw Bail() }
        return true
    }

    static let documentKeys = MonthDocument.CodingKeys.allCases.map { Array($0.stringValue.utf8) }

    /// The entry fields this parser reads, named as in the file.
    enum EntryField: String, CaseIterable {
        case id, day, time, type, ratings, food, servings, form, mg, goal, week, task, pattern
        case plannedSeconds, actualSeconds, cycles, tensionBefore, tensionAfter, text, flag
        case note, triggers, grams, unit, compoundMg
    }

    /// Every key an entry may have, from `JournalEntry`'s coding keys, and the field read for each;
    /// a key with no field here hands the file to the Codable path.
    static let entryKeys = JournalEntry.fieldNames.map { Array($0.utf8) }
    static let entryFields = JournalEntry.fieldNames.map(EntryField.init(rawValue:))

    /// An object key and its colon, as an index into `known` (-1 for any other key). Compared as
    /// bytes: keys are plain ASCII, and an escaped key is left to the Codable path.
    private mutating func key(_ known: [[UInt8]]) throws(Bail) -> Int {
        try expect(UInt8(ascii: "\""))
        let start = i
        while i < end && p[i] != UInt8(ascii: "\"") {
            guard p[i] != UInt8(ascii: "\\"), p[i] >= 0x20 else { throw Bail() }
            i += 1
        }
        guard i < end else { throw Bail() }
        let length = i - start
        i += 1
        try expect(UInt8(ascii: ":"))
        for (index, k) in known.enumerated() where k.count == length {
            if k.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p + start, length) == 0 }) { return index }
        }
        return -1
    }

    /// "YYYY-MM-DD" read straight from the bytes.
    private mutating func calendarDay() throws(Bail) -> CalendarDay {
        let s = try quotedDigits(pattern: "DDDD-DD-DD")
        guard let day = CalendarDay(year: s[0] * 1000 + s[1] * 100 + s[2] * 10 + s[3], month: s[5] * 10 + s[6], day: s[8] * 10 + s[9])
        else { throw Bail() }
        return day
    }

    /// "HH:MM:SS" read straight from the bytes (other forms go to the Codable path).
    private mutating func timeOfDay() throws(Bail) -> TimeOfDay {
        let s = try quotedDigits(pattern: "DD:DD:DD")
        guard let time = TimeOfDay(hour: s[0] * 10 + s[1], minute: s[3] * 10 + s[4], second: s[6] * 10 + s[7]) else {
            throw Bail()
        }
        return time
    }

    /// A quoted string matching `pattern` (D = a digit, anything else literal); the digit values by position.
    private mutating func quotedDigits(pattern: StaticString) throws(Bail) -> [Int] {
        try expect(UInt8(ascii: "\""))
        let n = pattern.utf8CodeUnitCount
        guard i + n < end, p[i + n] == UInt8(ascii: "\"") else { throw Bail() }
        var values = [Int](repeating: 0, count: n)
        for k in 0..<n {
            let want = pattern.utf8Start[k]
            let c = p[i + k]
            if want == UInt8(ascii: "D") {
                guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { throw Bail() }
                values[k] = Int(c - UInt8(ascii: "0"))
            } else if c != want {
                throw Bail()
            }
        }
        i += n + 1
        return values
    }

    private mutating func string() throws(Bail) -> String {
        try expect(UInt8(ascii: "\""))
        let start = i
        var ascii = true
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                let bytes = UnsafeBufferPointer(start: p + start, count: i - start)
                i += 1
                // ASCII is valid UTF-8 as it stands; only other text needs checking.
                if ascii { return String(decoding: bytes, as: UTF8.self) }
                guard let s = String(validating: bytes, as: UTF8.self) else { throw Bail() }
                return s
            }
            if c == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard c >= 0x20 else { throw Bail() }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        throw Bail()
    }

    private mutating func escapedString(from start: Int) throws(Bail) -> String {
        var bytes = Array(UnsafeBufferPointer(start: p + start, count: i - start))
        while i < end {
            let c = p[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                guard let s = String(validating: bytes, as: UTF8.self) else { throw Bail() }
                return s
            case UInt8(ascii: "\\"):
                guard i < end else { throw Bail() }
                let e = p[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < end, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else { throw Bail() }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Bail() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw Bail() }
                    bytes.append(contentsOf: UTF8.encode(u)!)
                default: throw Bail()
                }
            default:
                guard c >= 0x20 else { throw Bail() }
                bytes.append(c)
            }
        }
        throw Bail()
    }

    private mutating func hex4() throws(Bail) -> UInt32 {
        guard i + 4 <= end else { throw Bail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            i += 1
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw Bail()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The extent of a JSON number and whether it is a plain integer.
    private mutating func numberSpan() throws(Bail) -> (start: Int, integerDigits: Int, fractionDigits: Int, exponent: Bool) {
        skipSpace()
        let start = i
        if i < end && p[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < end && p[i] >= UInt8(ascii: "0") && p[i] <= UInt8(ascii: "9") { i += 1 }
        let integerDigits = i - intStart
        guard integerDigits > 0, integerDigits == 1 || p[intStart] != UInt8(ascii: "0") else { throw Bail() }
        var fractionDigits = 0
        if i < end && p[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < end && p[i] >= UInt8(ascii: "0") && p[i] <= UInt8(ascii: "9") { i += 1 }
            fractionDigits = i - f
            guard fractionDigits > 0 else { throw Bail() }
        }
        var exponent = false
        if i < end && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            exponent = true
            i += 1
            if i < end && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            let e = i
            while i < end && p[i] >= UInt8(ascii: "0") && p[i] <= UInt8(ascii: "9") { i += 1 }
            guard i > e else { throw Bail() }
        }
        return (start, integerDigits, fractionDigits, exponent)
    }

    private mutating func integer() throws(Bail) -> Int {
        let span = try numberSpan()
        guard span.fractionDigits == 0, !span.exponent, span.integerDigits <= 18 else { throw Bail() }
        var value = 0
        var k = span.start
        let negative = p[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        while k < i {
            value = value * 10 + Int(p[k] - UInt8(ascii: "0"))
            k += 1
        }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { a, _ in a * 10 } }

    private mutating func double() throws(Bail) -> Double {
        let span = try numberSpan()
        // Exact when the digits fit in 2^53 and the power of ten is exact: one correctly rounded division.
        if !span.exponent && span.integerDigits + span.fractionDigits <= 15 {
            var mantissa = 0
            var k = span.start
            let negative = p[k] == UInt8(ascii: "-")
            if negative { k += 1 }
            while k < i {
                let c = p[k]
                if c != UInt8(ascii: ".") { mantissa = mantissa * 10 + Int(c - UInt8(ascii: "0")) }
                k += 1
            }
            let value = Double(mantissa) / FastMonthDecoder.powersOfTen[span.fractionDigits]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + span.start, count: i - span.start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Bail() }
        return value
    }
}
