import TerminalUI

/// The app's small palette. Every style still reads without colour (bold, reverse, dim).
public struct Theme: Sendable, Hashable {
    public var glyphs: Glyphs
    public var text = Style.plain
    public var dim = Style(dim: true)
    public var title = Style(fg: .cyan, bold: true)
    public var heading = Style(fg: .cyan, bold: true)
    public var selected = Style(reverse: true)
    public var tabActive = Style(fg: .black, bg: .cyan, bold: true)
    public var tabInactive = Style.plain
    public var keyName = Style(fg: .cyan, bold: true)
    public var keyLabel = Style.plain
    public var good = Style(fg: .green)
    public var warning = Style(fg: .yellow, bold: true)
    public var danger = Style(fg: .red, bold: true)
    public var accent = Style(fg: .magenta)
    public var border = Style(dim: true)

    public init(unicode: Bool) {
        glyphs = unicode ? .unicode : .ascii
    }

    /// What screen tests call each style (`Canvas.styledText(names:)`); styles that look alike take the
    /// first name that fits them.
    public var styleNames: [Style: String] {
        let named: [(String, Style)] = [
            ("selected", selected), ("heading", heading), ("dim", dim), ("tab", tabActive), ("good", good),
            ("warning", warning), ("danger", danger), ("accent", accent), ("text", text),
        ]
        var names: [Style: String] = [:]
        for (name, style) in named where names[style] == nil { names[style] = name }
        return names
    }
}

extension Theme {
    /// The text with its symbols in ASCII when the terminal has no Unicode: one rule for every pane.
    func plain(_ text: String) -> String {
        guard glyphs == .ascii else { return text }
        return text.replacing("·", with: "-").replacing("×", with: "x").replacing("–", with: "-")
            .replacing("‹", with: "<").replacing("›", with: ">").replacing("…", with: "...")
    }
}
