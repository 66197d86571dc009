import Foundation
import PropertyBased
import Testing
import TerminalUI

@Suite struct TextTests {
    @Test func truncationAddsAnEllipsisOnlyWhenCutting() {
        #expect(TextWidth.truncated("magnesium", to: 20) == "magnesium")
        #expect(TextWidth.truncated("magnesium", to: 5) == "magn…")
        #expect(TextWidth.truncated("日本語", to: 4) == "日…")
        #expect(TextWidth.truncated("abc", to: 0) == "")
    }

    @Test func paddingReachesTheExactWidth() {
        #expect(TextWidth.padded("ab", to: 4) == "ab  ")
        #expect(TextWidth.width(TextWidth.padded("日本語です", to: 5)) == 5)
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(TextWrap.wrap("slow paced breathing helps", width: 11) == ["slow paced", "breathing", "helps"])
    }

    @Test func wrapKeepsParagraphsAndBreaksLongWords() {
        #expect(TextWrap.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWrap.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
    }

    /// ASCII text (split on its bytes) wraps as text with the same widths does by characters: every
    /// "a" made "á" takes the character path and gives the same lines.
    @Test func asciiWrapsAsCharactersDo() async {
        let words = Gen.element(of: ["a", "bb", "aaa", "dddddddd", "\n", "", "ab\r\nc"]).map { $0! }.array(of: 0...20)
        await propertyCheck(input: words, Gen.int(in: 1...12)) { words, width in
            let text = words.joined(separator: " ")
            let accented = TextWrap.wrap(text.replacingOccurrences(of: "a", with: "á"), width: width)
            #expect(accented.map { $0.replacingOccurrences(of: "á", with: "a") } == TextWrap.wrap(text, width: width))
        }
    }

    @Test func wrappedLinesNeverExceedTheWidthAndKeepEveryWord() async {
        let words = Gen.letterOrNumber.string(of: 1...12).array(of: 0...30)
        await propertyCheck(input: words, Gen.int(in: 1...40)) { words, width in
            let text = words.joined(separator: " ")
            let lines = TextWrap.wrap(text, width: width)
            #expect(lines.allSatisfy { TextWidth.width($0) <= width })
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    /// The printable-ASCII shortcut gives what the general-category rule gives.
    @Test func printableASCIIIsOneColumnByTheFullRule() {
        for v in UInt32(0x20)..<0x7F {
            let scalar = Unicode.Scalar(v)!
            #expect(TextWidth.width(of: scalar) == 1)
            #expect(![.nonspacingMark, .enclosingMark, .format].contains(scalar.properties.generalCategory))
        }
    }

    /// A string's width is its characters' widths added up, whether or not the ASCII shortcut is taken.
    @Test func stringWidthIsTheSumOfItsCharacters() async {
        let pieces = Gen.element(of: ["a", "Z", " ", "~", "\t", "\u{7}", "\u{7F}", "\u{85}", "é", "e\u{301}", "日", "\u{200B}", "·"])
            .map { $0! }.array(of: 0...20)
        await propertyCheck(count: 300, input: pieces) { pieces in
            let text = pieces.joined()
            #expect(TextWidth.width(text) == TextWidth.sanitized(text).reduce(0) { $0 + TextWidth.width(of: $1) })
        }
    }

    @Test func matchingIgnoresCaseAndAccentsAndWordOrder() {
        #expect(TextMatch.matches("cafe", in: "Café au lait"))
        #expect(TextMatch.matches("SEEDS pumpkin", in: "Pumpkin seeds, roasted"))
        #expect(!TextMatch.matches("almond", in: "Pumpkin seeds"))
        #expect(TextMatch.matches("", in: "anything"))
        #expect(TextMatch.matches("glycinate", in: "Magnesium GLYCINATE"))
    }
}

/// The ASCII byte search matches what Foundation's search matches.
@Test func asciiMatchingAgreesWithFoundation() async {
    // With the bytes either side of A–Z and a–z, where lower-casing must stop.
    let text = Gen.element(of: Array("abAB c-éZz@[`{")).map { String($0!) }.array(of: 0...12).map { $0.joined() }
    await propertyCheck(count: 500, input: text, text) { query, text in
        let haystack = TextMatch.fold(text) as NSString
        let words = TextMatch.fold(query).split(separator: " ")
        #expect(TextMatch.matches(query, in: text) == words.allSatisfy { haystack.range(of: String($0)).location != NSNotFound })
    }
}

/// What the filters matched with before they left Foundation.
private func foundationFold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
}

/// The ASCII fast path folds exactly as Foundation does.
@Test func asciiFoldingAgreesWithFoundation() async {
    await propertyCheck(count: 300, input: Gen.int(in: 0...127).array(of: 0...40)) { codes in
        let text = String(decoding: codes.map(UInt8.init), as: UTF8.self)
        #expect(TextMatch.fold(text) == foundationFold(text))
    }
}

/// Every Latin, Greek and Cyrillic character, and every fullwidth and halfwidth form, folds as
/// Foundation folds it (`==` on String is canonical equivalence, as matching is).
@Test func everyLatinGreekCyrillicAndWidthFormFoldsAsFoundationDoes() {
    let letters = Array(0xA0...0x52F) + Array(0x1E00...0x1FFF)
    var checked = 0
    for value in letters + Array(0xFF01...0xFFEE) {
        guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
        // Greek Extended's spacing accents (᾿ with an accent) are symbols Foundation leaves whole.
        if (0x1E00...0x1FFF).contains(value), scalar.properties.generalCategory == .modifierSymbol { continue }
        let text = String(scalar)
        #expect(TextMatch.fold(text) == foundationFold(text), "U+\(String(value, radix: 16, uppercase: true))")
        checked += 1
    }
    #expect(checked > 1800)
}

/// Text as people write it in those scripts, precomposed or with combining marks, folds as
/// Foundation folds it.
@Test func wordsWithAccentsFoldAsFoundationDoes() async {
    let pieces = [
        "a", "Z", "7", " ", "-", ",", "é", "É", "e\u{301}", "o\u{308}\u{301}", "ß", "ẞ", "ﬁ", "ﬀ", "ſ", "Ω",
        "ς", "Σ", "ά", "ΐ", "ᾳ", "ῼ", "İ", "ı", "ǅ", "Ǆ", "ŉ", "ǰ", "ĳ", "Æ", "œ", "ø", "Ł", "đ", "ð", "Þ",
        "ç", "ą", "ỗ", "Ặ", "ǖ", "ṩ", "Ё", "й", "ї", "ӂ", "Ӛ", "Ｃａｆé", "ｗ", "０", "！", "…", "–",
        "Crème brûlée", "Jalapeño", "Açaí", "Smörgåsbord", "Ἀθῆναι", "Москва",
    ]
    await propertyCheck(count: 500, input: Gen.element(of: pieces).map { $0! }.array(of: 1...6)) { parts in
        let text = parts.joined()
        #expect(TextMatch.fold(text) == foundationFold(text), "\(text.debugDescription)")
    }
}
