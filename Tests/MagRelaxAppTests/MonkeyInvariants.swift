import MagRelaxCore
import TerminalUI

@testable import MagRelaxApp

/// What must hold after every step of the monkey, each check returning what is wrong (empty when all
/// is well). A list settles when it takes a key, before and after it; a change from elsewhere (an
/// entry removed or a save undone, a resize, a prompt closing) is clamped when drawn and settled at
/// the list's next key. So the selection checks look at whatever took the key, when the step left the
/// journal as it was.
enum MonkeyInvariants {
    // MARK: The shell

    /// Overlays, the shared day and the help's scroll.
    static func shell(_ s: AppState) -> [String] {
        var out: [String] = []
        let helps = s.overlays.count { if case .help = $0 { true } else { false } }
        let profiles = s.overlays.count { if case .profile = $0 { true } else { false } }
        if helps > 1 { out.append("\(helps) help overlays open") }
        if profiles > 1 { out.append("\(profiles) profile forms open") }
        // nil follows today; a day kept is one before it.
        if let day = s.shownDay, day >= s.today { out.append("shared day \(day) is not before today \(s.today)") }
        if let scroll = s.helpScroll, scroll < 0 { out.append("help scrolled to \(scroll)") }
        return out
    }

    static func profileForm(_ p: ProfileScreen) -> [String] {
        var out: [String] = []
        if !ProfileScreen.rows.indices.contains(p.row) { out.append("profile form on row \(p.row) of \(ProfileScreen.rows.count)") }
        out += field("age", p.age) + field("dose", p.dose) + field("plan start", p.start)
        return out
    }

    /// A text field's cursor inside its text, and the text within its limit.
    static func field(_ name: String, _ f: TextField) -> [String] {
        var out: [String] = []
        if !(0...f.text.count).contains(f.cursor) { out.append("\(name) field cursor \(f.cursor) outside its \(f.text.count) characters") }
        if let limit = f.maxLength, f.text.count > limit { out.append("\(name) field holds \(f.text.count) characters, limit \(limit)") }
        return out
    }

    /// A list's selection inside its `count` items (0 when empty), and its scroll and its detail's not
    /// negative. (How far they may scroll depends on the area, which a resize or a prompt closing
    /// changes without a key to the list: drawing clamps them, and the list settles before its next key.)
    static func browser(_ name: String, _ b: ListBrowser, count: Int) -> [String] {
        var out: [String] = []
        let last = max(0, count - 1)
        if b.cursor.selected < 0 || b.cursor.selected > last { out.append("\(name): selection \(b.cursor.selected) outside its \(count) items") }
        if b.cursor.offset < 0 || b.detailScroll < 0 { out.append("\(name): scrolled to \(b.cursor.offset), detail to \(b.detailScroll)") }
        out += field(name + " filter", b.filter)
        return out
    }

    // MARK: The panes, where the key went

    static func symptoms(_ p: SymptomsPane, _ ctx: PaneContext) -> [String] {
        let data = SymptomsData(ctx)
        switch p.mode {
        case .checkIn(let draft):
            var out = browser("check-in", draft.rows, count: draft.content(data.symptoms, ctx).items.count)
            out += field("check-in note", draft.note)
            if draft.day > ctx.today { out.append("check-in for \(draft.day), after today \(ctx.today)") }
            for (id, rating) in draft.checkIn.ratings {
                if !JournalEntry.symptomScale.contains(rating) { out.append("check-in rates \(id) \(rating)") }
                if !data.ids.contains(id) { out.append("check-in rates \(id), not on the list") }
            }
            return out
        case .adding(let list):
            return browser("adding a symptom", list, count: list.visible(SymptomsPane.addingContent(data, ctx)).count)
        case .redFlags(let list):
            return browser("red flags", list, count: list.visible(RedFlagList.content(ctx)).count)
        case nil:
            return browser("symptoms \(p.view)", p.browser, count: p.browser.visible(p.content(data, ctx)).count)
        }
    }

    static func plan(_ p: PlanPane, _ ctx: PaneContext) -> [String] {
        guard ctx.profile != nil, !p.readingPlans else {
            return browser("the five plans", p.browser, count: p.browser.visible(p.items(ctx)).count)
        }
        // The task selected and the task open are kept within the day's tasks when used and drawn
        // (the day may change under them, e.g. at midnight), so only their signs are checked here.
        var out: [String] = []
        if p.taskIndex < 0 { out.append("task \(p.taskIndex) selected") }
        if p.detailScroll < 0 { out.append("task detail scrolled to \(p.detailScroll)") }
        if let ahead = p.ahead, ahead.day <= ahead.from { out.append("a day ahead \(ahead.day) that is not after \(ahead.from)") }
        return out
    }

    static func food(_ p: FoodPane, _ ctx: PaneContext) -> [String] {
        var out: [String] = []
        if !FoodPane.tabletRange.contains(p.tabletMg) { out.append("tablet of \(p.tabletMg) mg") }
        if let typed = p.typedTablet, typed.count > 5 || !typed.allSatisfy(\.isNumber) { out.append("tablet typed as \(typed)") }
        switch p.prompt {
        case .amount(let a)?: out += field("amount", a.field)
        case .dose(let d)?: out += field("dose", d.field)
        case .customFood(let f)?:
            out += field("own food name", f.name) + field("own food serving", f.serving) + field("own food grams", f.grams)
                + field("own food magnesium", f.magnesium)
        case .confirm, nil: break
        }
        switch p.shown {
        case .day:
            // The log is clamped to the day's entries before every key and when drawn (so a key acts on
            // the entry drawn selected); a day with fewer entries may leave it past the end until then.
            if p.log.selected < 0 || p.log.offset < 0 { out.append("day log at \(p.log.selected), scrolled to \(p.log.offset)") }
        case .foods, .forms:
            let b = p.shownBrowser(ctx)
            out += browser("food \(p.shown)", b, count: b.visible(p.items(ctx)).count)
        }
        return out
    }

    static func breathe(_ p: BreathePane, _ ctx: PaneContext) -> [String] {
        switch p.screen {
        case nil:
            return browser("breathing list", p.browser, count: p.browser.visible(p.items(ctx)).count)
        case .setup(let setup):
            var out: [String] = []
            switch setup.length {
            case .minutes(let m): if !BreatheSetup.minuteRange.contains(m) { out.append("a session of \(m) minutes") }
            case .cycles(let c):
                let top = min(setup.cycleLimit ?? BreatheSetup.cycleRange.upperBound, BreatheSetup.cycleRange.upperBound)
                if !(BreatheSetup.cycleRange.lowerBound...top).contains(c) { out.append("a session of \(c) cycles, at most \(top)") }
            }
            if let t = setup.tensionBefore, !JournalEntry.tensionScale.contains(t) { out.append("tension before \(t)") }
            return out
        case .done(let done):
            if let t = done.tensionAfter, !JournalEntry.tensionScale.contains(t) { return ["tension after \(t)"] }
            return []
        case .editor(let editor):
            var out = field("pattern name", editor.nameField)
            if !(0...4).contains(editor.field) { out.append("pattern editor on field \(editor.field)") }
            if editor.seconds.count != 4 || editor.seconds.contains(where: { !$0.isFinite || $0 < 0 }) {
                out.append("pattern phases \(editor.seconds)")
            }
            return out
        case .session(let run):
            if run.started.monotonic > ctx.now.monotonic { return ["a session started after now"] }
            return []
        }
    }

    /// The pane or overlay that took the key (the pane only when the step left the journal as it was).
    static func touched(_ s: AppState, journalChanged: Bool) -> [String] {
        switch s.topOverlay {
        case .help(let scroll)?:
            let most = helpMaxScroll(s)
            return scroll > most ? ["help scrolled to \(scroll), past its end \(most)"] : []
        case .profile(let screen)?: return profileForm(screen)
        case .alert?, .notice?: return []
        case nil: break
        }
        guard !s.isTooSmall, !journalChanged else { return [] }
        let ctx = s.context
        switch s.pane {
        case .symptoms: return symptoms(s.symptoms, ctx)
        case .plan: return plan(s.plan, ctx)
        case .food: return food(s.food, ctx)
        case .breathe: return breathe(s.breathe, ctx)
        }
    }

    /// Values no key may break in any pane (checked when the journal, the day or the size changed).
    static func allPanes(_ s: AppState) -> [String] {
        var out: [String] = []
        let ctx = s.context
        if s.plan.taskIndex < 0 { out.append("plan task \(s.plan.taskIndex) selected") }
        if !FoodPane.tabletRange.contains(s.food.tabletMg) { out.append("tablet of \(s.food.tabletMg) mg") }
        if case .checkIn(let draft) = s.symptoms.mode, draft.day > ctx.today { out.append("check-in for \(draft.day), after today") }
        for (name, b) in [("symptoms", s.symptoms.browser), ("plans", s.plan.browser), ("foods", s.food.foods),
                          ("forms", s.food.forms), ("breathing", s.breathe.browser)] {
            if b.cursor.selected < 0 || b.cursor.offset < 0 || b.detailScroll < 0 {
                out.append("\(name): selection \(b.cursor.selected), scroll \(b.cursor.offset), detail \(b.detailScroll)")
            }
        }
        return out
    }

    // MARK: Totals

    /// The Food day's magnesium is the sum of the day's entries, food and supplements apart, the same
    /// by the 7-day history; the Symptoms day's burden is the sum of each listed symptom's mean rating;
    /// plan adherence is within 0...100%, and the current streak never longer than the longest (these
    /// two only when the journal changed: they do not depend on the day shown).
    static func totals(_ s: AppState, journalChanged: Bool) -> [String] {
        var out: [String] = []
        let ctx = s.context
        let library = Library(catalogue: s.catalogue, journal: s.journal)
        var food = 0.0, supplements = 0.0
        for entry in s.journal.entries(on: ctx.day) {
            switch entry.kind {
            case .food(let f): food += f.magnesiumMg(in: library) ?? 0
            case .supplement(let d): supplements += d.elementalMg
            default: break
            }
        }
        let day = s.food.dayMagnesium(ctx)
        if day.foodMg != food || day.supplementMg != supplements || day.totalMg != food + supplements {
            out.append("Food day \(ctx.day): \(day.foodMg) + \(day.supplementMg) mg, entries add up to \(food) + \(supplements) mg")
        }
        let history = MagnesiumHistory.days(journal: s.journal, catalogue: s.catalogue, from: ctx.day, through: ctx.day)
        if history.first?.foodMg != food || history.first?.supplementMg != supplements {
            out.append("7-day history of \(ctx.day): \(history), entries add up to \(food) + \(supplements) mg")
        }

        let data = SymptomsData(ctx)
        var sum = 0.0, rated = 0
        for id in data.ids {
            let ratings = s.journal.entries(on: ctx.day).compactMap { $0.checkIn?.ratings[id] }
            guard !ratings.isEmpty else { continue }
            sum += Double(ratings.reduce(0, +)) / Double(ratings.count)
            rated += 1
        }
        let burden = data.days.burden(on: ctx.day, among: data.ids)
        if rated == 0 ? burden != nil : (burden?.rated != rated || abs((burden?.total ?? -1) - sum) > 1e-9) {
            out.append("burden on \(ctx.day): \(String(describing: burden)), ratings add up to \(sum) over \(rated)")
        }

        if journalChanged, let profile = s.profile {
            let plan = PersonalPlan(profile: profile, catalogue: s.catalogue, journal: s.journal)
            for block in plan.timeline.recorded + (plan.timeline.current.map { [$0] } ?? []) where block.start <= ctx.today {
                for week in 1...PlanCalendar.weeks {
                    guard let a = plan.adherence(of: block, week: week, today: ctx.today) else { continue }
                    if a.done < 0 || a.done > a.total || !(0...100).contains(a.percent) {
                        out.append("adherence of \(block.id) week \(week): \(a.done) of \(a.total), \(a.percent)%")
                    }
                }
            }
            let streaks = plan.streaks(today: ctx.today)
            if streaks.current < 0 || streaks.current > streaks.longest { out.append("streaks \(streaks)") }
        }
        return out
    }

    /// The totals as drawn: the Food day's gauges and the Symptoms footer show the sums above, and every
    /// week's adherence on the Plan is a percentage.
    static func totalsShown(_ s: AppState, _ canvas: Canvas) -> [String] {
        guard s.overlays.isEmpty, !s.isTooSmall else { return [] }
        let ctx = s.context
        var out: [String] = []
        switch s.pane {
        case .food where s.food.shown == .day && s.food.prompt == nil:
            let day = s.food.dayMagnesium(ctx)
            let rows = (0..<3).map { canvas.line(s.paneArea.y + 2 + $0) }
            let expected = [("Food", day.foodMg), ("Supplements", day.supplementMg), ("Total", day.foodMg + day.supplementMg)]
            for (row, (label, mg)) in zip(rows, expected) where !(row.hasPrefix("  " + label) && row.contains(" " + NumberText.mg(mg))) {
                out.append("the \(label) gauge reads \"\(row)\", not \(NumberText.mg(mg))")
            }
        case .symptoms where s.symptoms.mode == nil && s.symptoms.view == .day:
            let data = SymptomsData(ctx)
            let footer = SymptomsLayout(ctx, view: .day, mode: nil).footer
            guard let burden = data.days.burden(on: ctx.day, among: data.ids) else { break }
            let line = canvas.line(footer.y)
            let shown = "Burden \(Format.number(burden.total)) (\(burden.rated) rated)"
            if !line.contains(shown) { out.append("footer reads \"\(line)\", not \"\(shown)\"") }
        case .plan:
            for line in (s.paneArea.maxY - PlanScreens.bottomRows..<s.paneArea.maxY).map(canvas.line) where line.contains("Done: wk") {
                for part in line.split(separator: " ") where part.hasSuffix("%") {
                    if let n = Int(part.dropLast()), !(0...100).contains(n) { out.append("adherence shown as \(part)") }
                }
            }
        default:
            break
        }
        return out
    }

    // MARK: The canvas

    /// The frame is the terminal's size, each double-width character has its continuation cell beside
    /// it inside the row, and no cell holds a control character or a character of another width.
    static func canvas(_ c: Canvas, _ s: AppState) -> [String] {
        guard c.width == s.width, c.height == s.height, c.cells.count == c.width * c.height else {
            return ["canvas \(c.width)×\(c.height) with \(c.cells.count) cells for a \(s.width)×\(s.height) terminal"]
        }
        return c.cells.withUnsafeBufferPointer { cells in
            for i in 0..<cells.count {
                let cell = cells[i]
                let x = i % c.width
                switch cell.width {
                case 1:
                    // Printable ASCII is one column by definition; the rest is measured.
                    if let v = cell.character.asciiValue, v >= 0x20 && v < 0x7F { continue }
                    if TextWidth.width(of: cell.character) != 1 { return ["cell \(x),\(i / c.width) holds \(cell.character.debugDescription) as one column"] }
                case 2:
                    guard x + 1 < c.width, cells[i + 1].width == 0 else { return ["wide cell \(x),\(i / c.width) without its continuation"] }
                    if TextWidth.width(of: cell.character) != 2 { return ["cell \(x),\(i / c.width) holds \(cell.character.debugDescription) as two columns"] }
                case 0:
                    guard x > 0, cells[i - 1].width == 2 else { return ["continuation cell \(x),\(i / c.width) after no wide character"] }
                default:
                    return ["cell \(x),\(i / c.width) of width \(cell.width)"]
                }
            }
            return []
        }
    }

    /// The pane and the overlays draw only between the tab bar and the hint line: drawn alone on a blank
    /// canvas, every cell outside that area stays blank.
    static func drawsInsideItsArea(_ s: AppState) -> [String] {
        guard !s.isTooSmall else { return [] }
        var c = Canvas(width: s.width, height: s.height)
        s[s.pane].render(into: &c, context: s.context)
        drawOverlays(&c, s)
        let area = s.paneArea
        return c.cells.withUnsafeBufferPointer { cells in
            for i in 0..<cells.count where cells[i] != .blank {
                let x = i % c.width, y = i / c.width
                if y < area.y || y >= area.maxY || x < area.x || x >= area.maxX {
                    return ["\(s.pane.title) drew \(cells[i].character.debugDescription) at \(x),\(y), outside \(area)"]
                }
            }
            return []
        }
    }
}
