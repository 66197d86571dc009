import MagRelaxCore

/// Writes a month file byte for byte as `Codec.document` does (JSONEncoder with sorted keys and
/// unescaped slashes), without JSONEncoder's cost: JSONEncoder took 4.5 ms for a month of ~500
/// entries, this 0.6 ms, and a save happens on every rating, tick and logged food. Property tests hold the
/// two to the same bytes for random journals of every entry type.
struct FastMonthEncoder {
    private var out: [UInt8] = []

    private typealias Field = FastMonthDecoder.EntryField

    /// nil when a value cannot be written as JSON (a number that is not finite); the caller then
    /// uses the Codable path, which explains the problem.
    static func encode(_ document: MonthDocument) -> [UInt8]? {
        var encoder = FastMonthEncoder()
        encoder.out.reserveCapacity(64 + document.entries.count * 160)
        encoder.raw("{\"schemaVersion\":")
        encoder.int(document.schemaVersion)
        encoder.raw(",\"month\":")
        encoder.string(document.month)
        encoder.raw(",\"entries\":[")
        for (index, entry) in document.entries.enumerated() {
            if index > 0 { encoder.out.append(UInt8(ascii: ",")) }
            guard encoder.entry(entry) else { return nil }
        }
        encoder.raw("]}\n")
        return encoder.out
    }

    /// One entry, its keys in JSONEncoder's sorted order, written out per type: sorting them for every
    /// entry took three times as long. The byte-for-byte tests catch a key out of place.
    private mutating func entry(_ entry: JournalEntry) -> Bool {
        var first = true
        out.append(UInt8(ascii: "{"))
        switch entry.kind {
        case .symptoms(let checkIn):
            day(entry, &first)
            key(.id, &first); string(entry.id)
            if let note = checkIn.note { key(.note, &first); string(note) }
            key(.ratings, &first); ratings(checkIn.ratings)
            time(entry, &first)
            if !checkIn.triggers.isEmpty {
                key(.triggers, &first)
                out.append(UInt8(ascii: "["))
                for (index, trigger) in checkIn.sortedTriggers.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    string(trigger.rawValue)
                }
                out.append(UInt8(ascii: "]"))
            }
            type(entry, &first)
        case .food(let f):
            day(entry, &first)
            key(.food, &first); string(f.foodID)
            if let grams = f.grams { key(.grams, &first); guard number(grams) else { return false } }
            key(.id, &first); string(entry.id)
            if let mg = f.mg { key(.mg, &first); guard number(mg) else { return false } }
            key(.servings, &first); guard number(f.servings) else { return false }
            time(entry, &first)
            type(entry, &first)
            if f.unit != .servings { key(.unit, &first); string(f.unit.rawValue) }
        case .supplement(let s):
            if let compound = s.compoundMg { key(.compoundMg, &first); guard number(compound) else { return false } }
            day(entry, &first)
            key(.form, &first); string(s.formID)
            key(.id, &first); string(entry.id)
            key(.mg, &first); guard number(s.elementalMg) else { return false }
            time(entry, &first)
            type(entry, &first)
        case .checkOff(let t):
            day(entry, &first)
            key(.goal, &first); string(t.goal.rawValue)
            key(.id, &first); string(entry.id)
            key(.task, &first); string(t.taskID)
            time(entry, &first)
            type(entry, &first)
            key(.week, &first); int(t.week)
        case .breathing(let b):
            key(.actualSeconds, &first); guard number(b.actualSeconds) else { return false }
            key(.cycles, &first); int(b.cycles)
            day(entry, &first)
            key(.id, &first); string(entry.id)
            key(.pattern, &first); string(b.patternID)
            key(.plannedSeconds, &first); guard number(b.plannedSeconds) else { return false }
            if let after = b.tensionAfter { key(.tensionAfter, &first); int(after) }
            if let before = b.tensionBefore { key(.tensionBefore, &first); int(before) }
            time(entry, &first)
            type(entry, &first)
        case .note(let text):
            day(entry, &first)
            key(.id, &first); string(entry.id)
            key(.text, &first); string(text)
            time(entry, &first)
            type(entry, &first)
        case .redFlag(let flag):
            day(entry, &first)
            key(.flag, &first); string(flag)
            key(.id, &first); string(entry.id)
            time(entry, &first)
            type(entry, &first)
        }
        out.append(UInt8(ascii: "}"))
        return true
    }

    private mutating func key(_ field: Field, _ first: inout Bool) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        raw(field.rawValue)
        raw("\":")
    }

    private mutating func day(_ entry: JournalEntry, _ first: inout Bool) {
        key(.day, &first)
        let d = entry.day
        guard (1000...9999).contains(d.year) else { return string(d.description) }
        out.append(UInt8(ascii: "\""))
        digits(d.year, 4); out.append(UInt8(ascii: "-")); digits(d.month, 2); out.append(UInt8(ascii: "-")); digits(d.day, 2)
        out.append(UInt8(ascii: "\""))
    }

    private mutating func time(_ entry: JournalEntry, _ first: inout Bool) {
        guard let t = entry.time?.secondsSinceMidnight else { return }
        key(.time, &first)
        out.append(UInt8(ascii: "\""))
        digits(t / 3600, 2); out.append(UInt8(ascii: ":")); digits(t / 60 % 60, 2); out.append(UInt8(ascii: ":")); digits(t % 60, 2)
        out.append(UInt8(ascii: "\""))
    }

    private mutating func type(_ entry: JournalEntry, _ first: inout Bool) {
        key(.type, &first)
        string(entry.kind.typeName)
    }

    /// `n` (0 or more) in exactly `width` digits.
    private mutating func digits(_ n: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
            divisor /= 10
        }
    }

    private mutating func ratings(_ ratings: [String: Int]) {
        // Sorted keys compare as bytes, not in Swift's String order.
        let keys = ratings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        out.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(key)
            out.append(UInt8(ascii: ":"))
            int(ratings[key]!)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// false for a number JSON cannot hold.
    private mutating func number(_ d: Double) -> Bool {
        guard d.isFinite else { return false }
        // JSONEncoder writes a whole number without its ".0", anything else as `description`.
        if d == d.rounded(), abs(d) < 1_000_000 {
            int(Int(d))
            if d == 0 && d.sign == .minus { out.insert(UInt8(ascii: "-"), at: out.count - 1) }
            return true
        }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        raw(text)
        return true
    }

    private mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }

    private mutating func int(_ n: Int) {
        guard n >= 0 else { return raw(String(n)) }
        var width = 1
        var rest = n / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        digits(n, width)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0..<0x20:
                raw("\\u00")
                out.append(Self.hex[Int(byte >> 4)])
                out.append(Self.hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
