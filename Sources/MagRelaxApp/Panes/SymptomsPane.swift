import MagRelaxCore
import TerminalUI

/// 1 Symptoms: the person's checklist for the day shown (rated 0–4, a check-in with `c`), their trends
/// over 28 days, the plan's baseline week against the latest one, and the red flags that route to care.
public struct SymptomsPane: PaneModel, Hashable {
    /// `changes` with the plan's "rate your symptoms" check-off when they record ratings: one batch.
    static func ticking(_ changes: [JournalChange], _ ctx: PaneContext) -> [JournalChange] {
        changes + [PersonalPlan.ratingCheckOff(for: changes, profile: ctx.profile, journal: ctx.journal, catalogue: ctx.catalogue)?.change]
            .compactMap { $0 }
    }

    /// The trend each row shows (and so the days start-up reads before the first frame).
    public static let recentDays = 14

    /// The three views `v` cycles through.
    public enum View: Int, CaseIterable, Sendable, Hashable {
        case day, trends, beforeAfter

        public var title: String {
            switch self {
            case .day: "the day"
            case .trends: "trends"
            case .beforeAfter: "before and after"
            }
        }

        var next: View { View(rawValue: (rawValue + 1) % View.allCases.count)! }
    }

    /// What covers the view and takes every key while open.
    public enum Mode: Sendable, Hashable {
        case checkIn(CheckInDraft)
        /// Choosing a catalogue symptom to add to the list.
        case adding(ListBrowser)
        case redFlags(ListBrowser)
    }

    public var view = View.day
    /// The selection (and filter, and open detail) over the view's rows.
    public var browser = ListBrowser(showsPreview: false)
    public var mode: Mode?

    public init() {}

    public var showsDays: Bool { true }

    public var capturesKeys: Bool { mode != nil || browser.capturesKeys }

    // MARK: Keys

    public mutating func handle(_ key: Key, context ctx: PaneContext) -> [PaneOutput]? {
        let data = SymptomsData(ctx)
        let layout = SymptomsLayout(ctx, view: view, mode: mode)
        switch mode {
        case .checkIn(var draft):
            switch draft.handle(key, symptoms: data.symptoms, area: layout.list, ctx: ctx) {
            case .editing:
                mode = .checkIn(draft)
                return []
            case .notUsed:
                return nil
            case .ended:
                mode = nil
                return CheckInEdit.add(draft.recorded, on: draft.day, at: draft.time).map { [.record(Self.ticking([$0], ctx))] } ?? []
            }
        case .adding(var list):
            let content = Self.addingContent(data, ctx)
            if key == .enter, !list.filtering, let item = list.selected(in: content) {
                mode = nil
                return [.record([SymptomChecklist.adding(item.id, to: data.ids, catalogue: ctx.catalogue)])]
            }
            if key == .escape && !list.filtering && list.query.isEmpty {
                mode = nil
                return []
            }
            if key == .ctrl("c") { return nil }
            _ = list.handle(key, items: content, area: layout.list, detail: { Self.symptomDetail($0, data, ctx) })
            mode = .adding(list)
            return []
        case .redFlags(var list):
            let content = RedFlagList.content(ctx)
            let flag = list.selected(in: content).flatMap { RedFlagList.flag(forItem: $0.id, ctx) }
            if !list.filtering, let flag {
                switch key {
                case .enter:
                    mode = nil
                    return RedFlagList.mark(flag, ctx)
                case .backspace, .delete:
                    return RedFlagList.unmark(flag, ctx)
                default:
                    break
                }
            }
            if key == .escape && !list.filtering && list.query.isEmpty {
                mode = nil
                return []
            }
            if key == .ctrl("c") { return nil }
            _ = list.handle(key, items: content, area: layout.list, detail: { RedFlagList.detail(forItem: $0, ctx) })
            mode = .redFlags(list)
            return []
        case nil:
            return handleView(key, data, layout, ctx)
        }
    }

    private mutating func handleView(_ key: Key, _ data: SymptomsData, _ layout: SymptomsLayout, _ ctx: PaneContext)
        -> [PaneOutput]?
    {
        let content = self.content(data, ctx)
        // From what is drawn: the list may have changed since the last key (a new goal's list).
        var settled = browser
        settled.settle(content, area: layout.list, detail: { detail($0, data, ctx) })
        browser = settled
        let symptom = browser.selected(in: content).flatMap { ctx.catalogue.symptom(id: $0.id) }
        if !browser.filtering && !browser.isDetailOpen {
            let time = ctx.entryTime
            switch key {
            case .left, .char("h"), .right, .char("l"):
                guard let symptom else { return [.bell(count: 1)] }
                let up = key == .right || key == .char("l")
                let changes = CheckInEdit.step(symptom.id, by: up ? 1 : -1, on: ctx.day, in: ctx.journal, at: time)
                return changes.isEmpty ? [.bell(count: 1)] : [.record(Self.ticking(changes, ctx))]
            case .backspace, .delete:
                guard let symptom else { return [.bell(count: 1)] }
                let changes = CheckInEdit.clear(symptom.id, on: ctx.day, in: ctx.journal)
                return changes.isEmpty ? [] : [.record(changes)]
            case .char("c"):
                guard !data.symptoms.isEmpty else { return [.bell(count: 1)] }
                mode = .checkIn(CheckInDraft(day: ctx.day, time: time))
                return []
            case .char("v"):
                view = view.next
                browser.openID = nil
                settle(data, ctx)
                return []
            case .char("!"):
                mode = .redFlags(ListBrowser(showsPreview: false))
                return []
            case .char("a"):
                mode = .adding(ListBrowser(showsPreview: false))
                return []
            case .char("x"):
                guard let symptom else { return [.bell(count: 1)] }
                // The row goes: the selection stays on the one that takes its place, or the new last one.
                browser.cursor.clamp(count: browser.visible(content).count - 1)
                return [.record([SymptomChecklist.removing(symptom.id, from: data.ids)])]
            case .escape where view != .day && browser.query.isEmpty:
                view = .day
                settle(data, ctx)
                return []
            default:
                break
            }
        }
        var b = browser
        let used = b.handle(key, items: content, area: layout.list, detail: { detail($0, data, ctx) })
        browser = b
        return used ? [] : nil
    }

    /// Keeps the selection on the rows of the view now shown: the views list different rows.
    private mutating func settle(_ data: SymptomsData, _ ctx: PaneContext) {
        let layout = SymptomsLayout(ctx, view: view, mode: mode)
        var b = browser
        b.settle(content(data, ctx), area: layout.list, detail: { detail($0, data, ctx) })
        browser = b
    }

    // MARK: Hints and help

    public func hints(context ctx: PaneContext) -> [KeyHint] {
        switch mode {
        case .checkIn(let draft):
            let symptoms = SymptomsData(ctx).symptoms
            switch draft.selectedRow(symptoms) {
            case .trigger: return [KeyHint("Space", "tick"), KeyHint("↑↓", "move"), KeyHint("Enter", "done")]
            case .note: return [KeyHint("type", "note"), KeyHint("↑↓", "move"), KeyHint("Enter", "done")]
            case .symptom, nil:
                return [KeyHint("0-4", "rate"), KeyHint("Bksp", "clear"), KeyHint("↑↓", "move"), KeyHint("Enter", "done")]
            }
        case .adding(let list):
            return list.filtering ? list.hints : [KeyHint("Enter", "add"), KeyHint("/", "filter"), KeyHint("Esc", "cancel")]
        case .redFlags(let list):
            return list.filtering ? list.hints
                : [KeyHint("Enter", "mark"), KeyHint("Bksp", "unmark"), KeyHint("/", "filter"), KeyHint("Esc", "close")]
        case nil:
            if browser.filtering || browser.isDetailOpen { return browser.hints }
            let hints = [KeyHint("←→", "rate"), KeyHint("c", "check in"), KeyHint("v", view.next.title),
                         KeyHint("!", "red flag"), KeyHint("a", "add")]
            // The rest are in the help; a wide screen has room for them beside the shell's own.
            return ctx.area.width >= SymptomsLayout.detailWidth ? hints + [KeyHint("x", "remove"), KeyHint("[ ]", "day")] : hints
        }
    }

    public func help(context: PaneContext) -> [HelpSection] {
        [
            HelpSection("Symptoms", [
                KeyHint("↑↓ j k", "move; PgUp PgDn Home End as in every list"),
                KeyHint("←→ h l", "rate the selected symptom for the day shown"),
                KeyHint("Backspace", "clear the selected symptom's rating for that day"),
                KeyHint("c", "check in: rate your list one symptom after another"),
                KeyHint("a", "add a symptom from the catalogue to your list"),
                KeyHint("x", "take the selected symptom off your list (ratings stay)"),
                KeyHint("v", "views: the day, trends (28 days), before and after"),
                KeyHint("Enter", "what the symptom is, and the evidence"),
                KeyHint("/", "filter the list (Enter keeps it, Esc clears)"),
                KeyHint("!", "red flags: mark a sign you have; it says what to do"),
                KeyHint("Esc", "back to the day; close a detail or a list"),
            ]),
            HelpSection("Check-in (c)", [
                KeyHint("0-4", "0 none · 1 mild · 2 moderate · 3 severe · 4 unbearable"),
                KeyHint("", "a digit rates the selected symptom and moves down"),
                KeyHint("Backspace", "clear the selected rating"),
                KeyHint("Space", "tick a possible trigger"),
                KeyHint("type", "on the note's line: a short note"),
                KeyHint("Enter or Esc", "end the check-in and save it"),
            ]),
            HelpSection("How the numbers work", [
                KeyHint("a day", "the mean of that day's check-ins; not rated is not 0"),
                KeyHint("←→", "change the day's latest check-in (a new one if none)"),
                KeyHint("burden", "the day's ratings added up, with how many were rated"),
                KeyHint("7-day mean", "over the rated days; (5 d): 5 of the 7 rated"),
                KeyHint("before/after", "plan days 1–7 against the latest 7 days"),
                KeyHint("", "fewer than 3 rated days in a week: too little data"),
                KeyHint("", "a difference under 0.5: no clear change"),
                KeyHint("", "lower or higher: how ratings moved, not why"),
                KeyHint("red flags", "never in a score; held 14 days, no supplement tips"),
            ]),
        ]
    }
}
