/// Terminal colours; the backend maps them to 256, 8 or no colours.
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell. A double-width character occupies its cell (width 2) and the next one,
/// which is a continuation (width 0) and is never drawn.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var width: UInt8
    public var style: Style

    public init(character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }
}

/// A grid of cells that views draw into; the backend copies it to the screen and tests read it as text.
public struct Canvas: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), clipped to `clip` (default: the whole canvas). Control characters are
    /// shown as `^X` so they never shift the layout. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return 0 }
        let right = min(area.maxX, width)
        var col = x
        if TextWidth.isPrintableASCII(text) {
            // Most text on screen: a byte is a character one column wide, no grapheme breaking.
            for byte in text.utf8 {
                if col + 1 > right { break }
                if col >= max(area.x, 0) {
                    clearWide(at: col, y: y)
                    self[col, y] = Cell(character: Character(Unicode.Scalar(byte)), width: 1, style: style)
                }
                col += 1
            }
            return col - x
        }
        for ch in TextWidth.sanitized(text) {
            let w = TextWidth.width(of: ch)
            if w == 0 { continue }
            if col + w > right { break }
            if col >= max(area.x, 0) {
                clearWide(at: col, y: y)
                self[col, y] = Cell(character: ch, width: UInt8(w), style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(character: " ", width: 0, style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let x0 = max(rect.x, 0), x1 = min(rect.maxX, width)
        let y0 = max(rect.y, 0), y1 = min(rect.maxY, height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 {
                clearWide(at: x, y: y)
                self[x, y] = Cell(character: character, width: 1, style: style)
            }
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.width == 2, x + 1 < width {
            self[x + 1, y] = Cell(character: " ", width: 1, style: self[x + 1, y].style)
        } else if cell.width == 0, x > 0 {
            self[x - 1, y] = Cell(character: " ", width: 1, style: self[x - 1, y].style)
        }
    }

    /// The rows as text, trailing spaces trimmed: what a person would read on the screen.
    public var lines: [String] { (0..<height).map(line) }

    /// One row as text, trailing spaces trimmed; "" outside the canvas.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation {
            line.append(self[x, y].character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    public var text: String { lines.joined(separator: "\n") }
}
