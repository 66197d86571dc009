/// Display width of text, decided without the terminal so that views and tests agree.
/// Wide: East Asian wide and fullwidth ranges. Zero: combining marks and other non-spacing scalars.
public enum TextWidth {
    public static func width(of ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        return width(of: first)
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII, most of every screen: one column, without the category and range look-ups.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) { return 2 }
        return 1
    }

    public static func width(_ s: String) -> Int {
        // Printable ASCII is one column a byte: no grapheme breaking needed.
        if isPrintableASCII(s) { return s.utf8.count }
        return sanitized(s).reduce(0) { $0 + width(of: $1) }
    }

    /// Only bytes 0x20–0x7E: each is one character, one column wide, and nothing to sanitize.
    public static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Control characters become `^X` (and DEL `^?`), tabs a space: they would move the cursor.
    public static func sanitized(_ s: String) -> String {
        if isPrintableASCII(s) { return s }
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || ($0.value >= 0x80 && $0.value < 0xA0) }) else {
            return s
        }
        var out = ""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x09 {
                out.append(" ")
            } else if v < 0x20 {
                out.append("^")
                out.unicodeScalars.append(Unicode.Scalar(v + 0x40)!)
            } else if v == 0x7F {
                out.append("^?")
            } else if v >= 0x80 && v < 0xA0 {
                out.append("?")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Cuts `s` to at most `columns`, adding "…" when something was cut.
    public static func truncated(_ s: String, to columns: Int, ellipsis: String = "…") -> String {
        let clean = sanitized(s)
        guard columns > 0 else { return "" }
        if width(clean) <= columns { return clean }
        let room = columns - width(ellipsis)
        var out = ""
        var used = 0
        for ch in clean {
            let w = width(of: ch)
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        return room >= 0 ? out + ellipsis : out
    }

    /// Pads with spaces on the right to exactly `columns` (truncating if longer).
    public static func padded(_ s: String, to columns: Int) -> String {
        let t = truncated(s, to: columns)
        return t + String(repeating: " ", count: max(0, columns - width(t)))
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
