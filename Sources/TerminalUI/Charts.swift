/// One row of bars, one cell per value, for a run of days or readings. A missing value is a gap;
/// values are scaled between 0 and a fixed maximum, or the largest value when none is given.
public struct Sparkline: Sendable, Hashable {
    /// Levels from lowest to highest.
    public static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let asciiLevels: [Character] = ["_", ".", "-", "=", "#"]

    public var values: [Double?]
    /// nil: the largest value.
    public var maxValue: Double?
    public var style: Style
    public var levels: [Character]

    public init(_ values: [Double?], maxValue: Double? = nil, style: Style = .plain, ascii: Bool = false) {
        self.values = values
        self.maxValue = maxValue
        self.style = style
        levels = ascii ? Sparkline.asciiLevels : Sparkline.unicodeLevels
    }

    /// The level (index into `levels`) of each value, nil for a missing one. Each level covers an equal
    /// share of 0…max: 0 and below get the lowest, max and above the highest.
    public var levelIndices: [Int?] {
        let top = maxValue ?? values.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        return values.map { value in
            guard let value, value.isFinite else { return nil }
            guard top > 0 else { return 0 }
            let share = min(max(value / top, 0), 1)
            return min(levels.count - 1, Int(share * Double(levels.count)))
        }
    }

    /// The line as text, one character per value.
    public var text: String {
        String(levelIndices.map { $0.map { levels[$0] } ?? " " })
    }

    /// Draws on the first line of `area`; when there are more values than columns, the last ones.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        canvas.put(String(text.suffix(area.width)), x: area.x, y: area.y, style: style, clip: area)
    }
}

/// A horizontal bar for a value out of a maximum, with an optional target mark; the part past the
/// target takes its own style. Unicode fills in eighths of a cell; ASCII draws '#', '-' and '|'.
public struct BarGauge: Sendable, Hashable {
    public struct Glyphs: Sendable, Hashable {
        /// Partial fills from one eighth to full; ASCII has only the full cell.
        public var fills: [Character]
        public var empty: Character
        public var mark: Character

        public static let unicode = Glyphs(fills: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], empty: "░", mark: "│")
        public static let ascii = Glyphs(fills: ["#"], empty: "-", mark: "|")
    }

    public var value: Double
    public var maximum: Double
    public var target: Double?
    public var style: Style
    /// The filled cells past the target.
    public var overStyle: Style
    public var emptyStyle: Style
    public var markStyle: Style
    public var glyphs: Glyphs

    public init(value: Double, maximum: Double, target: Double? = nil, style: Style = .plain,
                overStyle: Style = Style(bold: true), emptyStyle: Style = Style(dim: true),
                markStyle: Style = Style(bold: true), ascii: Bool = false) {
        self.value = value
        self.maximum = maximum
        self.target = target
        self.style = style
        self.overStyle = overStyle
        self.emptyStyle = emptyStyle
        self.markStyle = markStyle
        glyphs = ascii ? .ascii : .unicode
    }

    /// How many cells of `width` the value fills, counted in the glyphs' steps (eighths or whole cells).
    public func filledSteps(width: Int) -> Int {
        let steps = glyphs.fills.count
        guard width > 0, maximum > 0, value.isFinite, value > 0 else { return 0 }
        return Int((min(value / maximum, 1) * Double(width * steps)).rounded())
    }

    /// The cell of the target mark, nil without a target or room.
    public func markColumn(width: Int) -> Int? {
        guard let target, target.isFinite, maximum > 0, width > 0 else { return nil }
        return min(width - 1, max(0, Int(target / maximum * Double(width))))
    }

    public var isOverTarget: Bool { target.map { value > $0 } ?? false }

    /// Each cell of a bar `width` wide: its character and style.
    public func cells(width: Int) -> [(character: Character, style: Style)] {
        guard width > 0 else { return [] }
        let steps = glyphs.fills.count
        let filled = filledSteps(width: width)
        let mark = markColumn(width: width)
        return (0..<width).map { i in
            let n = min(steps, max(0, filled - i * steps))
            var style = n == 0 ? emptyStyle : self.style
            if n > 0, isOverTarget, let mark, i >= mark { style = overStyle }
            if i == mark { return (glyphs.mark, markStyle) }
            return (n == 0 ? glyphs.empty : glyphs.fills[n - 1], style)
        }
    }

    /// The bar as text, for a table cell.
    public func text(width: Int) -> String { String(cells(width: width).map(\.character)) }

    /// Draws on the first line of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height > 0 else { return }
        for (i, cell) in cells(width: area.width).enumerated() {
            canvas.put(String(cell.character), x: area.x + i, y: area.y, style: cell.style, clip: area)
        }
    }
}
