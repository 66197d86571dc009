import Testing
import TerminalUI

@Suite struct CanvasTests {
    @Test func putWritesTextAndReportsColumns() {
        var c = Canvas(width: 10, height: 2)
        let used = c.put("hello", x: 2, y: 1)
        #expect(used == 5)
        #expect(c.lines == ["", "  hello"])
    }

    @Test func textIsClippedAtTheRightEdge() {
        var c = Canvas(width: 6, height: 1)
        c.put("magnesium", x: 2, y: 0)
        #expect(c.text == "  magn")
    }

    @Test func clipRectLimitsWriting() {
        var c = Canvas(width: 10, height: 3)
        let clip = Rect(x: 2, y: 1, width: 3, height: 1)
        c.put("abcdef", x: 2, y: 1, clip: clip)
        c.put("outside", x: 0, y: 0, clip: clip)
        #expect(c.lines == ["", "  abc", ""])
    }

    @Test func writingOutsideTheCanvasIsIgnored() {
        var c = Canvas(width: 4, height: 1)
        #expect(c.put("x", x: 0, y: 5) == 0)
        #expect(c.put("x", x: 0, y: -1) == 0)
        #expect(c.text == "")
    }

    @Test func wideCharactersTakeTwoCellsWithAContinuation() {
        var c = Canvas(width: 6, height: 1)
        let used = c.put("日本", x: 0, y: 0)
        #expect(used == 4)
        #expect(c[0, 0].width == 2)
        #expect(c[1, 0].isContinuation)
        #expect(c.text == "日本")
    }

    @Test func aWideCharacterThatDoesNotFitIsNotDrawnHalf() {
        var c = Canvas(width: 3, height: 1)
        c.put("a日本", x: 0, y: 0)
        #expect(c.text == "a日")
        #expect(c[2, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(width: 4, height: 1)
        c.put("日", x: 0, y: 0)
        c.put("x", x: 1, y: 0)
        #expect(c[0, 0].character == " ")
        #expect(c[0, 0].width == 1)
        #expect(c.text == " x")
    }

    @Test func controlCharactersAreShownAsCaretNotations() {
        var c = Canvas(width: 12, height: 1)
        c.put("a\u{1B}[2Jb\tc", x: 0, y: 0)
        #expect(c.text == "a^[[2Jb c")
    }

    @Test func combiningMarksDoNotTakeAColumn() {
        #expect(TextWidth.width("e\u{301}") == 1)
        #expect(TextWidth.width("café") == 4)
    }

    @Test func fillPaintsARectangle() {
        var c = Canvas(width: 5, height: 3)
        c.fill(Rect(x: 1, y: 1, width: 3, height: 5), character: "#")
        #expect(c.lines == ["", " ###", " ###"])
    }

    @Test func stylesAreKeptPerCell() {
        var c = Canvas(width: 4, height: 1)
        c.put("ab", x: 0, y: 0, style: Style(fg: .red, bold: true))
        #expect(c[0, 0].style.fg == .red)
        #expect(c[1, 0].style.bold)
        #expect(c[2, 0].style == .plain)
    }

    @Test func zeroSizedCanvasIsSafe() {
        var c = Canvas(width: 0, height: 0)
        c.put("x", x: 0, y: 0)
        c.fill(Rect(x: 0, y: 0, width: 3, height: 3))
        #expect(c.text == "")
    }
}
