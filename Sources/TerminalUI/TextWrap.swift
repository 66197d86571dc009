/// Word wrapping by display width; words longer than a line are broken.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(text[...], at: "\n", omittingEmpty: false) {
            var line = ""
            var used = 0
            for word in split(paragraph, at: " ", omittingEmpty: true) {
                var w = String(word)
                var ww = TextWidth.width(w)
                if used > 0 && used + 1 + ww <= width {
                    line += " " + w
                    used += 1 + ww
                    continue
                }
                if used > 0 {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                while ww > width {
                    let head = TextWidth.truncated(w, to: width, ellipsis: "")
                    lines.append(head)
                    w = String(w.dropFirst(head.count))
                    ww = TextWidth.width(w)
                }
                line = w
                used = ww
            }
            lines.append(line)
        }
        return lines
    }

    /// Split at a character; text of ASCII without CR (where each byte is a character) splits on its
    /// bytes, which spares the grapheme breaking that was most of the cost of wrapping.
    private static func split(_ text: Substring, at separator: Unicode.Scalar, omittingEmpty: Bool) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return text.utf8.split(separator: UInt8(separator.value), omittingEmptySubsequences: omittingEmpty).map(Substring.init)
        }
        return text.split(separator: Character(separator), omittingEmptySubsequences: omittingEmpty)
    }
}
