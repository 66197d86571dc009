import Foundation
import Testing

@testable import magrelax

struct TextColumnsTests {
    @Test func columnsPadAndCutAsNSStringPaddingDid() {
        for text in ["", "box", "4-7-8 breathing", "nadi-shodhana-long-id", "Crème", "日本語", "🧘 calm", "e\u{301}"] {
            for width in [0, 1, 3, 8, 14, 16, 30] {
                #expect(text.column(width) == text.padding(toLength: width, withPad: " ", startingAt: 0), "\(text) \(width)")
            }
        }
    }
}
