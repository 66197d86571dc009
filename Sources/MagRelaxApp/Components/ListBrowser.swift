import TerminalUI

/// A row of a browsable list: one cell, or one per column of a table. `group` starts a heading line
/// when it changes; `search` is what `/` matches.
public struct ListItem: Sendable, Hashable {
    public var id: String
    public var group: String?
    public var cells: [Table.Cell]
    public var search: String
    public var style: Style?

    public init(id: String, group: String? = nil, text: String, search: String? = nil, style: Style? = nil) {
        self.init(id: id, group: group, cells: [Table.Cell(text)], search: search, style: style)
    }

    public init(id: String, group: String? = nil, cells: [Table.Cell], search: String? = nil, style: Style? = nil) {
        self.id = id
        self.group = group
        self.cells = cells
        self.search = search ?? cells.map(\.text).joined(separator: " ")
        self.style = style
    }

    /// The cells' text, one space apart.
    public var text: String { cells.map(\.text).joined(separator: " ") }
}

/// What a browser lists: the items and the table columns their cells fill.
public struct ListContent: Sendable, Hashable {
    /// One untitled column a space in from the left edge.
    public static let singleColumn = [Table.Column(width: .flex())]

    public var columns: [Table.Column]
    public var items: [ListItem]

    public init(_ items: [ListItem], columns: [Table.Column] = ListContent.singleColumn) {
        self.items = items
        self.columns = columns
    }
}

/// Plain item lists and tables both go to the browser.
public protocol ListContentConvertible {
    var listContent: ListContent { get }
}

extension ListContent: ListContentConvertible {
    public var listContent: ListContent { self }
}

extension Array: ListContentConvertible where Element == ListItem {
    public var listContent: ListContent { ListContent(self) }
}

/// A styled line of a detail view; long lines wrap.
public struct DetailLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case heading, text, dim, warning, danger, good, blank }
    public var kind: Kind
    public var text: String
    /// Wrapped continuation lines start under this column (for "label: value" lines).
    public var hangingIndent: Int

    public init(_ kind: Kind, _ text: String = "", indent: Int = 0) {
        self.kind = kind
        self.text = text
        hangingIndent = indent
    }

    public static func heading(_ t: String) -> DetailLine { DetailLine(.heading, t) }
    public static func text(_ t: String) -> DetailLine { DetailLine(.text, t) }
    public static func dim(_ t: String) -> DetailLine { DetailLine(.dim, t) }
    public static func warning(_ t: String) -> DetailLine { DetailLine(.warning, t) }
    public static func danger(_ t: String) -> DetailLine { DetailLine(.danger, t) }
    public static func good(_ t: String) -> DetailLine { DetailLine(.good, t) }
    public static let blank = DetailLine(.blank)
    /// "Label: value", wrapped with the value's continuation under the value.
    public static func field(_ label: String, _ value: String, width: Int = 16) -> DetailLine {
        DetailLine(.text, TextWidth.padded(label, to: width) + value, indent: width)
    }
    public static func bullet(_ t: String, glyph: String = "•") -> DetailLine {
        DetailLine(.text, "\(glyph) \(t)", indent: 2)
    }
}

/// Selection, `/` filter and an Enter-to-open detail view, shared by every catalogue list.
/// Wide areas show the list beside a preview of the selected item. The list is a `Table`: its
/// position counter and the filter line have lines of their own.
public struct ListBrowser: Sendable, Hashable {
    public var cursor = ListCursor()
    public var filter = TextField()
    /// Typing into the filter.
    public var filtering = false
    /// The id of the item whose detail is open.
    public var openID: String?
    public var detailScroll = 0

    /// False when the owning pane lays out its own detail beside the list (so it is not drawn twice).
    public var showsPreview = true

    public init(showsPreview: Bool = true) { self.showsPreview = showsPreview }

    /// From this width on, the list and a preview of the selection stand side by side.
    public static let splitWidth = 100

    public var query: String { filter.text }
    public var isDetailOpen: Bool { openID != nil }
    /// Keys must go to the filter while it is being typed.
    public var capturesKeys: Bool { filtering }
    /// The filter line shows while it is typed or keeps a query.
    public var showsFilterLine: Bool { filtering || !query.isEmpty }

    public func visible(_ content: some ListContentConvertible) -> [ListItem] {
        let items = content.listContent.items
        guard !query.isEmpty else { return items }
        let words = TextMatch.words(of: query)
        return items.filter { TextMatch.matches(words: words, in: $0.search) }
    }

    /// The selected item as drawn: a selection past the end (the list shrank since the last key) is
    /// on the last row, as the table draws it.
    public func selected(in content: some ListContentConvertible) -> ListItem? {
        let v = visible(content)
        return v.isEmpty ? nil : v[max(0, min(cursor.selected, v.count - 1))]
    }

    /// Where the list and (wide areas only) the preview go; the preview starts under the list's
    /// `headerLines` column titles.
    public func layout(_ area: Rect, headerLines: Int = 0) -> (list: Rect, preview: Rect?) {
        var list = area
        guard showsPreview, area.width >= Self.splitWidth else { return (list, nil) }
        let listWidth = area.width * 2 / 5
        let preview = Rect(x: area.x + listWidth + 2, y: area.y + headerLines, width: area.width - listWidth - 2,
                           height: area.height - headerLines)
        list.width = listWidth
        return (list, preview)
    }

    /// The visible items as a table: a heading row where the group changes, and a footer line for the
    /// filter when it shows.
    public func table(_ content: some ListContentConvertible) -> Table {
        let content = content.listContent
        var rows: [Table.Row] = []
        var lastGroup: String?
        for item in visible(content) {
            if let g = item.group, g != lastGroup {
                rows.append(.section(g))
                lastGroup = g
            }
            rows.append(Table.Row(item.cells, style: item.style))
        }
        return Table(columns: content.columns, rows: rows, reservesFooter: showsFilterLine)
    }

    /// Handles list keys for a browser drawn in `area`. `detail` gives an item's detail lines.
    /// Returns false if the key is not one of the browser's.
    public mutating func handle(_ key: Key, items: some ListContentConvertible, area: Rect, detail: (String) -> [DetailLine]) -> Bool {
        let content = items.listContent
        // From what is drawn: the list or the area may have changed since the last key.
        settle(content, area: area, detail: detail)
        defer { settle(content, area: area, detail: detail) }
        if filtering { return handleFilterKey(key, content: content) }
        if openID != nil { return handleDetailKey(key, pageSize: area.height) }
        if table(content).handle(key, cursor: &cursor, area: layout(area).list) { return true }
        switch key {
        case .char("/"):
            filtering = true
            return true
        case .enter, .right, .char("l"):
            guard let item = selected(in: content) else { return true }
            openID = item.id
            detailScroll = 0
            return true
        case .escape where !query.isEmpty:
            filter.clear()
            cursor = ListCursor()
            return true
        default:
            return false
        }
    }

    /// Keeps the selection in range and in view, and the detail scroll within its text.
    public mutating func settle(_ content: some ListContentConvertible, area: Rect, detail: (String) -> [DetailLine]) {
        table(content).settle(&cursor, area: layout(area).list)
        if let id = openID {
            let total = DetailLine.layout(detail(id), width: area.width).count
            detailScroll = max(0, min(detailScroll, Self.maxDetailScroll(lines: total, height: area.height)))
        }
    }

    private mutating func handleFilterKey(_ key: Key, content: ListContent) -> Bool {
        switch key {
        case .escape:
            filtering = false
            filter.clear()
        case .enter:
            filtering = false
        case .backspace where query.isEmpty, .delete where query.isEmpty:
            filtering = false
        case .up, .down, .pageUp, .pageDown:
            _ = cursor.handle(key, count: visible(content).count, pageSize: 10)
            return true
        default:
            // Moving within the query keeps the selection; a changed query starts the list again.
            guard filter.handle(key) == .edited else { return true }
        }
        cursor = ListCursor()
        return true
    }

    private mutating func handleDetailKey(_ key: Key, pageSize: Int) -> Bool {
        switch key {
        case .escape, .left, .char("h"), .backspace:
            openID = nil
        case .up, .char("k"): detailScroll -= 1
        case .down, .char("j"): detailScroll += 1
        case .pageUp: detailScroll -= max(1, pageSize - 1)
        case .pageDown, .char(" "): detailScroll += max(1, pageSize - 1)
        case .home, .char("g"): detailScroll = 0
        case .end, .char("G"): detailScroll = Int.max / 2
        default: return false
        }
        return true
    }

    /// Draws the browser: the open detail over the whole area, or the list (and, when wide, a preview).
    public func render(_ items: some ListContentConvertible, into canvas: inout Canvas, area: Rect, theme: Theme,
                       detail: (String) -> [DetailLine], emptyText: String = "Nothing matches the filter.") {
        if let id = openID {
            Self.renderDetail(detail(id), scroll: detailScroll, into: &canvas, area: area, theme: theme)
            return
        }
        var table = table(items)
        table.style = theme.text
        table.headerStyle = theme.dim
        table.sectionStyle = theme.heading
        table.selectedStyle = theme.selected
        table.positionStyle = theme.dim
        table.ellipsis = theme.glyphs.ellipsis
        let parts = layout(area, headerLines: table.hasHeader ? 1 : 0)
        let tableParts = table.layout(parts.list)
        table.render(into: &canvas, area: parts.list, cursor: cursor)
        if let line = tableParts.footerText { renderFilterLine(into: &canvas, line, theme: theme) }
        if table.itemCount == 0 {
            canvas.put(emptyText, x: tableParts.body.x + 1, y: tableParts.body.y, style: theme.dim, clip: tableParts.body)
            return
        }
        if let preview = parts.preview, let item = selected(in: items) {
            for y in preview.y..<preview.maxY {
                canvas.put(String(theme.glyphs.vertical), x: preview.x - 2, y: y, style: theme.border)
            }
            Self.renderDetail(detail(item.id), scroll: 0, into: &canvas, area: preview, theme: theme)
        }
    }

    /// "/query_" while typing; "filter: query  (Esc clears)" while a kept query narrows the list.
    private func renderFilterLine(into canvas: inout Canvas, _ line: Rect, theme: Theme) {
        if filtering {
            let used = canvas.put("/", x: line.x, y: line.y, style: theme.keyName, clip: line)
            filter.render(into: &canvas, area: Rect(x: line.x + used, y: line.y, width: line.width - used, height: 1), style: theme.keyName)
        } else if !query.isEmpty {
            canvas.put("filter: " + query + "  (Esc clears)", x: line.x, y: line.y, style: theme.dim, clip: line)
        }
    }

    /// How far a detail of `lines` wrapped lines scrolls in `height` rows: one row goes to the
    /// "more ↓" / "end" marker when it overflows (see renderDetail), so its last line still shows.
    public static func maxDetailScroll(lines: Int, height: Int) -> Int {
        let visible = lines > height ? max(0, height - 1) : height
        return max(0, lines - visible)
    }

    /// Draws detail lines, wrapped to the area, from line `scroll`.
    public static func renderDetail(_ detail: [DetailLine], scroll: Int, into canvas: inout Canvas, area: Rect, theme: Theme) {
        let wrapped = DetailLine.layout(detail, width: area.width)
        // A detail longer than its area keeps its last row for "more ↓" / "end", so the marker never
        // covers text.
        let overflows = wrapped.count > area.height
        let visible = overflows ? max(0, area.height - 1) : area.height
        let start = max(0, min(scroll, maxDetailScroll(lines: wrapped.count, height: area.height)))
        for (row, line) in wrapped.dropFirst(start).prefix(visible).enumerated() {
            canvas.put(line.text, x: area.x, y: area.y + row, style: theme.style(for: line.kind), clip: area)
        }
        if overflows {
            let more = start + visible < wrapped.count
            let label = more ? (theme.glyphs == .ascii ? "more v" : "more ↓") : "end"
            canvas.put(label, x: area.maxX - TextWidth.width(label), y: area.maxY - 1, style: theme.dim, clip: area)
        }
    }

    public static let listHelp = [
        KeyHint("↑↓ j k", "move"), KeyHint("PgUp PgDn", "page"), KeyHint("Home End g G", "first / last"),
        KeyHint("Enter", "open the detail"), KeyHint("/", "filter as you type (Enter keeps it, Esc clears)"),
        KeyHint("Esc", "back from a detail; clear the filter"),
    ]

    /// The hint-line keys for the browser's current mode.
    public var hints: [KeyHint] {
        if filtering { return [KeyHint("type", "filter"), KeyHint("Enter", "keep"), KeyHint("Esc", "clear")] }
        if openID != nil { return [KeyHint("↑↓", "scroll"), KeyHint("Esc", "back")] }
        return [KeyHint("↑↓", "move"), KeyHint("Enter", "open"), KeyHint("/", "filter")]
    }
}

extension DetailLine {
    /// Wraps each line to `width`, keeping its kind. The first `hangingIndent` columns (a padded label,
    /// a bullet) stay as written and the rest wraps beside them, so continuations line up under the value.
    public static func layout(_ lines: [DetailLine], width: Int) -> [DetailLine] {
        var out: [DetailLine] = []
        for line in lines {
            if line.kind == .blank || line.text.isEmpty {
                out.append(.blank)
                continue
            }
            let prefix = TextWidth.truncated(line.text, to: line.hangingIndent, ellipsis: "")
            let indent = TextWidth.width(prefix)
            guard indent > 0, indent <= width / 2, prefix.count < line.text.count else {
                out += TextWrap.wrap(line.text, width: width).map { DetailLine(line.kind, $0) }
                continue
            }
            let pad = String(repeating: " ", count: indent)
            let pieces = TextWrap.wrap(String(line.text.dropFirst(prefix.count)), width: width - indent)
            for (i, piece) in pieces.enumerated() {
                out.append(DetailLine(line.kind, (i == 0 ? prefix : pad) + piece))
            }
        }
        return out
    }
}

extension Theme {
    public func style(for kind: DetailLine.Kind) -> Style {
        switch kind {
        case .heading: heading
        case .text, .blank: text
        case .dim: dim
        case .warning: warning
        case .danger: danger
        case .good: good
        }
    }
}
