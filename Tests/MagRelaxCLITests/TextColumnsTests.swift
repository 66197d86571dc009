import Foundation
import Testing
import TerminalUI

@testable import magrelax

struct TextColumnsTests {
    static let texts = ["", "box", "4-7-8 breathing", "nadi-shodhana-long-id", "Crème", "日本語", "🧘 calm", "e\u{301}"]

    /// A text that fits is padded as NSString's padding did (in terminal cells: the same for ASCII).
    @Test func aTextThatFitsIsPaddedAsBefore() {
        for text in Self.texts where text.allSatisfy(\.isASCII) {
            for width in [1, 3, 8, 14, 16, 30] where text.count < width {
                #expect(text.column(width) == text.padding(toLength: width, withPad: " ", startingAt: 0), "\(text) \(width)")
            }
        }
    }

    /// Every column is its width in terminal cells; a text that does not fit is cut, whole
    /// characters only, with a space kept before the next column; right-aligned ones pad first.
    @Test func columnsAreTheirWidthInCellsAndKeepASpace() {
        for text in Self.texts {
            for width in [1, 3, 8, 14, 16, 30] {
                for right in [false, true] {
                    let column = text.column(width, right: right)
                    #expect(TextWidth.width(column) == width, "\(text) \(width)")
                    #expect(!column.contains("\u{FFFD}"), "\(text) \(width)")
                    if TextWidth.width(text) < width {
                        #expect(right ? column.hasSuffix(text) : column.hasPrefix(text), "\(text) \(width)")
                    } else {
                        #expect(column.hasSuffix(" ") && text.hasPrefix(column.dropLast().trimmingCharacters(in: .whitespaces)),
                                "\(text) \(width)")
                    }
                }
            }
        }
        #expect("日本語".column(5) == "日本 ")
        #expect("🧘 calm".column(3) == "🧘 ")
    }
}
