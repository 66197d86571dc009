import MagRelaxCore
import TerminalUI

/// 3 Food: the day's log of food and supplements with its magnesium against the person's need and
/// supplement limit (Day), the magnesium-rich foods to log from (Foods, sortable, with favourites and
/// recent foods first), and the supplement forms (Supplement forms). `d` shows the day, `s` switches
/// between the lists; each list keeps its own selection and filter.
public struct FoodPane: PaneModel, Hashable {
    public enum Shown: Sendable, Hashable { case day, foods, forms }

    /// How the foods list is ordered. Numbers run highest first; unknown figures go last.
    public enum Sort: Int, CaseIterable, Sendable, Hashable {
        case mgPerServing, mgPer100g, mgPer100kcal, name

        public var label: String {
            switch self {
            case .mgPerServing: "mg per serving, highest first"
            case .mgPer100g: "mg per 100 g, highest first"
            case .mgPer100kcal: "mg per 100 kcal, highest first"
            case .name: "name, A to Z"
            }
        }

        /// The order alone, where the whole label does not fit.
        public var shortLabel: String {
            switch self {
            case .mgPerServing: "mg per serving"
            case .mgPer100g: "mg per 100 g"
            case .mgPer100kcal: "mg per 100 kcal"
            case .name: "name"
            }
        }

        public var next: Sort { Sort(rawValue: (rawValue + 1) % Sort.allCases.count)! }
    }

    public var shown = Shown.day
    public var sort = Sort.mgPerServing
    /// Only foods of this category in the list (`c`), or all.
    public var category: FoodCategory?
    public var foods = ListBrowser()
    public var forms = ListBrowser()
    /// The selected entry of the day's log.
    public var log = ListCursor()
    /// Weight of the compound in one tablet (mg); the form detail shows the magnesium it holds.
    public var tabletMg = FoodPane.defaultTabletMg
    /// The digits of a tablet weight being typed (`w`), nil when not typing.
    public var typedTablet: String?
    /// What is open over the view: an amount or dose to log, the own-food form, a question.
    public var prompt: FoodPrompt?
    /// The foods list item the selection is on: it stays on it when the short list above it changes
    /// (a food logged or marked a favourite joins the short list).
    public var foodsAnchor: String?
    /// The rows of the list on screen, built at most once a key.
    var rows = Kept(Rows())

    public static let defaultTabletMg = 500
    public static let tabletStep = 50
    /// Input bounds for a tablet's compound weight, not a dose.
    public static let tabletRange = 50...5000
    /// The foods list keeps at least this many rows above the day's log.
    static let minListRows = 12
    /// The most log entries shown under the foods list.
    static let stripEntries = 5

    public init() {}

    public var showsDays: Bool { true }

    /// The browser of the list on screen (the foods list behind the day view).
    var browser: ListBrowser {
        get { shown == .forms ? forms : foods }
        set { if shown == .forms { forms = newValue } else { foods = newValue } }
    }

    /// The day the pane shows, with its magnesium.
    func dayMagnesium(_ ctx: PaneContext) -> DayMagnesium {
        DayMagnesium(day: ctx.day, journal: ctx.journal, catalogue: ctx.catalogue, profile: ctx.profile)
    }

    /// Rows under the foods list for the day's log (or the prompt that replaces it); none elsewhere.
    func bottomHeight(_ ctx: PaneContext) -> Int {
        if let prompt, shown != .day {
            if case .customFood = prompt { return 0 }
            return FoodPrompts.height(prompt, ctx)
        }
        guard shown == .foods else { return shown == .forms && !cautions(ctx).isEmpty ? 1 : 0 }
        let room = ctx.area.height - 1 - Self.minListRows - 1
        let entries = min(ctx.journal.entries(on: ctx.day).count { $0.kind.isMagnesium }, Self.stripEntries)
        return 1 + max(1, min(entries, max(1, room)))
    }

    /// Row 0 names the views; the browser (column titles, rows, counter, filter) has the rest, down to
    /// the day's log under it.
    func browserArea(_ ctx: PaneContext) -> Rect {
        let a = ctx.area
        return Rect(x: a.x + 1, y: a.y + 1, width: max(0, a.width - 2), height: max(0, a.height - 1 - bottomHeight(ctx)))
    }

    func cautions(_ ctx: PaneContext) -> [SupplementCaution] {
        SupplementCautions.list(profile: ctx.profile, journal: ctx.journal, today: ctx.today, catalogue: ctx.catalogue)
    }

    // MARK: The list's rows

    /// What the rows of the list on screen are built from.
    struct RowsKey: Equatable, Sendable {
        var shown: Shown
        var sort: Sort
        var width: Int
        var theme: Theme
        var foods: [Food]
        var forms: [SupplementForm]
        var choice: FoodTable.Choice
    }

    /// Rows and what they were built from.
    struct Rows: Sendable {
        var key: RowsKey?
        var content = ListContent([])
    }

    /// The list the rows are for: the foods list stands behind the day view.
    var listShown: Shown { shown == .forms ? .forms : .foods }

    func rowsKey(_ ctx: PaneContext) -> RowsKey {
        let library = Library(catalogue: ctx.catalogue, journal: ctx.journal)
        var choice = FoodTable.Choice(marks: ctx.journal.foodMarks, category: category)
        if listShown == .foods && foods.query.isEmpty && category == nil {
            choice.quick = ctx.quickFoods
        }
        return RowsKey(shown: listShown, sort: sort, width: browser.layout(browserArea(ctx)).list.width, theme: ctx.theme,
                       foods: library.foods, forms: ctx.catalogue.forms, choice: choice)
    }

    static func content(_ key: RowsKey) -> ListContent {
        key.shown == .foods
            ? FoodTable.content(key.foods, sort: key.sort, width: key.width, theme: key.theme, choice: key.choice)
            : FormTable.content(key.forms, width: key.width, theme: key.theme)
    }

    /// The list on screen as a table fitted to the browser's list width: the kept rows when nothing
    /// they depend on has changed.
    func items(_ ctx: PaneContext) -> ListContent {
        let key = rowsKey(ctx)
        return rows.value.key == key ? rows.value.content : Self.content(key)
    }

    /// Builds and keeps the rows, unless the kept ones still fit: once before a key (after a resize)
    /// and once after it (when it changed the list, its order or its width). The day view keeps them
    /// too: its keys keep the foods list's selection on its anchor, which reads them.
    mutating func keepRows(_ ctx: PaneContext) {
        let key = rowsKey(ctx)
        if rows.value.key != key { rows.value = Rows(key: key, content: Self.content(key)) }
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        switch listShown {
        case .forms:
            guard let form = ctx.catalogue.form(id: id) else { return [] }
            return FoodDetail.lines(form, tabletMg: tabletMg, typing: typedTablet, cautions: cautions(ctx), ctx)
        default:
            let library = Library(catalogue: ctx.catalogue, journal: ctx.journal)
            guard let food = library.food(id: FoodTable.foodID(ofItem: id)) else { return [] }
            return FoodDetail.lines(food, mark: ctx.journal.foodMarks[food.id], ctx)
        }
    }

    /// The foods browser with its selection on the anchored item, wherever the list now has it.
    func anchoredFoods(_ items: ListContent) -> ListBrowser {
        var b = foods
        guard let anchor = foodsAnchor, b.selected(in: items)?.id != anchor,
            let i = b.visible(items).firstIndex(where: { $0.id == anchor })
        else { return b }
        b.cursor.selected = i
        return b
    }

    /// The browser as drawn: the foods list's selection follows its anchor.
    func shownBrowser(_ ctx: PaneContext) -> ListBrowser {
        shown == .forms ? forms : anchoredFoods(items(ctx))
    }

    /// The food the list keys act on: the open one, else the selected one.
    func currentFood(_ ctx: PaneContext) -> Food? {
        guard shown == .foods, let id = foods.openID ?? anchoredFoods(items(ctx)).selected(in: items(ctx))?.id else { return nil }
        return Library(catalogue: ctx.catalogue, journal: ctx.journal).food(id: FoodTable.foodID(ofItem: id))
    }

    /// The supplement form the form keys act on: the open one, else the selected one.
    func currentForm(_ ctx: PaneContext) -> SupplementForm? {
        guard shown == .forms else { return nil }
        guard let id = forms.openID ?? forms.selected(in: items(ctx))?.id else { return nil }
        return ctx.catalogue.form(id: id)
    }

    /// True when `+`, `-` and `w` change the tablet weight (a form taken by mouth is on screen).
    func tabletKeysWork(_ ctx: PaneContext) -> Bool {
        guard let form = currentForm(ctx), !form.topical else { return false }
        return forms.isDetailOpen || browser.layout(browserArea(ctx)).preview != nil
    }

    // MARK: Keys

    public var capturesKeys: Bool { prompt != nil || typedTablet != nil || (shown != .day && browser.capturesKeys) }

    public mutating func handle(_ key: Key, context ctx: PaneContext) -> [PaneOutput]? {
        keepRows(ctx)
        let shownItems = items(ctx)
        foods = anchoredFoods(shownItems)
        if shown != .day {
            // From what is drawn: the list may have changed since the last key (your own food removed).
            var settled = browser
            settled.settle(shownItems, area: browserArea(ctx), detail: { detail($0, ctx) })
            browser = settled
        }
        defer {
            keepRows(ctx)
            foodsAnchor = foods.selected(in: items(ctx))?.id
        }
        if let prompt { return handlePrompt(key, prompt, ctx) }
        if typedTablet != nil { return handleTyping(key) }
        if shown != .day && browser.filtering { return browserKey(key, ctx) }
        switch key {
        case .char("d"):
            shown = .day
            return []
        case .char("s"):
            shown = shown == .forms ? .foods : .forms
            return []
        case .char("m"):
            return logProfileSupplement(ctx)
        default:
            break
        }
        switch shown {
        case .day: return handleDayKey(key, ctx)
        case .foods: return handleFoodsKey(key, ctx)
        case .forms: return handleFormsKey(key, ctx)
        }
    }

    private mutating func browserKey(_ key: Key, _ ctx: PaneContext) -> [PaneOutput]? {
        let items = items(ctx)
        var b = browser
        let used = b.handle(key, items: items, area: browserArea(ctx), detail: { detail($0, ctx) })
        browser = b
        return used ? [] : nil
    }

    /// `m`: the profile's supplement at its dose, on the day shown; then the day, with its totals.
    private mutating func logProfileSupplement(_ ctx: PaneContext) -> [PaneOutput] {
        guard let (form, amount) = SupplementLog.profileDose(ctx.profile, catalogue: ctx.catalogue),
            case .success(let entry) = SupplementLog.entry(form, amount, day: ctx.day, time: ctx.entryTime)
        else { return [.bell(count: 1)] }
        // The day shows next, with the new entry (the latest today) selected.
        log.selected = dayMagnesium(ctx).items.count
        shown = .day
        return [.record([.add(entry)])]
    }

    private mutating func handleDayKey(_ key: Key, _ ctx: PaneContext) -> [PaneOutput]? {
        let items = dayMagnesium(ctx).items
        log.clamp(count: items.count)
        if log.handle(key, count: items.count, pageSize: 5) { return [] }
        let selected = items.indices.contains(log.selected) ? items[log.selected] : nil
        switch key {
        case .char("a"):
            shown = .foods
            return []
        case .char("/"):
            // Straight to typing a food's name.
            shown = .foods
            return browserKey(key, ctx)
        case .enter, .char("e"):
            guard let selected else { return [.bell(count: 1)] }
            prompt = FoodPrompts.change(selected.entry, ctx)
            return prompt == nil ? [.bell(count: 1)] : []
        case .char("x"), .delete:
            guard let selected else { return [.bell(count: 1)] }
            prompt = .confirm(.entry(id: selected.entry.id, what: selected.name))
            return []
        case .char("f"), .char("n"):
            guard let selected, case .food(let f) = selected.entry.kind else { return [.bell(count: 1)] }
            return toggleMark(key == .char("f") ? .favourite : .notForMe, foodID: f.foodID, ctx)
        default:
            return nil
        }
    }

    private mutating func handleFoodsKey(_ key: Key, _ ctx: PaneContext) -> [PaneOutput]? {
        let food = currentFood(ctx)
        switch key {
        case .char("a"):
            guard let food else { return [.bell(count: 1)] }
            prompt = .amount(AmountPrompt(adding: food))
            return []
        case .char("f"), .char("n"):
            guard let food else { return [.bell(count: 1)] }
            return toggleMark(key == .char("f") ? .favourite : .notForMe, foodID: food.id, ctx)
        case .char("o") where !foods.isDetailOpen:
            sort = sort.next
            foods.cursor = ListCursor()
            return []
        case .char("c") where !foods.isDetailOpen:
            category = Self.nextCategory(after: category)
            foods.cursor = ListCursor()
            return []
        case .char("N"):
            prompt = .customFood(CustomFoodForm())
            return []
        case .char("e") where food?.isCustom == true:
            prompt = .customFood(CustomFoodForm(editing: food!))
            return []
        case .char("x") where food?.isCustom == true && !foods.isDetailOpen:
            prompt = .confirm(.food(id: food!.id, name: food!.name))
            return []
        default:
            return browserKey(key, ctx)
        }
    }

    private mutating func handleFormsKey(_ key: Key, _ ctx: PaneContext) -> [PaneOutput]? {
        switch key {
        case .char("a"):
            guard let form = currentForm(ctx), !form.topical else { return [.bell(count: 1)] }
            prompt = .dose(DosePrompt(adding: form, profile: ctx.profile))
            return []
        case .char("+"), .char("="), .char("-"), .char("w"):
            guard tabletKeysWork(ctx) else { return [.bell(count: 1)] }
            if key == .char("w") {
                typedTablet = ""
            } else {
                let step = key == .char("-") ? -Self.tabletStep : Self.tabletStep
                tabletMg = clampTablet(tabletMg + step)
            }
            return []
        default:
            return browserKey(key, ctx)
        }
    }

    /// All categories, then each in turn.
    static func nextCategory(after category: FoodCategory?) -> FoodCategory? {
        let all = FoodCategory.allCases
        guard let category, let i = all.firstIndex(of: category) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    /// `f` and `n` set their mark, or clear it when the food has it already.
    private func toggleMark(_ mark: FoodMark, foodID: String, _ ctx: PaneContext) -> [PaneOutput] {
        let now = ctx.journal.foodMarks[foodID]
        return [.record([.markFood(id: foodID, now == mark ? nil : mark)])]
    }

    private mutating func handlePrompt(_ key: Key, _ open: FoodPrompt, _ ctx: PaneContext) -> [PaneOutput]? {
        if key == .ctrl("c") { return nil }
        let outcome = FoodPrompts.handle(key, open, ctx)
        switch outcome {
        case .stay(let next):
            prompt = next
            return []
        case .bell(let next):
            prompt = next
            return [.bell(count: 1)]
        case .cancel:
            prompt = nil
            return []
        case .record(let changes, let showDay):
            prompt = nil
            if showDay { shown = .day }
            return [.record(changes)]
        }
    }

    /// Keys while a tablet weight is typed; Ctrl-C still reaches the shell.
    private mutating func handleTyping(_ key: Key) -> [PaneOutput]? {
        var typed = typedTablet ?? ""
        switch key {
        case .char(let c) where c.isASCII && c.isNumber:
            guard typed.count < 5 else { return [.bell(count: 1)] }
            typed.append(c)
        case .backspace, .delete:
            if !typed.isEmpty { typed.removeLast() }
        case .enter:
            if let mg = Int(typed) { tabletMg = clampTablet(mg) }
            typedTablet = nil
            return []
        case .escape:
            typedTablet = nil
            return []
        case .ctrl("c"):
            return nil
        default:
            return [.bell(count: 1)]
        }
        typedTablet = typed
        return []
    }

    private func clampTablet(_ mg: Int) -> Int {
        min(max(mg, Self.tabletRange.lowerBound), Self.tabletRange.upperBound)
    }

    // MARK: Drawing

    public func render(into canvas: inout Canvas, context ctx: PaneContext) {
        let theme = ctx.theme
        let area = ctx.area
        guard area.height > 2, area.width > 2 else { return }
        if case .customFood(let form) = prompt {
            form.render(into: &canvas, area: area, theme: theme, existing: ctx.journal.customFoods)
            return
        }
        var x = area.x + 1
        for (view, name) in [(Shown.day, "Day"), (.foods, "Foods"), (.forms, "Supplement forms")] {
            if view != .day { x += canvas.put(" | ", x: x, y: area.y, style: theme.dim) }
            x += canvas.put(" " + name + " ", x: x, y: area.y, style: view == shown ? theme.tabActive : theme.dim)
        }
        // Ends a column short of the edge, under the help overlay's box when that is open.
        let room = area.maxX - 2 - (x + 2)
        let long = theme.plain(statusText(ctx, short: false))
        let status = TextWidth.truncated(TextWidth.width(long) <= room ? long : theme.plain(statusText(ctx, short: true)), to: max(0, room),
                                         ellipsis: theme.glyphs.ellipsis)
        canvas.put(status, x: area.maxX - 2 - TextWidth.width(status), y: area.y, style: theme.dim)

        let day = dayMagnesium(ctx)
        switch shown {
        case .day:
            FoodDayView.render(day, log: log, into: &canvas, ctx)
        case .foods, .forms:
            shownBrowser(ctx).render(items(ctx), into: &canvas, area: browserArea(ctx), theme: theme, detail: { detail($0, ctx) })
            let bottom = Rect(x: area.x, y: area.maxY - bottomHeight(ctx), width: area.width, height: bottomHeight(ctx))
            if shown == .foods && prompt == nil { FoodDayView.strip(day, into: &canvas, area: bottom, ctx) }
            if shown == .forms && prompt == nil { FoodDayView.cautionLine(cautions(ctx), into: &canvas, area: bottom, ctx) }
        }
        if let prompt { FoodPrompts.render(prompt, into: &canvas, ctx) }
    }

    /// The header's right end: the day on the day view, the order of the foods, the forms' count.
    func statusText(_ ctx: PaneContext, short: Bool) -> String {
        switch shown {
        case .day: return FoodDayView.dayLabel(ctx.day, today: ctx.today)
        case .foods: return (category.map { $0.label + " only · " } ?? "") + "sorted by " + (short ? sort.shortLabel : sort.label)
        case .forms: return "\(ctx.catalogue.forms.count) forms, by elemental share"
        }
    }

    public func hints(context ctx: PaneContext) -> [KeyHint] {
        if let prompt { return FoodPrompts.hints(prompt, ctx) }
        if typedTablet != nil {
            return [KeyHint("0-9", "tablet mg"), KeyHint("Enter", "set"), KeyHint("Esc", "cancel")]
        }
        // While suggestions are held back, the key that logs the supplement is not offered either.
        let held = cautions(ctx).contains(where: \.holdsSuggestions)
        let supplement = SupplementLog.profileDose(ctx.profile, catalogue: ctx.catalogue).flatMap { _ in
            held ? nil : KeyHint("m", "your supplement")
        }
        switch shown {
        case .day:
            let logged = !dayMagnesium(ctx).items.isEmpty
            return [KeyHint("a", "add food")] + (supplement.map { [$0] } ?? [])
                + (logged ? [KeyHint("Enter", "change"), KeyHint("x", "remove")] : [])
                + [KeyHint("s", "forms"), KeyHint("[ ]", "day")]
        case .foods, .forms:
            if browser.filtering { return browser.hints }
            var hints: [KeyHint] = []
            if shown == .foods {
                hints.append(KeyHint("a", "add"))
                hints.append(KeyHint(foods.isDetailOpen ? "Esc" : "Enter", foods.isDetailOpen ? "back" : "open"))
                if !foods.isDetailOpen { hints.append(KeyHint("/", "filter")) }
                hints += [KeyHint("d", "day"), KeyHint("s", "forms"), KeyHint("f", "favourite")]
                if !foods.isDetailOpen { hints += [KeyHint("c", "category"), KeyHint("o", "sort")] }
                return hints
            }
            if currentForm(ctx)?.topical == false { hints.append(KeyHint("a", "log a dose")) }
            hints += browser.hints
            if tabletKeysWork(ctx) { hints.append(KeyHint("+ -", "tablet mg")) }
            return hints + [KeyHint("d", "day"), KeyHint("s", "foods")]
        }
    }

    public func help(context ctx: PaneContext) -> [HelpSection] {
        let day = HelpSection("Food: the day", [
            KeyHint("d", "the day: its log, magnesium against your RDA and supplement limit, the last 7 days"),
            KeyHint("↑↓", "choose a log entry"), KeyHint("Enter or e", "change its amount"),
            KeyHint("x or Delete", "remove it (asks first)"), KeyHint("a", "add a food (opens the foods list)"),
            KeyHint("/", "add a food: find it by name"),
            KeyHint("m", "log your profile's supplement at its dose"),
            KeyHint("f n", "on a food entry: favourite / not for me"),
        ])
        var list = ListBrowser.listHelp
        list.append(KeyHint("s", "switch between the foods and the supplement forms"))
        let foods = HelpSection("Food: foods", [
            KeyHint("a", "add the food to the day shown (servings or grams; Tab switches)"),
            KeyHint("f", "favourite: listed first (f again clears it)"),
            KeyHint("n", "not for me: never suggested (n again clears it)"),
            KeyHint("c", "show one category at a time, then all"),
            KeyHint("o", "sort: mg per serving, per 100 g, per 100 kcal, name"),
            KeyHint("N", "a new food of your own, from its label; e changes it, x removes it"),
        ])
        let forms = HelpSection("Food: supplement forms", [
            KeyHint("a", "log a dose of the form: elemental mg, or compound mg (Tab switches)"),
            KeyHint("+ -", "tablet weight up or down by \(Self.tabletStep) mg of compound"),
            KeyHint("w", "type a tablet weight (Enter sets it, Esc cancels)"),
        ])
        let prompts = HelpSection("Food: adding and changing", [
            KeyHint("Tab", "servings or grams; elemental or compound mg"), KeyHint("↑↓", "half a serving or 10 g more or less"),
            KeyHint("Enter", "log it (the mg show before you do)"), KeyHint("Esc", "cancel"),
            KeyHint("y n", "remove or keep, when asked"),
            KeyHint("↑↓ Tab", "own food: the next field; Space per serving or per 100 g; ←→ category"),
        ])
        let order: [HelpSection] =
            switch shown {
            case .day: [day, foods, forms]
            case .foods: [foods, day, forms]
            case .forms: [forms, day, foods]
            }
        return [HelpSection("Food", list)] + order + [prompts]
    }
}

extension EntryKind {
    /// Food and supplements: the entries the day's magnesium counts.
    var isMagnesium: Bool {
        switch self {
        case .food, .supplement: true
        default: false
        }
    }
}
