/// Selection and scrolling for a list of `count` items, moved by the usual keys.
public struct ListCursor: Sendable, Hashable {
    public var selected: Int
    /// First visible line (in display lines, which may include group headers).
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves for arrows, j/k, PgUp/PgDn, Home/End, g/G. Returns false for keys it does not use.
    public mutating func handle(_ key: Key, count: Int, pageSize: Int) -> Bool {
        let page = max(1, pageSize - 1)
        switch key {
        case .up, .char("k"): selected -= 1
        case .down, .char("j"): selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .home, .char("g"): selected = 0
        case .end, .char("G"): selected = count - 1
        default: return false
        }
        clamp(count: count)
        return true
    }

    public mutating func clamp(count: Int) {
        selected = count == 0 ? 0 : min(max(selected, 0), count - 1)
    }

    /// Scrolls so that display line `line` is within a window of `height` lines.
    public mutating func reveal(line: Int, height: Int, totalLines: Int) {
        guard height > 0 else { return }
        if line < offset { offset = line }
        if line >= offset + height { offset = line - height + 1 }
        offset = max(0, min(offset, max(0, totalLines - height)))
    }
}
