import MagRelaxCore
import TerminalUI

/// 3 Food: two lists, the magnesium-rich foods (sortable) and the supplement forms, each with a
/// detail view. `s` switches between them; each keeps its own selection and filter.
public struct FoodPane: PaneModel, Hashable {
    public enum Shown: Sendable, Hashable { case foods, forms }

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

        public var next: Sort { Sort(rawValue: (rawValue + 1) % Sort.allCases.count)! }
    }

    public var shown = Shown.foods
    public var sort = Sort.mgPerServing
    public var foods = ListBrowser()
    public var forms = ListBrowser()
    /// Weight of the compound in one tablet (mg); the form detail shows the magnesium it holds.
    public var tabletMg = FoodPane.defaultTabletMg
    /// The digits of a tablet weight being typed (`t`), nil when not typing.
    public var typedTablet: String?
    /// The rows of the list on screen, built at most once a key.
    var rows = RowCache()

    public static let defaultTabletMg = 500
    public static let tabletStep = 50
    /// Input bounds for a tablet's compound weight, not a dose.
    public static let tabletRange = 50...5000

    public init() {}

    /// The browser of the list on screen.
    var browser: ListBrowser {
        get { shown == .foods ? foods : forms }
        set { if shown == .foods { foods = newValue } else { forms = newValue } }
    }

    /// Row 0 names the lists; the browser (column titles, rows, counter, filter) has the rest.
    func browserArea(_ ctx: PaneContext) -> Rect {
        let a = ctx.area
        return Rect(x: a.x + 1, y: a.y + 1, width: max(0, a.width - 2), height: max(0, a.height - 1))
    }

    /// What the rows of the list on screen are built from.
    struct RowsKey: Equatable, Sendable {
        var shown: Shown
        var sort: Sort
        var width: Int
        var theme: Theme
        var foods: [Food]
        var forms: [SupplementForm]
    }

    /// Rows and what they were built from. A cache, so it takes no part in the pane's equality.
    struct RowCache: Sendable, Hashable {
        var key: RowsKey?
        var content = ListContent([])

        static func == (a: RowCache, b: RowCache) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    func rowsKey(_ ctx: PaneContext) -> RowsKey {
        RowsKey(shown: shown, sort: sort, width: browser.layout(browserArea(ctx)).list.width, theme: ctx.theme,
                foods: Library(catalogue: ctx.catalogue, journal: ctx.journal).foods, forms: ctx.catalogue.forms)
    }

    static func content(_ key: RowsKey) -> ListContent {
        key.shown == .foods ? FoodTable.content(key.foods, sort: key.sort, width: key.width, theme: key.theme)
            : FormTable.content(key.forms, width: key.width, theme: key.theme)
    }

    /// The list on screen as a table fitted to the browser's list width: the kept rows when nothing
    /// they depend on has changed.
    func items(_ ctx: PaneContext) -> ListContent {
        let key = rowsKey(ctx)
        return rows.key == key ? rows.content : Self.content(key)
    }

    /// Builds and keeps the rows, unless the kept ones still fit: once before a key (after a resize)
    /// and once after it (when it changed the list, its order or its width).
    mutating func keepRows(_ ctx: PaneContext) {
        let key = rowsKey(ctx)
        if rows.key != key { rows = RowCache(key: key, content: Self.content(key)) }
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        switch shown {
        case .foods:
            guard let food = Library(catalogue: ctx.catalogue, journal: ctx.journal).food(id: id) else { return [] }
            return FoodDetail.lines(food, ctx)
        case .forms:
            guard let form = ctx.catalogue.forms.first(where: { $0.id == id }) else { return [] }
            return FoodDetail.lines(form, tabletMg: tabletMg, typing: typedTablet, ctx)
        }
    }

    /// The supplement form the tablet keys act on: the open one, else the selected one.
    func currentForm(_ ctx: PaneContext) -> SupplementForm? {
        guard shown == .forms else { return nil }
        let id = forms.openID ?? forms.selected(in: items(ctx))?.id
        return ctx.catalogue.forms.first { $0.id == id }
    }

    /// True when `+`, `-` and `t` change the tablet weight (a form taken by mouth is on screen).
    func tabletKeysWork(_ ctx: PaneContext) -> Bool {
        guard let form = currentForm(ctx), !form.topical else { return false }
        return forms.isDetailOpen || browser.layout(browserArea(ctx)).preview != nil
    }

    public var capturesKeys: Bool { typedTablet != nil || browser.capturesKeys }

    public mutating func handle(_ key: Key, context ctx: PaneContext) -> [PaneOutput]? {
        keepRows(ctx)
        defer { keepRows(ctx) }
        if typedTablet != nil { return handleTyping(key) }
        if !browser.filtering {
            switch key {
            case .char("s"):
                shown = shown == .foods ? .forms : .foods
                return []
            case .char("o") where shown == .foods && !foods.isDetailOpen:
                sort = sort.next
                foods.cursor = ListCursor()
                return []
            case .char("+"), .char("="), .char("-"), .char("t"):
                guard tabletKeysWork(ctx) else { return [.bell(count: 1)] }
                if key == .char("t") {
                    typedTablet = ""
                } else {
                    let step = key == .char("-") ? -Self.tabletStep : Self.tabletStep
                    tabletMg = clampTablet(tabletMg + step)
                }
                return []
            default:
                break
            }
        }
        let items = items(ctx)
        var b = browser
        let used = b.handle(key, items: items, area: browserArea(ctx), detail: { detail($0, ctx) })
        browser = b
        return used ? [] : nil
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

    public func render(into canvas: inout Canvas, context ctx: PaneContext) {
        let theme = ctx.theme
        let area = ctx.area
        guard area.height > 2, area.width > 2 else { return }
        var x = area.x + 1
        for (list, name) in [(Shown.foods, "Foods"), (.forms, "Supplement forms")] {
            if list == .forms { x += canvas.put(" | ", x: x, y: area.y, style: theme.dim) }
            x += canvas.put(" " + name + " ", x: x, y: area.y, style: list == shown ? theme.tabActive : theme.dim)
        }
        let status = shown == .foods ? "sorted by " + sort.label
            : "\(ctx.catalogue.forms.count) forms, by elemental share"
        // Ends a column short of the edge, under the help overlay's box when that is open.
        let statusX = area.maxX - 2 - TextWidth.width(status)
        if statusX > x + 1 { canvas.put(status, x: statusX, y: area.y, style: theme.dim) }

        browser.render(items(ctx), into: &canvas, area: browserArea(ctx), theme: theme, detail: { detail($0, ctx) })
    }

    public func hints(context ctx: PaneContext) -> [KeyHint] {
        if typedTablet != nil {
            return [KeyHint("0-9", "tablet mg"), KeyHint("Enter", "set"), KeyHint("Esc", "cancel")]
        }
        if browser.filtering { return browser.hints }
        var hints = browser.hints
        if tabletKeysWork(ctx) { hints.append(KeyHint("+ -", "tablet mg")) }
        if shown == .foods && !foods.isDetailOpen { hints.append(KeyHint("o", "sort")) }
        hints.append(KeyHint("s", shown == .foods ? "forms" : "foods"))
        return hints
    }

    public func help(context ctx: PaneContext) -> [HelpSection] {
        var list = ListBrowser.listHelp
        list.append(KeyHint("s", "switch between the foods and the supplement forms"))
        let foods = HelpSection("Food: foods", [
            KeyHint("o", "sort: mg per serving, per 100 g, per 100 kcal, name"),
        ])
        let forms = HelpSection("Food: supplement forms", [
            KeyHint("+ -", "tablet weight up or down by \(Self.tabletStep) mg of compound"),
            KeyHint("t", "type a tablet weight (Enter sets it, Esc cancels)"),
        ])
        let order = shown == .foods ? [foods, forms] : [forms, foods]
        return [HelpSection("Food", list)] + order
    }
}
