import MagRelaxCore
import TerminalUI

/// A key and what it does, for the hint line and the help overlay.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

public struct HelpSection: Sendable, Hashable {
    public var title: String
    public var keys: [KeyHint]

    public init(_ title: String, _ keys: [KeyHint]) {
        self.title = title
        self.keys = keys
    }
}

/// What a pane sees of the app when it handles a key or draws.
/// Catalogue, time and journal are fixed for the context's life: its memo is worked out from them.
public struct PaneContext: Sendable {
    public let catalogue: Catalogue
    public var theme: Theme
    public let now: TimeReading
    /// The rectangle the pane draws in (between the tab bar and the hint line).
    public var area: Rect
    /// The person's profile (nil before first-start setup) and journal; changes go out as `PaneOutput.record`.
    public var profile: Profile? = nil
    public let journal: Journal
    /// The day the panes show, chosen with the shared day keys; nil while it follows today.
    public var shownDay: CalendarDay? = nil
    /// The plan's weeks as the app keeps them for the profile (nil: not made yet).
    public var planWeeks: PlanWeeks? = nil

    /// What a key or a frame reads several times, worked out once: a context lives for one key or
    /// one frame.
    let memo = ContextMemo()

    /// The Food pane's short list (favourites, then recent foods), made once per context.
    var quickFoods: [Food] {
        if let made = memo.quickFoods { return made }
        let made = QuickFoods.list(journal: journal, library: Library(catalogue: catalogue, journal: journal), through: today)
        memo.quickFoods = made
        return made
    }

    /// The person's plan, with the weeks the app keeps; nil before first-start setup.
    public var personalPlan: PersonalPlan? {
        profile.map { PersonalPlan(profile: $0, catalogue: catalogue, journal: journal, weeks: planWeeks) }
    }

    /// Today, from the clock reading.
    public var today: CalendarDay { CalendarDay(now) }
    /// The day the panes show (today unless the person moved with `[` `]`).
    public var day: CalendarDay { shownDay ?? today }
    /// The time of an entry made now for the day shown.
    public var entryTime: TimeOfDay? { TimeOfDay.ofEntry(on: day, now: now) }
}

/// What a pane asks of the shell; the shell turns it into effects in one place (`AppState.effects(of:)`).
public enum PaneOutput: Sendable, Hashable {
    /// One action's journal changes: recorded and saved together.
    case record([JournalChange])
    case bell(count: Int)
    /// A message over everything until dismissed (e.g. a red flag's action).
    case alert(Alert)
    /// Show another pane.
    case switchTo(Pane)
    /// Open the Breathe pane straight into a session of this pattern (by id).
    case startBreathing(patternID: String)
    /// Open the Food pane on its day view (totals, log, "fill the gap") for today.
    case showFoodDay
    /// Show this day in every pane that shows a day (never past today), reading its months if needed.
    case showDay(CalendarDay)
    /// Write the plan as an iCalendar file next to the person's data, and say where it went.
    case exportCalendar(text: String, events: Int)
}

/// One of the four panes. The shell gives it keys and a rectangle to draw in.
public protocol PaneModel: Sendable {
    /// Handles a key; returns nil when the pane has no use for it, so the shell may.
    mutating func handle(_ key: Key, context: PaneContext) -> [PaneOutput]?
    func render(into canvas: inout Canvas, context: PaneContext)
    /// The keys that work right now, for the hint line.
    func hints(context: PaneContext) -> [KeyHint]
    /// Every key of the pane, for the help overlay.
    func help(context: PaneContext) -> [HelpSection]
    /// True while the pane takes every key (typing a filter, a form, a running session):
    /// then digits, Tab, `q` and `?` go to the pane, not to the shell.
    var capturesKeys: Bool { get }
    /// When the pane needs to be woken without a key (monotonic seconds), or nil.
    func nextWakeup(context: PaneContext) -> Double?
    /// True when the pane shows a day and takes the shared day keys (listed in its help).
    var showsDays: Bool { get }
    /// Time passed (called on every tick).
    mutating func tick(context: PaneContext) -> [PaneOutput]
}

extension PaneModel {
    public var capturesKeys: Bool { false }
    public func nextWakeup(context: PaneContext) -> Double? { nil }
    public mutating func tick(context: PaneContext) -> [PaneOutput] { [] }
    public var showsDays: Bool { false }
}

/// A context's worked-out values. Only the run loop's thread touches a context, so no lock.
final class ContextMemo: @unchecked Sendable {
    var quickFoods: [Food]?
}
