import TerminalUI

/// A row of a browsable list. `group` starts a header line when it changes; `search` is what `/` matches.
public struct ListItem: Sendable, Hashable {
    public var id: String
    public var group: String?
    public var text: String
    public var search: String
    public var style: Style?

    public init(id: String, group: String? = nil, text: String, search: String? = nil, style: Style? = nil) {
        self.id = id
        self.group = group
        self.text = text
        self.search = search ?? text
        self.style = style
    }
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
/// Wide areas show the list beside a preview of the selected item.
public struct ListBrowser: Sendable, Hashable {
    public var cursor = ListCursor()
    public var query = ""
    /// Typing into the filter.
    public var filtering = false
    /// The id of the item whose detail is open.
    public var openID: String?
    public var detailScroll = 0

    public init() {}

    /// From this width on, the list and a preview of the selection stand side by side.
    public static let splitWidth = 100

    public var isDetailOpen: Bool { openID != nil }
    /// Keys must go to the filter while it is being typed.
    public var capturesKeys: Bool { filtering }

    public func visible(_ items: [ListItem]) -> [ListItem] {
        query.isEmpty ? items : items.filter { TextMatch.matches(query, in: $0.search) }
    }

    public func selected(in items: [ListItem]) -> ListItem? {
        let v = visible(items)
        return v.indices.contains(cursor.selected) ? v[cursor.selected] : nil
    }

    /// Where the list, the preview (wide areas only) and the filter line go.
    public func layout(_ area: Rect) -> (list: Rect, preview: Rect?, filter: Rect?) {
        var list = area
        var filter: Rect?
        if filterLine != nil, area.height > 2 {
            filter = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
            list.height -= 1
        }
        guard area.width >= Self.splitWidth else { return (list, nil, filter) }
        let listWidth = area.width * 2 / 5
        let preview = Rect(x: area.x + listWidth + 2, y: area.y, width: area.width - listWidth - 2, height: list.height)
        list.width = listWidth
        return (list, preview, filter)
    }

    /// Handles list keys for a browser drawn in `area`. `detail` gives an item's detail lines.
    /// Returns false if the key is not one of the browser's.
    public mutating func handle(_ key: Key, items: [ListItem], area: Rect, detail: (String) -> [DetailLine]) -> Bool {
        defer { settle(items, area: area, detail: detail) }
        if filtering { return handleFilterKey(key, items: items) }
        if openID != nil { return handleDetailKey(key, pageSize: area.height) }
        let count = visible(items).count
        if cursor.handle(key, count: count, pageSize: layout(area).list.height) { return true }
        switch key {
        case .char("/"):
            filtering = true
            return true
        case .enter, .right, .char("l"):
            guard let item = selected(in: items) else { return true }
            openID = item.id
            detailScroll = 0
            return true
        case .escape where !query.isEmpty:
            query = ""
            cursor = ListCursor()
            return true
        default:
            return false
        }
    }

    /// Keeps the selection in range and in view, and the detail scroll within its text.
    public mutating func settle(_ items: [ListItem], area: Rect, detail: (String) -> [DetailLine]) {
        let shown = visible(items)
        cursor.clamp(count: shown.count)
        let list = layout(area).list
        let lines = displayLines(shown)
        let selectedLine = lines.firstIndex { $0.item == cursor.selected } ?? 0
        // At the top, keep the first group header in view.
        cursor.reveal(line: cursor.selected == 0 ? 0 : selectedLine, height: list.height, totalLines: lines.count)
        if let id = openID {
            let total = DetailLine.layout(detail(id), width: area.width).count
            detailScroll = max(0, min(detailScroll, total - area.height))
        }
    }

    private mutating func handleFilterKey(_ key: Key, items: [ListItem]) -> Bool {
        switch key {
        case .escape:
            filtering = false
            query = ""
        case .enter:
            filtering = false
        case .backspace, .delete:
            if query.isEmpty { filtering = false } else { query.removeLast() }
        case .ctrl("u"):
            query = ""
        case .up, .down, .pageUp, .pageDown:
            _ = cursor.handle(key, count: visible(items).count, pageSize: 10)
            return true
        case .char(let c) where !c.isNewline:
            query.append(c)
        default:
            return true
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

    /// The filter line text, when a filter is typed or active.
    public var filterLine: String? {
        if filtering { return "/" + query + "_" }
        if !query.isEmpty { return "filter: " + query + "  (Esc clears)" }
        return nil
    }

    private func displayLines(_ shown: [ListItem]) -> [(item: Int?, text: String)] {
        var lines: [(item: Int?, text: String)] = []
        var lastGroup: String?
        for (i, item) in shown.enumerated() {
            if let g = item.group, g != lastGroup {
                lines.append((nil, g))
                lastGroup = g
            }
            lines.append((i, item.text))
        }
        return lines
    }

    /// Draws the browser: the open detail over the whole area, or the list (and, when wide, a preview).
    public func render(_ items: [ListItem], into canvas: inout Canvas, area: Rect, theme: Theme,
                       detail: (String) -> [DetailLine], emptyText: String = "Nothing matches the filter.") {
        if let id = openID {
            Self.renderDetail(detail(id), scroll: detailScroll, into: &canvas, area: area, theme: theme)
            return
        }
        let parts = layout(area)
        if let f = parts.filter, let line = filterLine {
            canvas.put(line, x: f.x, y: f.y, style: filtering ? theme.keyName : theme.dim, clip: f)
        }
        let shown = visible(items)
        let listArea = parts.list
        if shown.isEmpty {
            canvas.put(emptyText, x: listArea.x + 1, y: listArea.y, style: theme.dim, clip: listArea)
            return
        }
        let lines = displayLines(shown)
        for (row, line) in lines.dropFirst(cursor.offset).prefix(listArea.height).enumerated() {
            let y = listArea.y + row
            guard let index = line.item else {
                canvas.put(line.text, x: listArea.x, y: y, style: theme.heading, clip: listArea)
                continue
            }
            let isSelected = index == cursor.selected
            let style = isSelected ? theme.selected : (shown[index].style ?? theme.text)
            canvas.put(TextWidth.padded(" " + line.text, to: listArea.width), x: listArea.x, y: y, style: style, clip: listArea)
        }
        if lines.count > listArea.height {
            let pos = "\(cursor.selected + 1)/\(shown.count)"
            let y = parts.filter?.y ?? listArea.maxY - 1
            canvas.put(pos, x: listArea.maxX - TextWidth.width(pos), y: y, style: theme.dim)
        }
        if let preview = parts.preview, let item = selected(in: items) {
            for y in preview.y..<preview.maxY {
                canvas.put(String(theme.glyphs.vertical), x: preview.x - 2, y: y, style: theme.border)
            }
            Self.renderDetail(detail(item.id), scroll: 0, into: &canvas, area: preview, theme: theme)
        }
    }

    /// Draws detail lines, wrapped to the area, from line `scroll`.
    public static func renderDetail(_ detail: [DetailLine], scroll: Int, into canvas: inout Canvas, area: Rect, theme: Theme) {
        let wrapped = DetailLine.layout(detail, width: area.width)
        let start = max(0, min(scroll, wrapped.count - area.height))
        for (row, line) in wrapped.dropFirst(start).prefix(area.height).enumerated() {
            canvas.put(line.text, x: area.x, y: area.y + row, style: theme.style(for: line.kind), clip: area)
        }
        if wrapped.count > area.height {
            let more = start + area.height < wrapped.count
            let label = more ? (theme.glyphs == .ascii ? "more v" : "more ↓") : "end"
            canvas.put(" " + label, x: area.maxX - TextWidth.width(label) - 1, y: area.maxY - 1, style: theme.dim)
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
