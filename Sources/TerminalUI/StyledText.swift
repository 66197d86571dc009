extension Style: CustomStringConvertible {
    /// E.g. "reverse", "cyan bold", "black on cyan bold"; "plain" for the default style.
    public var description: String {
        var words: [String] = []
        if fg != .default { words.append("\(fg)") }
        if bg != .default { words += ["on", "\(bg)"] }
        if bold { words.append("bold") }
        if dim { words.append("dim") }
        if reverse { words.append("reverse") }
        if underline { words.append("underline") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }
}

/// Cells of one row in one style, for tests that state what is styled, not only what is written.
public struct StyleRun: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    /// Canvas columns, both ends included.
    public var columns: ClosedRange<Int>
    public var style: Style

    public init(row: Int, columns: ClosedRange<Int>, style: Style) {
        self.row = row
        self.columns = columns
        self.style = style
    }

    public var description: String { described(as: style.description) }

    /// The run with its style called `name`.
    public func described(as name: String) -> String {
        "row \(row) col \(columns.lowerBound)-\(columns.upperBound): \(name)"
    }
}

extension Canvas {
    /// Each row's runs of cells in one style other than plain, left to right, top to bottom.
    public var styleRuns: [StyleRun] {
        var runs: [StyleRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = self[x, y].style
                var end = x
                while end + 1 < width && self[end + 1, y].style == style { end += 1 }
                if style != .plain { runs.append(StyleRun(row: y, columns: x...end, style: style)) }
                x = end + 1
            }
        }
        return runs
    }

    /// The text, then a line per style run, e.g. "row 5 col 2-40: selected". `names` gives styles the
    /// names a theme knows them by; the rest are described ("cyan bold").
    public func styledText(names: [Style: String] = [:]) -> String {
        let runs = styleRuns.map { $0.described(as: names[$0.style] ?? $0.style.description) }
        return ([text, "-- styles --"] + runs).joined(separator: "\n")
    }
}
