import MagRelaxCore
import TerminalUI

/// Something that covers the panes and takes every key while it is on top. They stack: a notice that
/// arrives while the profile form is open shows over it, and closing it shows the form again.
public enum Overlay: Sendable, Hashable {
    /// The help for the current pane, scrolled by this many lines.
    case help(scroll: Int)
    /// A message about the person's data that they must see (damaged file, lock, failed save).
    case notice(StorageNotice)
    /// The welcome (first start) or the profile form.
    case profile(ProfileScreen)
    /// A message a pane raised, until dismissed.
    case alert(Alert)
}

/// A message over everything until the person dismisses it; `danger` draws it in the danger colour
/// (a red flag's "call an ambulance" must not look like a tip).
public struct Alert: Sendable, Hashable {
    public var title: String
    /// Paragraphs, each wrapped to the box.
    public var paragraphs: [String]
    public var danger: Bool

    public init(title: String, paragraphs: [String], danger: Bool = false) {
        self.title = title
        self.paragraphs = paragraphs
        self.danger = danger
    }
}

extension AppState {
    public var topOverlay: Overlay? { overlays.last }

    /// The help overlay's scroll, when it is open.
    public var helpScroll: Int? {
        for case .help(let scroll) in overlays.reversed() { return scroll }
        return nil
    }

    /// The welcome or profile form, when it is open.
    public var profileScreen: ProfileScreen? {
        for case .profile(let screen) in overlays.reversed() { return screen }
        return nil
    }

    /// The notices waiting to be read, oldest first.
    public var notices: [StorageNotice] {
        overlays.compactMap { if case .notice(let n) = $0 { n } else { nil } }
    }

    /// Shows a notice on top of everything (once: the same notice twice in a row shows once).
    public mutating func notify(_ notice: StorageNotice) {
        if case .notice(let last) = topOverlay, last == notice { return }
        overlays.append(.notice(notice))
    }

    /// Opens the profile form (or the welcome, until the disclaimer is accepted).
    public mutating func openProfile() {
        overlays.removeAll { if case .profile = $0 { true } else { false } }
        overlays.append(.profile(ProfileScreen(profile: profile, catalogue: catalogue, today: today)))
    }

    /// First start: no profile yet, or a profile whose disclaimer was never accepted.
    public mutating func openWelcomeIfNeeded() {
        if profile?.disclaimerAccepted == nil { openProfile() }
    }
}

/// The top overlay takes the key; Ctrl-C always quits.
func handleOverlayKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let top = state.overlays.popLast() else { return [] }
    if key == .ctrl("c") {
        state.overlays.append(top)
        return [.quit]
    }
    switch top {
    case .help(let scroll):
        // Kept within the text, from where it shows now (a resize may have left it past the end), so
        // that every key moves what is seen.
        let most = helpMaxScroll(state)
        let shown = min(scroll, most)
        let next: Int
        switch key {
        case .escape, .char("?"), .char("q"), .enter, .function(1): return []
        case .up, .char("k"): next = shown - 1
        case .down, .char("j"): next = shown + 1
        case .pageUp: next = shown - 10
        case .pageDown, .char(" "): next = shown + 10
        default: next = shown
        }
        state.overlays.append(.help(scroll: max(0, min(next, most))))
        return []
    case .notice, .alert:
        switch key {
        case .enter, .escape, .char(" "): break
        default: state.overlays.append(top)
        }
        return []
    case .profile(var screen):
        let outcome = screen.handle(key, catalogue: state.catalogue, today: state.today)
        switch outcome {
        case .stay:
            state.overlays.append(.profile(screen))
            return []
        case .quit:
            state.overlays.append(.profile(screen))
            return [.quit]
        case .close:
            return []
        case .save(let profile):
            return state.saveProfile(profile)
        }
    }
}

func overlayHints(_ overlay: Overlay) -> [KeyHint] {
    switch overlay {
    case .help: [KeyHint("↑↓", "scroll"), KeyHint("Esc", "close help")]
    case .notice, .alert: [KeyHint("Enter", "dismiss")]
    case .profile(let screen): screen.hints
    }
}

/// Draws the overlays bottom first, so the top one is whole.
func drawOverlays(_ canvas: inout Canvas, _ state: AppState) {
    for (i, overlay) in state.overlays.enumerated() {
        switch overlay {
        case .help(let scroll): drawHelp(&canvas, state, scroll: scroll)
        case .notice(let notice):
            let waiting = state.overlays[(i + 1)...].filter { if case .notice = $0 { true } else { false } }.count
            let footer = waiting > 0 ? "Enter: next (\(waiting) more)" : "Enter: dismiss"
            drawMessage(notice.title, [notice.text], footer: footer, style: state.theme.warning, into: &canvas, state: state)
        case .alert(let alert):
            drawMessage(alert.title, alert.paragraphs, footer: "Enter: dismiss",
                        style: alert.danger ? state.theme.danger : state.theme.warning, into: &canvas, state: state)
        case .profile(let screen):
            screen.render(into: &canvas, area: state.paneArea, theme: state.theme, catalogue: state.catalogue)
        }
    }
}

/// A boxed message: paragraphs wrapped to the box, a blank line between them, the footer last.
private func drawMessage(
    _ title: String, _ paragraphs: [String], footer: String, style: Style, into canvas: inout Canvas, state: AppState
) {
    let theme = state.theme
    let width = min(state.width - 4, 70)
    let lines = paragraphs.enumerated().flatMap { i, text in
        (i > 0 ? [""] : []) + TextWrap.wrap(text, width: width - 4)
    }
    let height = min(state.height - 4, lines.count + 4)
    let box = Rect(x: (state.width - width) / 2, y: max(2, (state.height - height) / 2), width: width, height: height)
    canvas.fill(box)
    canvas.drawBox(box, title: title, style: style, titleStyle: style, glyphs: theme.glyphs)
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
    for (i, line) in lines.prefix(inner.height - 2).enumerated() {
        canvas.put(line, x: inner.x, y: inner.y + i, clip: inner)
    }
    canvas.put(footer, x: inner.x, y: inner.maxY - 1, style: theme.dim, clip: inner)
}

/// The help box: under the tab bar, down to the line above the hints.
private func helpBox(_ state: AppState) -> Rect {
    let boxWidth = min(state.width - 4, 76)
    return Rect(x: (state.width - boxWidth) / 2, y: 2, width: boxWidth, height: state.height - 4)
}

/// The help's lines: a key and its label, or a heading; the pane's keys first, then the shared ones.
private func helpLines(_ state: AppState) -> [(key: String, label: String, heading: Bool)] {
    let pane = state[state.pane]
    let sections = pane.help(context: state.context) + (pane.showsDays ? [dayHelp] : []) + [globalHelp]
    var lines: [(key: String, label: String, heading: Bool)] = []
    for (i, section) in sections.enumerated() {
        if i > 0 { lines.append(("", "", false)) }
        lines.append((section.title, "", true))
        for k in section.keys { lines.append((keyLabel(k.key, theme: state.theme), k.label, false)) }
    }
    lines.append(("", "", false))
    lines.append(("magrelax is education, not medical advice.", "", false))
    return lines
}

/// How far the help scrolls: until its last line is at the bottom of the box.
func helpMaxScroll(_ state: AppState) -> Int { helpMaxScroll(lines: helpLines(state).count, state) }

private func helpMaxScroll(lines: Int, _ state: AppState) -> Int { max(0, lines - helpInner(state).height) }

/// Inside the help box: a row in from its border, two columns in from its sides.
private func helpInner(_ state: AppState) -> Rect {
    let box = helpBox(state)
    return Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
}

private func drawHelp(_ canvas: inout Canvas, _ state: AppState, scroll: Int) {
    let theme = state.theme
    let box = helpBox(state)
    // The whole pane is covered, so no row of it shows beside the box.
    canvas.fill(state.paneArea)
    canvas.drawBox(box, title: "Help: \(state.pane.title)", style: theme.border, titleStyle: theme.title, glyphs: theme.glyphs)
    let inner = helpInner(state)
    let keyWidth = min(18, inner.width / 3)
    let lines = helpLines(state)
    for (row, line) in lines.dropFirst(min(scroll, helpMaxScroll(lines: lines.count, state))).prefix(inner.height).enumerated() {
        let y = inner.y + row
        if line.heading {
            canvas.put(line.key, x: inner.x, y: y, style: theme.heading, clip: inner)
        } else if line.label.isEmpty {
            canvas.put(line.key, x: inner.x, y: y, style: theme.dim, clip: inner)
        } else {
            canvas.put(line.key, x: inner.x, y: y, style: theme.keyName, clip: inner)
            let rest = Rect(x: inner.x + keyWidth, y: y, width: inner.width - keyWidth, height: 1)
            canvas.put(TextWidth.truncated(line.label, to: rest.width, ellipsis: theme.glyphs.ellipsis), x: rest.x, y: y, clip: rest)
        }
    }
}
