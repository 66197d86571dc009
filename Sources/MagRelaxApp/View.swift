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
    state[state.pane].render(into: &canvas, context: state.context)
    drawOverlays(&canvas, state)
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
    if let flash = state.storage.flash {
        // Over the tab bar's right end until the next key: it never hides the pane or the hints.
        let text = TextWidth.truncated(flash, to: max(0, state.width - x - 2), ellipsis: state.theme.glyphs.ellipsis)
        canvas.put(text, x: state.width - TextWidth.width(text) - 1, y: 0, style: state.theme.warning)
    }
}

/// The bottom line: the keys that work right now, as many as fit.
private func drawHintLine(_ canvas: inout Canvas, _ state: AppState) {
    let y = state.height - 1
    let hints: [KeyHint]
    if let overlay = state.topOverlay {
        hints = overlayHints(overlay)
    } else {
        let pane = state[state.pane]
        var paneHints = pane.hints(context: state.context)
        let captures = pane.capturesKeys
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
    return key.replacing("↑↓", with: "Up/Down")
        .replacing("←→", with: "Left/Right")
        .replacing("↑", with: "Up").replacing("↓", with: "Down")
        .replacing("←", with: "Left").replacing("→", with: "Right")
}

private func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
    let lines = [
        "Terminal too small",
        "\(state.width)×\(state.height); magrelax needs at least \(minimumSize.width)×\(minimumSize.height).",
        "Enlarge the window, or press q to quit.",
    ].map { state.unicode ? $0 : $0.replacing("×", with: "x") }
    let top = max(0, state.height / 2 - 1)
    for (i, line) in lines.enumerated() {
        let t = TextWidth.truncated(line, to: state.width)
        canvas.put(t, x: max(0, (state.width - TextWidth.width(t)) / 2), y: top + i, style: i == 0 ? state.theme.warning : .plain)
    }
}
