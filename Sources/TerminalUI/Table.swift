/// Rows of cells under titled columns, built each frame and drawn with a `ListCursor` as its state:
/// the selection and the scroll outlive the frame, the table does not. When the rows do not fit, the
/// position counter ("12/114") goes to the header line's right end if the titles leave room there,
/// else to a footer line the layout takes from the body, so it never covers a row.
public struct Table: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public enum Width: Sendable, Hashable {
            /// Exactly this many columns.
            case fixed(Int)
            /// Shares what the other columns leave, by weight, never below `min`.
            case flex(min: Int = 0, weight: Int = 1)
            /// This share (0…1) of the table's width less its gaps, rounded down.
            case fraction(Double)
        }

        public enum Alignment: Sendable, Hashable { case left, right }

        public var title: String
        public var width: Width
        public var alignment: Alignment
        /// Blank columns before this one; the first column's gap is a left margin.
        public var gap: Int
        /// The title's style; nil takes the table's header style.
        public var titleStyle: Style?

        public init(_ title: String = "", width: Width, alignment: Alignment = .left, gap: Int = 1, titleStyle: Style? = nil) {
            self.title = title
            self.width = width
            self.alignment = alignment
            self.gap = max(0, gap)
            self.titleStyle = titleStyle
        }
    }

    public struct Cell: Sendable, Hashable, ExpressibleByStringLiteral {
        public var text: String
        /// nil takes the row's style.
        public var style: Style?

        public init(_ text: String, style: Style? = nil) {
            self.text = text
            self.style = style
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    public struct Row: Sendable, Hashable {
        public var cells: [Cell]
        /// nil takes the table's style.
        public var style: Style?
        /// A section heading: written from the table's left edge, never selected, not counted.
        public var isSection: Bool

        public init(_ cells: [Cell], style: Style? = nil) {
            self.cells = cells
            self.style = style
            isSection = false
        }

        public static func section(_ title: String, style: Style? = nil) -> Row {
            var row = Row([Cell(title)], style: style)
            row.isSection = true
            return row
        }
    }

    /// Where each part of the table goes in an area.
    public struct Layout: Sendable, Hashable {
        public var header: Rect?
        public var body: Rect
        /// The line under the body, when the table reserves one or the counter needs it.
        public var footer: Rect?
        /// The counter's place at the right end of the header or footer line; nil when every row fits.
        public var position: Rect?

        /// The footer line left of the counter: where a caller writes its own footer text.
        public var footerText: Rect? {
            guard let footer else { return nil }
            guard let position, position.y == footer.y else { return footer }
            return Rect(x: footer.x, y: footer.y, width: position.x - 1 - footer.x, height: 1)
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    /// Keep a footer line even when every row fits (a filter line, a total).
    public var reservesFooter: Bool
    public var showsPosition = true
    public var style = Style.plain
    public var headerStyle = Style(bold: true)
    public var sectionStyle = Style(bold: true)
    /// nil: the selection is not highlighted (the table does not have the keys).
    public var selectedStyle: Style? = Style(reverse: true)
    public var positionStyle = Style(dim: true)
    public var ellipsis = "…"

    public init(columns: [Column], rows: [Row], reservesFooter: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.reservesFooter = reservesFooter
    }

    /// Rows that can be selected (not section headings).
    public var itemCount: Int { rows.count { !$0.isSection } }

    public var hasHeader: Bool { columns.contains { !$0.title.isEmpty } }

    /// Each column's cells, as offsets from the table's left edge, for a table `width` columns wide.
    /// Fixed and fraction columns and the flex minimums come first; flex columns share what is left;
    /// whatever passes the right edge is cut there.
    public func columnSpans(width: Int) -> [Range<Int>] {
        let width = max(0, width)
        let room = max(0, width - columns.reduce(0) { $0 + $1.gap })
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let n): max(0, n)
            case .fraction(let f): Int((min(max(f.isFinite ? f : 0, 0), 1) * Double(room)).rounded(.down))
            case .flex(let least, _): max(0, least)
            }
        }
        let flexWeights = columns.map { column -> Int in
            if case .flex(_, let weight) = column.width { return max(0, weight) }
            return 0
        }
        let totalWeight = flexWeights.reduce(0, +)
        let left = room - widths.reduce(0, +)
        if left > 0, totalWeight > 0 {
            var given = 0
            for i in widths.indices where flexWeights[i] > 0 {
                let share = left * flexWeights[i] / totalWeight
                widths[i] += share
                given += share
            }
            // Rounding leftovers go one each to the first flex columns.
            for i in widths.indices where flexWeights[i] > 0 && given < left {
                widths[i] += 1
                given += 1
            }
        }
        var x = 0
        return columns.indices.map { i in
            x += columns[i].gap
            let span = min(x, width)..<min(x + widths[i], width)
            x += widths[i]
            return span
        }
    }

    /// The counter's text for a selection, e.g. "12/114".
    public func positionText(_ cursor: ListCursor) -> String {
        "\(min(cursor.selected, max(0, itemCount - 1)) + 1)/\(itemCount)"
    }

    public func layout(_ area: Rect) -> Layout {
        var body = area
        var header: Rect?
        var footer: Rect?
        func takeFooter() {
            guard footer == nil, body.height >= 2 else { return }
            footer = Rect(x: area.x, y: body.maxY - 1, width: area.width, height: 1)
            body.height -= 1
        }
        if hasHeader, body.height >= 2 {
            header = Rect(x: area.x, y: area.y, width: area.width, height: 1)
            body.y += 1
            body.height -= 1
        }
        if reservesFooter { takeFooter() }
        guard showsPosition, itemCount > 0, rows.count > body.height else {
            return Layout(header: header, body: body, footer: footer, position: nil)
        }
        // Sized for the widest counter, so that moving does not shift it.
        let counterWidth = TextWidth.width("\(itemCount)/\(itemCount)")
        let line: Rect?
        if let header, titlesEnd(width: area.width) + 1 + counterWidth <= area.width {
            line = header
        } else {
            takeFooter()
            line = footer
        }
        let position = line.map { Rect(x: $0.maxX - min(counterWidth, $0.width), y: $0.y, width: min(counterWidth, $0.width), height: 1) }
        return Layout(header: header, body: body, footer: footer, position: position)
    }

    /// The column just after the last title character, from the table's left edge.
    private func titlesEnd(width: Int) -> Int {
        zip(columns, columnSpans(width: width)).reduce(0) { end, pair in
            let (column, span) = pair
            guard !column.title.isEmpty, !span.isEmpty else { return end }
            let w = min(TextWidth.width(column.title), span.count)
            return max(end, column.alignment == .right ? span.upperBound : span.lowerBound + w)
        }
    }

    /// The display line of selectable row `item`.
    public func line(ofItem item: Int) -> Int {
        var seen = 0
        for (line, row) in rows.enumerated() where !row.isSection {
            if seen == item { return line }
            seen += 1
        }
        return max(0, rows.count - 1)
    }

    /// Keeps the selection among the rows and its line in view; at the top, the headings above it too
    /// when they fit with it.
    public func settle(_ cursor: inout ListCursor, area: Rect) {
        cursor.clamp(count: itemCount)
        let line = line(ofItem: cursor.selected)
        let height = layout(area).body.height
        cursor.reveal(line: cursor.selected == 0 && line < height ? 0 : line, height: height, totalLines: rows.count)
    }

    /// Moves the selection for the list keys (a page is the body's height); false for other keys.
    public func handle(_ key: Key, cursor: inout ListCursor, area: Rect) -> Bool {
        guard cursor.handle(key, count: itemCount, pageSize: layout(area).body.height) else { return false }
        settle(&cursor, area: area)
        return true
    }

    public func render(into canvas: inout Canvas, area: Rect, cursor: ListCursor) {
        let parts = layout(area)
        var cursor = cursor
        settle(&cursor, area: area)
        let spans = columnSpans(width: area.width)
        if let header = parts.header {
            for (column, span) in zip(columns, spans) where !column.title.isEmpty {
                put(column.title, span: span, alignment: column.alignment, y: header.y, x0: area.x,
                    style: column.titleStyle ?? headerStyle, into: &canvas, clip: header)
            }
        }
        var item = rows.prefix(cursor.offset).count { !$0.isSection }
        for (i, row) in rows.dropFirst(cursor.offset).prefix(parts.body.height).enumerated() {
            let y = parts.body.y + i
            if row.isSection {
                canvas.put(row.cells.first?.text ?? "", x: area.x, y: y, style: row.style ?? sectionStyle, clip: parts.body)
                continue
            }
            let selected = item == cursor.selected ? selectedStyle : nil
            let rowStyle = selected ?? row.style ?? style
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            for (cell, (column, span)) in zip(row.cells, zip(columns, spans)) {
                put(cell.text, span: span, alignment: column.alignment, y: y, x0: area.x,
                    style: selected ?? cell.style ?? rowStyle, into: &canvas, clip: parts.body)
            }
            item += 1
        }
        if let position = parts.position {
            let text = positionText(cursor)
            canvas.put(text, x: position.maxX - TextWidth.width(text), y: position.y, style: positionStyle, clip: position)
        }
    }

    private func put(_ text: String, span: Range<Int>, alignment: Column.Alignment, y: Int, x0: Int,
                     style: Style, into canvas: inout Canvas, clip: Rect) {
        guard !span.isEmpty else { return }
        let shown = TextWidth.truncated(text, to: span.count, ellipsis: ellipsis)
        let x = alignment == .right ? span.upperBound - TextWidth.width(shown) : span.lowerBound
        canvas.put(shown, x: x0 + x, y: y, style: style, clip: clip)
    }
}
