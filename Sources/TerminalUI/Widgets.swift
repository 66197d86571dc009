/// Line-drawing and symbol characters, with an ASCII set for terminals whose locale is not UTF-8.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var bullet: String
    public var check: String
    public var pointer: String
    public var ellipsis: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        bullet: "•", check: "✓", pointer: "›", ellipsis: "…")
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        bullet: "*", check: "x", pointer: ">", ellipsis: "...")
}

extension Canvas {
    /// A box border with an optional title in the top edge.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let h = String(repeating: glyphs.horizontal, count: rect.width - 2)
        put(String(glyphs.topLeft) + h + String(glyphs.topRight), x: rect.x, y: rect.y, style: style)
        put(String(glyphs.bottomLeft) + h + String(glyphs.bottomRight), x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(String(glyphs.vertical), x: rect.x, y: y, style: style)
            put(String(glyphs.vertical), x: rect.maxX - 1, y: y, style: style)
        }
        if let title, rect.width > 6 {
            let t = " " + TextWidth.truncated(title, to: rect.width - 6, ellipsis: glyphs.ellipsis) + " "
            put(t, x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
        }
    }

    /// Writes wrapped text into `rect` starting at wrapped line `skip`; returns the total wrapped lines.
    @discardableResult
    public mutating func drawParagraph(_ text: String, in rect: Rect, style: Style = .plain, skip: Int = 0) -> Int {
        let lines = TextWrap.wrap(text, width: rect.width)
        for (i, line) in lines.dropFirst(skip).prefix(rect.height).enumerated() {
            put(line, x: rect.x, y: rect.y + i, style: style, clip: rect)
        }
        return lines.count
    }
}
