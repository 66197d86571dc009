import PropertyBased
import Testing
import TerminalUI

@Suite struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for c in text { _ = field.handle(.char(c)) }
    }

    @Test func typingInsertsAtTheCursor() {
        var f = TextField()
        typed("mgesium", into: &f)
        for _ in 0..<6 { _ = f.handle(.left) }
        var outcome = f.handle(.char("a"))
        #expect(outcome == .edited)
        _ = f.handle(.right)
        outcome = f.handle(.char("n"))
        #expect(outcome == .edited)
        #expect(f.text == "magnesium")
        #expect(f.cursor == 4)
    }

    @Test func backspaceDeletesBeforeAndDeleteUnderTheCursor() {
        var f = TextField("abcd")
        var outcome = f.handle(.delete)
        #expect(outcome == .unchanged, "nothing under a cursor at the end")
        outcome = f.handle(.backspace)
        #expect(outcome == .edited)
        #expect(f.text == "abc")
        _ = f.handle(.home)
        outcome = f.handle(.backspace)
        #expect(outcome == .unchanged)
        outcome = f.handle(.delete)
        #expect(outcome == .edited)
        #expect(f.text == "bc" && f.cursor == 0)
    }

    @Test func homeEndAndArrowsMoveWithinTheText() {
        var f = TextField("abc")
        var outcome = f.handle(.right)
        #expect(outcome == .unchanged)
        outcome = f.handle(.home)
        #expect(outcome == .moved)
        #expect(f.cursor == 0)
        outcome = f.handle(.left)
        #expect(outcome == .unchanged)
        outcome = f.handle(.end)
        #expect(outcome == .moved)
        #expect(f.cursor == 3)
    }

    @Test func ctrlUClears() {
        var f = TextField("abc")
        var outcome = f.handle(.ctrl("u"))
        #expect(outcome == .edited)
        #expect(f.text.isEmpty && f.cursor == 0)
        outcome = f.handle(.ctrl("u"))
        #expect(outcome == .unchanged)
    }

    @Test func theFilterAndTheLimitRefuseCharacters() {
        var f = TextField(maxLength: 4, filter: .decimal)
        typed("1a2.5x7", into: &f)
        #expect(f.text == "12.5")
        var outcome = f.handle(.char("9"))
        #expect(outcome == .unchanged)
        var any = TextField()
        outcome = any.handle(.char("\n"))
        #expect(outcome == .unchanged)
        outcome = any.handle(.char("\u{7}"))
        #expect(outcome == .unchanged)
        outcome = any.handle(.enter)
        #expect(outcome == .ignored)
        outcome = any.handle(.up)
        #expect(outcome == .ignored)
        #expect(any.text.isEmpty)
    }

    @Test func theCursorAtTheEndShowsAsAnUnderscore() {
        var c = Canvas(width: 10, height: 1)
        TextField("abc").render(into: &c, area: c.bounds, style: .plain)
        #expect(c.text == "abc_")
    }

    @Test func aCursorInsideTheTextMarksItsCharacter() {
        var f = TextField("abc")
        _ = f.handle(.left)
        var c = Canvas(width: 10, height: 1)
        f.render(into: &c, area: c.bounds, style: Style(fg: .cyan))
        #expect(c.text == "abc")
        #expect(c.styleRuns.map(\.description) == ["row 0 col 0-1: cyan", "row 0 col 2-2: cyan reverse"])
    }

    @Test func aLongTextScrollsToKeepTheCursorInTheBox() {
        var f = TextField("abcdefghij")
        #expect(f.window(width: 5) == ("ghij", 4))
        _ = f.handle(.home)
        #expect(f.window(width: 5) == ("abcde", 0))
        for _ in 0..<7 { _ = f.handle(.right) }
        #expect(f.window(width: 5) == ("fghij", 2))
    }

    @Test func wideCharactersCountTwoColumns() {
        let f = TextField("日本語")
        #expect(f.window(width: 10) == ("日本語", 6))
        // 7 columns with the cursor; a box of 4 shows the last character and the cursor, the
        // character cut by the left edge as a blank.
        #expect(f.window(width: 4) == (" 語", 3))
        var c = Canvas(width: 4, height: 1)
        f.render(into: &c, area: c.bounds, style: .plain)
        #expect(c.text == " 語_")
    }

    @Test func theCursorIsAlwaysInsideTheBox() async {
        let keys = Gen.element(of: [Key.left, .right, .home, .end, .backspace, .delete, .char("a"), .char("日"), .char("é")]).map { $0! }
        await propertyCheck(input: keys.array(of: 0...40), Gen.int(in: 1...12)) { keys, width in
            var f = TextField(maxLength: 20)
            for key in keys { _ = f.handle(key) }
            let (shown, column) = f.window(width: width)
            #expect(column >= 0 && column < width)
            #expect(TextWidth.width(shown) <= width)
            #expect(f.cursor >= 0 && f.cursor <= f.text.count && f.text.count <= 20)
        }
    }
}
