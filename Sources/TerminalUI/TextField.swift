/// One line of text input: a cursor, insert and delete, a length limit and a character filter.
/// The field is state that outlives the frame; what it shows in a box is worked out from the text and
/// the cursor each frame, scrolled so that the cursor stays in the box.
public struct TextField: Sendable, Hashable {
    /// The characters a field takes; control characters and line breaks never.
    public enum Filter: Sendable, Hashable {
        case any
        case only(Set<Character>)

        public static let digits = Filter.only(Set("0123456789"))
        /// Digits and a decimal point.
        public static let decimal = Filter.only(Set("0123456789."))
        /// Digits and '-', for an ISO date.
        public static let isoDate = Filter.only(Set("0123456789-"))
    }

    /// What a key did to the field.
    public enum Outcome: Sendable, Hashable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// A key the field takes that changed nothing: a refused character, Backspace at the start.
        case unchanged
        /// Not a key the field takes.
        case ignored
    }

    public private(set) var text: String
    /// How many characters stand before the cursor (0…text.count).
    public private(set) var cursor: Int
    /// The most characters the field holds; nil for no limit.
    public var maxLength: Int?
    public var filter: Filter

    public init(_ text: String = "", maxLength: Int? = nil, filter: Filter = .any) {
        self.text = text
        cursor = text.count
        self.maxLength = maxLength
        self.filter = filter
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the text (a value the program worked out, taken as it is) and puts the cursor at its end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    public mutating func clear() { set("") }

    public func accepts(_ c: Character) -> Bool {
        guard !c.isNewline, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return false
        }
        switch filter {
        case .any: return true
        case .only(let allowed): return allowed.contains(c)
        }
    }

    /// Characters insert at the cursor; Backspace and Delete remove before and under it; Ctrl-U clears;
    /// Left, Right, Home and End move.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let c):
            guard accepts(c), text.count < (maxLength ?? Int.max) else { return .unchanged }
            text.insert(c, at: index(cursor))
            cursor += 1
            return .edited
        case .backspace:
            guard cursor > 0 else { return .unchanged }
            text.remove(at: index(cursor - 1))
            cursor -= 1
            return .edited
        case .delete:
            guard cursor < text.count else { return .unchanged }
            text.remove(at: index(cursor))
            return .edited
        case .ctrl("u"):
            guard !text.isEmpty else { return .unchanged }
            clear()
            return .edited
        case .left: return move(to: cursor - 1)
        case .right: return move(to: cursor + 1)
        case .home: return move(to: 0)
        case .end: return move(to: text.count)
        default: return .ignored
        }
    }

    private mutating func move(to position: Int) -> Outcome {
        let target = min(max(position, 0), text.count)
        guard target != cursor else { return .unchanged }
        cursor = target
        return .moved
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }

    /// The part of the text a box `width` columns wide shows, and the cursor's column in it. The end of
    /// the text stays in view while the cursor is within the last box-width; left of that, the cursor
    /// is at the box's left edge. The cursor after the last character takes a column of its own.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let before = Array(TextWidth.sanitized(String(text.prefix(cursor))))
        let after = Array(TextWidth.sanitized(String(text.dropFirst(cursor))))
        let cursorColumn = before.reduce(0) { $0 + TextWidth.width(of: $1) }
        let total = cursorColumn + after.reduce(0) { $0 + TextWidth.width(of: $1) } + (after.isEmpty ? 1 : 0)
        let start = min(cursorColumn, max(0, total - width))
        var shown = ""
        var column = 0
        var used = 0
        for ch in before + after {
            let w = TextWidth.width(of: ch)
            defer { column += w }
            // A wide character cut by the left edge shows as blanks.
            if column < start {
                if column + w > start {
                    shown += String(repeating: " ", count: column + w - start)
                    used += column + w - start
                }
                continue
            }
            guard used + w <= width else { break }
            shown.append(ch)
            used += w
        }
        return (shown, cursorColumn - start)
    }

    /// Writes the field on one line of `area`. With `showsCursor`, a cursor after the text is a `_`
    /// and a cursor inside it marks its character in `style` with reverse flipped.
    public func render(into canvas: inout Canvas, area: Rect, style: Style, showsCursor: Bool = true) {
        guard area.width > 0, area.height > 0 else { return }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        guard showsCursor else {
            canvas.put(TextWidth.truncated(text, to: area.width, ellipsis: ""), x: area.x, y: area.y, style: style, clip: line)
            return
        }
        let (shown, column) = window(width: area.width)
        canvas.put(shown, x: area.x, y: area.y, style: style, clip: line)
        if cursor == text.count {
            canvas.put("_", x: area.x + column, y: area.y, style: style, clip: line)
        } else {
            var mark = style
            mark.reverse.toggle()
            let under = TextWidth.sanitized(String(text[index(cursor)])).first ?? " "
            canvas.put(String(under), x: area.x + column, y: area.y, style: mark, clip: line)
        }
    }
}
