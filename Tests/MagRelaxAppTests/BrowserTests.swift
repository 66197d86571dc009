import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The shared list browser: moving, filtering, opening a detail, and going back.
@Suite struct BrowserTests {
    let items = (0..<40).map { ListItem(id: "i\($0)", group: $0 < 20 ? "First" : "Second", text: "Item \($0)") }
    let area = Rect(x: 0, y: 0, width: 60, height: 10)
    func detail(_ id: String) -> [DetailLine] { (0..<30).map { .text("\(id) line \($0)") } }

    @Test func movingKeepsTheSelectionVisible() {
        var b = ListBrowser()
        for _ in 0..<15 { _ = b.handle(.down, items: items, area: area, detail: detail) }
        #expect(b.cursor.selected == 15)
        var c = Canvas(width: 60, height: 10)
        b.render(items, into: &c, area: area, theme: Theme(unicode: true), detail: detail)
        #expect(c.text.contains("Item 15"))
        _ = b.handle(.end, items: items, area: area, detail: detail)
        #expect(b.cursor.selected == 39)
        _ = b.handle(.home, items: items, area: area, detail: detail)
        #expect(b.cursor.selected == 0 && b.cursor.offset == 0)
    }

    /// A list that shrank under its selection: the item read is the last row, the one drawn selected.
    @Test func aSelectionPastTheEndReadsAsTheLastRowDrawn() {
        var b = ListBrowser(showsPreview: false)
        b.cursor.selected = 39
        let shorter = Array(items.prefix(3))
        #expect(b.selected(in: shorter)?.id == "i2")
        var c = Canvas(width: 60, height: 10)
        b.render(shorter, into: &c, area: area, theme: Theme(unicode: true), detail: detail)
        let selectedRow = c.lines.firstIndex { $0.contains("Item 2") }
        #expect(selectedRow.map { c[2, $0].style } == Theme(unicode: true).selected)
        #expect(b.selected(in: [ListItem]()) == nil)
    }

    @Test func filterNarrowsAndEnterOpensTheFilteredItem() {
        var b = ListBrowser()
        for k in [Key.char("/"), .char("3"), .char("9"), .enter, .enter] {
            _ = b.handle(k, items: items, area: area, detail: detail)
        }
        #expect(b.visible(items).map(\.id) == ["i39"])
        #expect(b.openID == "i39")
        _ = b.handle(.escape, items: items, area: area, detail: detail)
        #expect(b.openID == nil)
        #expect(b.query == "39")
        _ = b.handle(.escape, items: items, area: area, detail: detail)
        #expect(b.query.isEmpty)
    }

    @Test func detailScrollStopsAtTheEnd() {
        var b = ListBrowser()
        _ = b.handle(.enter, items: items, area: area, detail: detail)
        for _ in 0..<100 { _ = b.handle(.down, items: items, area: area, detail: detail) }
        // 30 lines in 10 rows: 9 show, the last row is the "end" marker.
        #expect(b.detailScroll == 21)
        _ = b.handle(.up, items: items, area: area, detail: detail)
        #expect(b.detailScroll == 20)
    }

    /// A key acts on what is drawn: after the list got shorter or the area taller (elsewhere: another
    /// pane's entry, a resize, a prompt closing), Enter opens the last item drawn selected and ↑ moves
    /// at once (Enter opened nothing and ↑ seemed to do nothing).
    @Test func aKeyActsOnWhatIsDrawnAfterTheListOrAreaChanged() {
        var b = ListBrowser()
        _ = b.handle(.end, items: items, area: area, detail: detail)
        let shorter = Array(items.prefix(10))
        var moved = b
        _ = moved.handle(.up, items: shorter, area: area, detail: detail)
        #expect(moved.cursor.selected == 8)
        _ = b.handle(.enter, items: shorter, area: area, detail: detail)
        #expect(b.openID == "i9")
        for _ in 0..<100 { _ = b.handle(.down, items: shorter, area: area, detail: detail) }
        let taller = Rect(x: 0, y: 0, width: 60, height: 20)
        _ = b.handle(.up, items: shorter, area: taller, detail: detail)
        // 30 lines in 20 rows: the end shows from line 11; ↑ shows from line 10.
        #expect(b.detailScroll == 10)
    }

    @Test func emptyFilterResultSaysSo() {
        var b = ListBrowser()
        for k in typed("/zzz") { _ = b.handle(k, items: items, area: area, detail: detail) }
        var c = Canvas(width: 60, height: 10)
        b.render(items, into: &c, area: area, theme: Theme(unicode: true), detail: detail)
        #expect(c.text.contains("Nothing matches the filter."))
        #expect(c.text.contains("/zzz_"))
    }

    @Test func wideAreasShowAPreviewBesideTheList() {
        let wide = Rect(x: 0, y: 0, width: 120, height: 10)
        var b = ListBrowser()
        _ = b.handle(.down, items: items, area: wide, detail: detail)
        var c = Canvas(width: 120, height: 10)
        b.render(items, into: &c, area: wide, theme: Theme(unicode: true), detail: detail)
        #expect(c.lines[1].contains("Item 0"))
        #expect(c.lines[0].contains("i1 line 0"))
    }

    @Test func theFilterEditsAtItsCursor() {
        var b = ListBrowser()
        for k in [Key.char("/"), .char("3"), .char("9"), .left, .char("x")] {
            _ = b.handle(k, items: items, area: area, detail: detail)
        }
        #expect(b.query == "3x9")
        var c = Canvas(width: 60, height: 10)
        b.render(items, into: &c, area: area, theme: Theme(unicode: true), detail: detail)
        #expect(c.lines[9] == "/3x9", "a cursor inside the query marks its character, no underscore")
        for k in [Key.ctrl("u"), .backspace] { _ = b.handle(k, items: items, area: area, detail: detail) }
        #expect(b.query.isEmpty && !b.filtering, "Ctrl-U clears, Backspace on an empty filter closes it")
    }

    @Test func thePositionCounterHasItsOwnLine() {
        var b = ListBrowser()
        _ = b.handle(.end, items: items, area: area, detail: detail)
        var c = Canvas(width: 60, height: 10)
        b.render(items, into: &c, area: area, theme: Theme(unicode: true), detail: detail)
        #expect(c.lines[8] == " Item 39", "the last row is whole")
        #expect(c.lines[9] == String(repeating: " ", count: 55) + "40/40")
    }
}

