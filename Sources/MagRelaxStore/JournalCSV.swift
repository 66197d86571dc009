import MagRelaxCore

/// The journal as CSV (RFC 4180: CRLF line ends; fields with a comma, quote or line break are quoted,
/// quotes doubled). One row per entry; `details` holds the kind-specific fields as key=value pairs.
public enum JournalCSV {
    public static let header = ["id", "date", "time", "type", "item", "amount", "unit", "details"]

    public static func render(_ journal: Journal) -> String {
        var out = row(header)
        for entry in journal.entries { out += row(fields(entry)) }
        return out
    }

    public static func fields(_ entry: JournalEntry) -> [String] {
        let base = [entry.id, entry.day.description, entry.time?.description ?? "", entry.kind.typeName]
        let rest: [String]
        switch entry.kind {
        case .symptoms(let checkIn):
            // The note goes last: it is free text and may hold ";" or "=".
            var details = checkIn.ratings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            if !checkIn.triggers.isEmpty {
                details.append("triggers=" + checkIn.sortedTriggers.map(\.rawValue).joined(separator: ","))
            }
            if let note = checkIn.note { details.append("note=" + note) }
            rest = ["", "", "", details.joined(separator: ";")]
        case .food(let f):
            // The amount as the person gave it; the other unit and the magnesium go to the details.
            var details: [String] = []
            if f.unit == .grams { details.append("servings=\(number(f.servings))") }
            if let grams = f.grams, f.unit != .grams { details.append("grams=\(number(grams))") }
            if let mg = f.mg { details.append("mg=\(number(mg))") }
            let amount = f.unit == .grams ? (f.grams ?? f.servings) : f.servings
            rest = [f.foodID, number(amount), f.unit == .grams ? "g" : "servings", details.joined(separator: ";")]
        case .supplement(let s):
            rest = [s.formID, number(s.elementalMg), "mg elemental", s.compoundMg.map { "compound=\(number($0))" } ?? ""]
        case .checkOff(let c):
            rest = [c.taskID, "", "", "goal=\(c.goal.rawValue);week=\(c.week)"]
        case .breathing(let b):
            var details = ["planned=\(number(b.plannedSeconds))", "cycles=\(b.cycles)"]
            if let before = b.tensionBefore { details.append("tensionBefore=\(before)") }
            if let after = b.tensionAfter { details.append("tensionAfter=\(after)") }
            rest = [b.patternID, number(b.actualSeconds), "seconds", details.joined(separator: ";")]
        case .note(let text):
            rest = ["", "", "", text]
        case .redFlag(let flag):
            rest = [flag, "", "", ""]
        }
        return base + rest
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        // Doubled byte by byte, so a quote that starts a composed character is doubled too.
        let doubled = field.utf8.flatMap { $0 == UInt8(ascii: "\"") ? [$0, $0] : [$0] }
        return "\"" + String(decoding: doubled, as: UTF8.self) + "\""
    }

    /// Whole numbers without a trailing ".0".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
