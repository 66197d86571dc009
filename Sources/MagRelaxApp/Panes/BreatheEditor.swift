import MagRelaxCore
import TerminalUI

/// The editor for a person's own pattern: a name and four phases, checked against the limits for a person's own pattern.
public struct PatternEditor: Sendable, Hashable {
    public var nameField: TextField
    /// Seconds: in, hold (full), out, hold (empty).
    public var seconds: [Double]
    /// 0 the name, 1–4 the phases.
    public var field = 0
    public var problems: [PatternProblem] = []
    /// The custom pattern being changed, nil for a new one.
    public var editingID: String?

    public enum Outcome: Sendable, Hashable {
        case editing
        case cancel
        case save(BreathingPattern)
    }

    static let phases: [BreathPhase] = [.inhale, .holdIn, .exhale, .holdOut]
    static let nameLength = 30

    public var name: String { nameField.text }

    /// A new pattern starts from diaphragmatic breathing's 4 · 0 · 6 · 0.
    public init(editing pattern: BreathingPattern? = nil) {
        nameField = TextField(pattern?.name ?? "", maxLength: PatternEditor.nameLength)
        seconds = pattern.map { [$0.inhale, $0.holdIn, $0.exhale, $0.holdOut] } ?? [4, 0, 6, 0]
        editingID = pattern?.id
    }

    public mutating func handle(_ key: Key, profile: Profile?, existing: [BreathingPattern]) -> Outcome {
        if field == 0, nameField.handle(key) != .ignored { return .editing }
        switch key {
        case .escape:
            return .cancel
        case .up, .backTab:
            field = (field + 4) % 5
        case .down, .tab:
            field = (field + 1) % 5
        case .enter:
            return save(profile: profile, existing: existing)
        case .left where field > 0, .char("-") where field > 0:
            adjust(by: -BreathingPattern.phaseStep)
        case .right where field > 0, .char("+") where field > 0:
            adjust(by: BreathingPattern.phaseStep)
        default:
            break
        }
        return .editing
    }

    private mutating func adjust(by delta: Double) {
        let i = field - 1
        let range = BreathingPattern.phaseRange
        seconds[i] = min(max(seconds[i] + delta, range.lowerBound), range.upperBound)
        problems = []
    }

    private mutating func save(profile: Profile?, existing: [BreathingPattern]) -> Outcome {
        let result = BreathingPattern.custom(
            id: editingID ?? JournalEntry.newID, name: name, inhale: seconds[0], holdIn: seconds[1], exhale: seconds[2], holdOut: seconds[3],
            pregnant: profile?.lifeStage == .pregnant, heartOrLungDisease: profile?.heartOrLungDisease ?? false)
        switch result {
        case .failure(let error):
            problems = error.problems
            return .editing
        case .success(let pattern):
            if existing.contains(where: { $0.name.equalsIgnoringCase(pattern.name) && $0.id != editingID }) {
                problems = [PatternProblem(phase: nil, kind: .nameTaken, message: "You already have a pattern with this name")]
                return .editing
            }
            return .save(pattern)
        }
    }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let x = area.x + 2
        var y = area.y
        canvas.put(editingID == nil ? "New breathing pattern" : "Edit breathing pattern", x: x, y: y, style: theme.heading)
        y += 2
        let rows = [("Name", name)]
            + PatternEditor.phases.enumerated().map { i, phase in
                (BreathingRules.name(of: phase), "‹ " + Format.seconds(seconds[i]) + " ›")
            }
        for (i, row) in rows.enumerated() {
            let marker = i == field ? theme.glyphs.pointer : " "
            canvas.put(marker, x: x, y: y, style: theme.keyName)
            canvas.put(TextWidth.padded(row.0, to: 16), x: x + 2, y: y, style: theme.text)
            if i == 0 && field == 0 {
                nameField.render(into: &canvas, area: Rect(x: x + 18, y: y, width: area.maxX - x - 18, height: 1), style: theme.selected)
            } else {
                canvas.put(row.1, x: x + 18, y: y, style: i == field ? theme.selected : theme.text)
            }
            y += 1
        }
        y += 1
        let total = seconds.reduce(0, +)
        canvas.put("One breath: \(Format.seconds(total))", x: x, y: y, style: theme.dim)
        y += 2
        let limits = "Each phase 0–20 s in 0.5 s steps; in and out at least 2 s. No holds with pregnancy or heart or lung disease."
        y += canvas.drawParagraph(limits, in: Rect(x: x, y: y, width: area.width - 4, height: 2), style: theme.dim)
        y += 1
        for problem in problems where y < area.maxY {
            canvas.put(problem.description, x: x, y: y, style: theme.warning, clip: area)
            y += 1
        }
    }

    static let hints = [
        KeyHint("↑↓", "field"), KeyHint("←→", "0.5 s"), KeyHint("Enter", "save"), KeyHint("Esc", "cancel"),
    ]
}
