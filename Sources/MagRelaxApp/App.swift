import MagRelaxCore
import TerminalUI

/// The four panes, in tab order.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case symptoms = 1, plan, food, breathe

    public var title: String {
        switch self {
        case .symptoms: "Symptoms"
        case .plan: "Plan"
        case .food: "Food"
        case .breathe: "Breathe"
        }
    }
}

/// Everything that can happen to the app.
public enum Action: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The run loop sends a fresh reading before every key and whenever it wakes for a timer.
    case tick(TimeReading)
}

/// What the run loop must do after an update.
public enum Effect: Sendable, Hashable {
    case quit
    case bell(count: Int)
}

public struct AppState: Sendable {
    public var catalogue: Catalogue
    public var width: Int
    public var height: Int
    public var pane: Pane
    /// False when the locale is not UTF-8: views then draw with ASCII only.
    public var unicode: Bool
    public var now: TimeReading

    public init(catalogue: Catalogue, width: Int = 80, height: Int = 24, unicode: Bool = true,
                now: TimeReading = TimeReading(monotonic: 0, wallClock: 0, utcOffsetSeconds: 0)) {
        self.catalogue = catalogue
        self.width = width
        self.height = height
        self.unicode = unicode
        self.now = now
        pane = .symptoms
    }

    /// When the run loop must wake without a key (monotonic seconds); nil: block on input.
    public var nextWakeup: Double? { nil }
}

public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resize(let w, let h):
        state.width = w
        state.height = h
    case .key(.char("q")):
        return [.quit]
    case .key(.char(let c)):
        if let n = c.wholeNumberValue, let pane = Pane(rawValue: n) { state.pane = pane }
    default:
        break
    }
    return []
}

public func view(_ state: AppState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    var x = 0
    for pane in Pane.allCases {
        x += canvas.put(" \(pane.rawValue) \(pane.title) ", x: x, y: 0, style: Style(reverse: pane == state.pane))
    }
    return canvas
}
