import Foundation
import MagRelaxCore
import TerminalUI

public func view(_ state: AppState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    let theme = state.theme
    if state.isTooSmall {
        drawTooSmall(&canvas, state)
        return canvas
    }
    drawTabBar(&canvas, state)
    canvas.put(String(repeating: theme.glyphs.horizontal, count: state.width), x: 0, y: 1, style: theme.border)
    state.withPane(state.pane) { $0.render(into: &canvas, context: state.context) }
    drawStorageAndProfile(&canvas, state)
    if let scroll = state.helpScroll {
        drawHelp(&canvas, state, scroll: scroll)
    }
    drawHintLine(&canvas, state)
    return canvas
}

private func drawTabBar(_ canvas: inout Canvas, _ state: AppState) {
    var x = 0
    for pane in Pane.allCases {
        let style = pane == state.pane ? state.theme.tabActive : state.theme.tabInactive
        x += canvas.put(" \(pane.rawValue) \(pane.title) ", x: x, y: 0, style: style)
        x += 1
    }
    let name = state.storage.readOnly ? "magrelax (read-only)" : "magrelax"
    if x + TextWidth.width(name) + 1 < state.width {
        canvas.put(name, x: state.width - TextWidth.width(name) - 1, y: 0, style: state.theme.title)
    }
}

/// The bottom line: the keys that work right now, as many as fit.
private func drawHintLine(_ canvas: inout Canvas, _ state: AppState) {
    let y = state.height - 1
    let hints: [KeyHint]
    if state.helpScroll != nil {
        hints = [KeyHint("↑↓", "scroll"), KeyHint("Esc", "close help")]
    } else if let overlay = storageAndProfileHints(state) {
        hints = overlay
    } else {
        var paneHints = state.withPane(state.pane) { $0.hints(context: state.context) }
        let captures = state.withPane(state.pane) { $0.capturesKeys }
        let global = captures ? [] : [KeyHint("1-4", "panes"), KeyHint("?", "help"), KeyHint("q", "quit"), KeyHint("p", "profile")]
        // Help and quit must always be visible: drop the pane's last hints until they fit.
        let essential = global.prefix(3)
        while !paneHints.isEmpty, hintsWidth(paneHints + essential, theme: state.theme) > state.width - 1 {
            paneHints.removeLast()
        }
        hints = paneHints + global
    }
    drawHints(hints, into: &canvas, y: y, width: state.width, theme: state.theme)
}

func hintsWidth(_ hints: [KeyHint], theme: Theme) -> Int {
    hints.reduce(1) { $0 + TextWidth.width(keyLabel($1.key, theme: theme)) + 1 + TextWidth.width($1.label) + 2 }
}

func drawHints(_ hints: [KeyHint], into canvas: inout Canvas, y: Int, width: Int, theme: Theme) {
    var x = 1
    for hint in hints {
        let key = keyLabel(hint.key, theme: theme)
        let need = TextWidth.width(key) + 1 + TextWidth.width(hint.label) + 2
        if x + need > width { break }
        x += canvas.put(key, x: x, y: y, style: theme.keyName)
        x += 1
        x += canvas.put(hint.label, x: x, y: y, style: theme.keyLabel)
        x += 2
    }
}

/// Arrow symbols fall back to words on ASCII terminals.
func keyLabel(_ key: String, theme: Theme) -> String {
    guard theme.glyphs == .ascii else { return key }
    return key.replacingOccurrences(of: "↑↓", with: "Up/Down")
        .replacingOccurrences(of: "←→", with: "Left/Right")
        .replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
        .replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
}

private func drawHelp(_ canvas: inout Canvas, _ state: AppState, scroll: Int) {
    let theme = state.theme
    let boxWidth = min(state.width - 4, 76)
    let boxHeight = state.height - 4
    let box = Rect(x: (state.width - boxWidth) / 2, y: 2, width: boxWidth, height: boxHeight)
    canvas.fill(box)
    canvas.drawBox(box, title: "Help: \(state.pane.title)", style: theme.border, titleStyle: theme.title, glyphs: theme.glyphs)
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    let sections = state.withPane(state.pane) { $0.help(context: state.context) } + [globalHelp]
    let keyWidth = min(18, inner.width / 3)
    var lines: [(String, String, Bool)] = []
    for (i, section) in sections.enumerated() {
        if i > 0 { lines.append(("", "", false)) }
        lines.append((section.title, "", true))
        for k in section.keys { lines.append((keyLabel(k.key, theme: theme), k.label, false)) }
    }
    lines.append(("", "", false))
    lines.append(("magrelax is education, not medical advice.", "", false))
    let maxScroll = max(0, lines.count - inner.height)
    for (row, line) in lines.dropFirst(min(scroll, maxScroll)).prefix(inner.height).enumerated() {
        let y = inner.y + row
        if line.2 {
            canvas.put(line.0, x: inner.x, y: y, style: theme.heading, clip: inner)
        } else if line.1.isEmpty {
            canvas.put(line.0, x: inner.x, y: y, style: theme.dim, clip: inner)
        } else {
            canvas.put(line.0, x: inner.x, y: y, style: theme.keyName, clip: inner)
            let rest = Rect(x: inner.x + keyWidth, y: y, width: inner.width - keyWidth, height: 1)
            canvas.put(TextWidth.truncated(line.1, to: rest.width, ellipsis: theme.glyphs.ellipsis), x: rest.x, y: y, clip: rest)
        }
    }
}

private func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
    let lines = [
        "Terminal too small",
        "\(state.width)×\(state.height); magrelax needs at least \(minimumSize.width)×\(minimumSize.height).",
        "Enlarge the window, or press q to quit.",
    ].map { state.unicode ? $0 : $0.replacingOccurrences(of: "×", with: "x") }
    let top = max(0, state.height / 2 - 1)
    for (i, line) in lines.enumerated() {
        let t = TextWidth.truncated(line, to: state.width)
        canvas.put(t, x: max(0, (state.width - TextWidth.width(t)) / 2), y: top + i, style: i == 0 ? state.theme.warning : .plain)
    }
}
