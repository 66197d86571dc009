import MagRelaxCore
import TerminalUI

/// A pane built on one ListBrowser: it supplies the items and their details, and gets keys, drawing,
/// hints and help for free. Panes with more to do override what they need.
protocol BrowsingPane: PaneModel {
    var browser: ListBrowser { get set }
    var title: String { get }
    func items(_ ctx: PaneContext) -> [ListItem]
    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine]
}

extension BrowsingPane {
    func listArea(_ ctx: PaneContext) -> Rect {
        Rect(x: ctx.area.x + 1, y: ctx.area.y, width: ctx.area.width - 2, height: ctx.area.height)
    }

    /// Gives the key to the browser; false when it has no use for it.
    mutating func handleBrowserKey(_ key: Key, _ ctx: PaneContext) -> Bool {
        var b = browser
        let used = b.handle(key, items: items(ctx), area: listArea(ctx), detail: { detail($0, ctx) })
        browser = b
        return used
    }

    func renderBrowser(into canvas: inout Canvas, _ ctx: PaneContext) {
        browser.render(items(ctx), into: &canvas, area: listArea(ctx), theme: ctx.theme, detail: { detail($0, ctx) })
    }

    public mutating func handle(_ key: Key, context: PaneContext) -> [PaneOutput]? {
        handleBrowserKey(key, context) ? [] : nil
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        renderBrowser(into: &canvas, context)
    }

    public func hints(context: PaneContext) -> [KeyHint] { browser.hints }

    public func help(context: PaneContext) -> [HelpSection] {
        [HelpSection(title, ListBrowser.listHelp)]
    }

    public var capturesKeys: Bool { browser.capturesKeys }
}
