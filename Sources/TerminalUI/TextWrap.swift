/// Word wrapping by display width; words longer than a line are broken.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
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
}
