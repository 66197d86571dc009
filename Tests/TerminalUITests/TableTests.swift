import PropertyBased
import Testing
import TerminalUI

@Suite struct TableTests {
    /// A name column that takes what is left and a right-aligned number column.
    func foods(_ count: Int, sections: Bool = false) -> Table {
        var rows: [Table.Row] = []
        for i in 0..<count {
            if sections && i % 5 == 0 { rows.append(.section("Group \(i / 5)")) }
            rows.append(Table.Row([Table.Cell("Food \(i)"), Table.Cell("\(i * 10)")]))
        }
        return Table(columns: [
            Table.Column("Food", width: .flex()),
            Table.Column("mg", width: .fixed(4), alignment: .right),
        ], rows: rows)
    }

    @Test func columnsGetFixedWidthsAndFlexTakesTheRest() {
        let table = Table(columns: [
            Table.Column(width: .flex(min: 5), gap: 1),
            Table.Column(width: .fixed(7), alignment: .right),
            Table.Column(width: .fraction(0.25), gap: 2),
        ], rows: [])
        // 40 wide, 4 of gaps: fraction 9, fixed 7, flex 20.
        #expect(table.columnSpans(width: 40) == [1..<21, 22..<29, 31..<40])
    }

    @Test func flexColumnsShareByWeight() {
        let table = Table(columns: [
            Table.Column(width: .flex(weight: 1), gap: 0),
            Table.Column(width: .flex(weight: 2), gap: 0),
        ], rows: [])
        #expect(table.columnSpans(width: 10) == [0..<4, 4..<10])
    }

    @Test func spansStayInsideTheWidthAndAFlexColumnFillsIt() async {
        let widths = Gen.element(of: [Table.Column.Width.fixed(3), .fixed(12), .flex(), .flex(min: 8), .fraction(0.3)]).map { $0! }
        await propertyCheck(input: widths.array(of: 1...5), Gen.int(in: 0...3), Gen.int(in: 0...120)) { rules, gap, width in
            let table = Table(columns: rules.map { Table.Column(width: $0, gap: gap) }, rows: [])
            let spans = table.columnSpans(width: width)
            #expect(spans.count == rules.count)
            #expect(spans.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= width })
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }, "in order, no overlap")
            let fixedNeed = rules.reduce(gap * rules.count) { need, rule in
                switch rule {
                case .fixed(let n): need + n
                case .flex(let least, _): need + least
                case .fraction: need
                }
            }
            if rules.contains(where: { if case .flex = $0 { true } else { false } }), fixedNeed <= width {
                #expect(spans.last?.upperBound == width, "a flex column fills the row")
            }
        }
    }

    @Test func headerRowsAndAlignment() {
        var c = Canvas(width: 12, height: 4)
        foods(3).render(into: &c, area: c.bounds, cursor: ListCursor())
        #expect(c.lines == [" Food     mg", " Food 0    0", " Food 1   10", " Food 2   20"])
    }

    @Test func longCellsAreCutWithTheEllipsis() {
        var table = Table(columns: [Table.Column(width: .flex(), gap: 0)], rows: [Table.Row(["Pumpkin seeds"])])
        var c = Canvas(width: 8, height: 1)
        table.render(into: &c, area: c.bounds, cursor: ListCursor())
        #expect(c.text == "Pumpkin…")
        table.ellipsis = "..."
        table.render(into: &c, area: c.bounds, cursor: ListCursor())
        #expect(c.text == "Pumpk...")
    }

    @Test func theCounterGoesToAFooterLineWhenTheTitlesLeaveNoRoom() {
        let table = foods(20)
        let area = Rect(x: 0, y: 0, width: 14, height: 6)
        let parts = table.layout(area)
        #expect(parts.header == Rect(x: 0, y: 0, width: 14, height: 1))
        #expect(parts.body == Rect(x: 0, y: 1, width: 14, height: 4))
        #expect(parts.footer == Rect(x: 0, y: 5, width: 14, height: 1))
        var c = Canvas(width: 14, height: 6)
        table.render(into: &c, area: area, cursor: ListCursor(selected: 19))
        #expect(c.lines == [" Food       mg", " Food 16   160", " Food 17   170", " Food 18   180", " Food 19   190", "         20/20"])
    }

    @Test func theCounterGoesToTheHeaderWhenTheTitlesLeaveRoom() {
        var table = foods(20)
        table.columns[1].alignment = .left
        table.columns[1].title = ""
        var c = Canvas(width: 16, height: 5)
        table.render(into: &c, area: c.bounds, cursor: ListCursor(selected: 1))
        #expect(table.layout(c.bounds).footer == nil)
        #expect(c.lines == [" Food       2/20", " Food 0     0", " Food 1     10", " Food 2     20", " Food 3     30"])
    }

    @Test func noCounterWhenEveryRowFits() {
        let parts = foods(3).layout(Rect(x: 0, y: 0, width: 12, height: 4))
        #expect(parts.position == nil && parts.footer == nil)
        #expect(parts.body.height == 3)
    }

    @Test func aReservedFooterHoldsTheCounterBesideTheCallersText() {
        var table = foods(20)
        table.reservesFooter = true
        let parts = table.layout(Rect(x: 0, y: 0, width: 20, height: 6))
        #expect(parts.footer == Rect(x: 0, y: 5, width: 20, height: 1))
        #expect(parts.position == Rect(x: 15, y: 5, width: 5, height: 1))
        #expect(parts.footerText == Rect(x: 0, y: 5, width: 14, height: 1))
    }

    @Test func theCounterNeverCoversARow() async {
        await propertyCheck(input: Gen.int(in: 0...60), Gen.int(in: 1...12), Gen.int(in: 0...80), Gen.bool) { count, height, pick, header in
            var table = foods(count, sections: true)
            if !header { table.columns = table.columns.map { var c = $0; c.title = ""; return c } }
            let area = Rect(x: 2, y: 1, width: 14, height: height)
            let parts = table.layout(area)
            if let position = parts.position {
                #expect(position.y != parts.body.y || parts.body.height == 0)
                #expect(position.y < parts.body.y || position.y >= parts.body.maxY, "on the header or the footer line")
            }
            #expect(parts.body.y >= area.y && parts.body.maxY <= area.maxY)
            var cursor = ListCursor(selected: pick)
            table.settle(&cursor, area: area)
            if table.itemCount > 0, parts.body.height > 0 {
                let line = table.line(ofItem: cursor.selected)
                #expect(line >= cursor.offset && line < cursor.offset + parts.body.height, "the selection is in view")
            }
        }
    }

    @Test func sectionsAreNotSelectedOrCounted() {
        let table = foods(7, sections: true)
        #expect(table.itemCount == 7)
        #expect(table.line(ofItem: 0) == 1)
        #expect(table.line(ofItem: 5) == 7)
        var cursor = ListCursor()
        let area = Rect(x: 0, y: 0, width: 12, height: 4)
        for _ in 0..<5 { _ = table.handle(.down, cursor: &cursor, area: area) }
        #expect(cursor.selected == 5)
        let outcome = table.handle(.char("x"), cursor: &cursor, area: area)
        #expect(!outcome)
        var c = Canvas(width: 12, height: 4)
        table.render(into: &c, area: area, cursor: cursor)
        #expect(c.lines == [" Food     mg", "Group 1", " Food 5   50", "         6/7"])
    }

    @Test func aPageIsTheBodyHeight() {
        let table = foods(50)
        var cursor = ListCursor()
        _ = table.handle(.pageDown, cursor: &cursor, area: Rect(x: 0, y: 0, width: 12, height: 8))
        // 8 lines: header, 6 rows, footer; a page keeps one row of overlap.
        #expect(cursor.selected == 5)
    }

    @Test func theSelectedRowIsStyledAcrossTheTable() {
        var table = foods(3)
        table.selectedStyle = Style(reverse: true)
        table.headerStyle = Style(fg: .cyan, bold: true)
        var c = Canvas(width: 14, height: 4)
        table.render(into: &c, area: Rect(x: 1, y: 0, width: 12, height: 4), cursor: ListCursor(selected: 1))
        #expect(c.styleRuns.map(\.description) == [
            "row 0 col 2-5: cyan bold", "row 0 col 11-12: cyan bold",
            "row 2 col 1-12: reverse",
        ])
        #expect(c.styledText(names: [Style(reverse: true): "selected"]).hasSuffix("row 2 col 1-12: selected"))
    }

    @Test func cellStylesShowExceptOnTheSelectedRow() {
        let warn = Style(fg: .yellow, bold: true)
        let table = Table(columns: [Table.Column(width: .fixed(3), gap: 0), Table.Column(width: .fixed(3))], rows: [
            Table.Row(["a", Table.Cell("!", style: warn)]),
            Table.Row(["b", Table.Cell("!", style: warn)]),
        ])
        var c = Canvas(width: 7, height: 2)
        table.render(into: &c, area: c.bounds, cursor: ListCursor(selected: 1))
        #expect(c.styleRuns.map(\.description) == ["row 0 col 4-4: yellow bold", "row 1 col 0-6: reverse"])
    }
}
