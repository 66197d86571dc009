import PropertyBased
import Testing
import TerminalUI

@Suite struct WidgetTests {
    @Test func boxDrawsBordersAndTitle() {
        var c = Canvas(width: 12, height: 3)
        c.drawBox(c.bounds, title: "Help", glyphs: .unicode)
        #expect(c.lines == ["┌─ Help ───┐", "│          │", "└──────────┘"])
    }

    @Test func asciiBoxForNonUTF8Terminals() {
        var c = Canvas(width: 6, height: 2)
        c.drawBox(c.bounds, glyphs: .ascii)
        #expect(c.lines == ["+----+", "+----+"])
    }

    @Test func paragraphWrapsInsideItsRect() {
        var c = Canvas(width: 10, height: 3)
        let total = c.drawParagraph("one two three four five", in: Rect(x: 1, y: 0, width: 8, height: 2))
        #expect(total == 4)  // one two · three · four · five
        #expect(c.lines == [" one two", " three", ""])
    }

    @Test func cursorMovesAndClamps() {
        var cur = ListCursor()
        let movedDown = cur.handle(.down, count: 3, pageSize: 10)
        #expect(movedDown)
        #expect(cur.selected == 1)
        let movedEnd = cur.handle(.end, count: 3, pageSize: 10)
        #expect(movedEnd)
        #expect(cur.selected == 2)
        _ = cur.handle(.down, count: 3, pageSize: 10)
        #expect(cur.selected == 2)
        _ = cur.handle(.pageUp, count: 3, pageSize: 10)
        #expect(cur.selected == 0)
        let usedX = cur.handle(.char("x"), count: 3, pageSize: 10)
        #expect(!usedX)
    }

    @Test func revealKeepsTheSelectedLineInView() async {
        await propertyCheck(input: Gen.int(in: 1...200), Gen.int(in: 1...30), Gen.int(in: 0...400)) { total, height, target in
            var cur = ListCursor()
            let line = target % total
            cur.reveal(line: line, height: height, totalLines: total)
            #expect(line >= cur.offset && line < cur.offset + height)
            #expect(cur.offset >= 0)
        }
    }
}
