// The standard library's own decomposition and case folding (SPI since Swift 5.7), so the app links
// neither Foundation nor its ICU data to fold text; the tests hold the fold to Foundation's.
@_spi(_Unicode) import Swift

/// Filtering as people type: case- and accent-insensitive, every word of the query must appear.
public enum TextMatch {
    /// Case, accents and width folded away, as Foundation's `folding(options: [.caseInsensitive,
    /// .diacriticInsensitive, .widthInsensitive], locale: nil)` folds Latin, Greek and Cyrillic text and
    /// the fullwidth and halfwidth forms (on other scripts every mark goes, where Foundation kept some).
    public static func fold(_ s: String) -> String {
        // Most text is ASCII: lower-casing its bytes is the same fold, and much cheaper (typing in a
        // long list's filter folds every row).
        if isASCII(s) {
            // Written straight into the new string: no array of bytes on the way.
            return String(unsafeUninitializedCapacity: s.utf8.count, initializingUTF8With: { buffer in
                for (i, byte) in s.utf8.enumerated() { buffer[i] = lowered(byte) }
                return s.utf8.count
            })
        }
        return unicodeFold(s)
    }

    public static func matches(_ query: String, in text: String) -> Bool {
        matches(words: words(of: query), in: text)
    }

    /// The query's words, folded: worked out once for a whole list rather than once an item.
    public static func words(of query: String) -> [Substring] { fold(query).split(separator: " ") }

    public static func matches(words: [Substring], in text: String) -> Bool {
        guard !words.isEmpty else { return true }
        if isASCII(text) {
            // ASCII text folds to lower case A–Z alone: compared so byte by byte, with no folded copy
            // made (typing in a long list's filter checks every row). A word that is not ASCII once
            // folded cannot be in it.
            var text = text
            return text.withUTF8 { h in
                words.allSatisfy { word in
                    isASCII(word) && (word.utf8.withContiguousStorageIfAvailable { containsLowered(h, $0) }
                        ?? Array(word.utf8).withUnsafeBufferPointer { containsLowered(h, $0) })
                }
            }
        }
        let haystack = fold(text)
        return words.allSatisfy { haystack.contains($0) }
    }

    static func isASCII(_ s: some StringProtocol) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    /// An ASCII byte folded: A–Z lower-cased, as the full fold has it.
    static func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    /// Whether `needle`'s bytes appear in `haystack`'s with its A–Z lower-cased: a plain loop (the
    /// standard library's generic `firstRange(of:)` is slower here than Foundation).
    static func containsLowered(_ haystack: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !n.isEmpty else { return true }
        guard n.count <= haystack.count else { return false }
        for start in 0...(haystack.count - n.count) where lowered(haystack[start]) == n[0] {
            var k = 1
            while k < n.count && lowered(haystack[start + k]) == n[k] { k += 1 }
            if k == n.count { return true }
        }
        return false
    }

    /// Canonical decomposition, the fullwidth and halfwidth forms made ordinary, the non-spacing
    /// marks dropped (but one that starts the text, as in Foundation), then full case folding.
    static func unicodeFold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for decomposed in s._nfd {
            let scalar = widthFolded(decomposed)
            if !out.isEmpty && scalar.properties.generalCategory == .nonspacingMark { continue }
            out.append(contentsOf: scalar.properties._caseFolded.unicodeScalars)
        }
        return String(out)
    }

    static func widthFolded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E:  // fullwidth ASCII
            return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0xFF5F...0xFFEE:
            let mapped = narrowAndWide[Int(scalar.value - 0xFF5F)]
            return mapped == 0 ? scalar : Unicode.Scalar(mapped)!
        default:
            return scalar
        }
    }

    /// U+FF5F…U+FFEE to the characters Unicode gives as their <narrow>/<wide> equivalents; 0: none.
    private static let narrowAndWide: [UInt16] = [
        0x2985, 0x2986, 0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7,
        0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB,
        0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4,
        0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,
        0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC,
        0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A, 0x1160, 0x1100, 0x1101, 0x11AA, 0x1102, 0x11AC, 0x11AD,
        0x1103, 0x1104, 0x1105, 0x11B0, 0x11B1, 0x11B2, 0x11B3, 0x11B4, 0x11B5, 0x111A, 0x1106, 0x1107,
        0x1108, 0x1121, 0x1109, 0x110A, 0x110B, 0x110C, 0x110D, 0x110E, 0x110F, 0x1110, 0x1111, 0x1112,
        0, 0, 0, 0x1161, 0x1162, 0x1163, 0x1164, 0x1165, 0x1166, 0, 0, 0x1167,
        0x1168, 0x1169, 0x116A, 0x116B, 0x116C, 0, 0, 0x116D, 0x116E, 0x116F, 0x1170, 0x1171,
        0x1172, 0, 0, 0x1173, 0x1174, 0x1175, 0, 0, 0, 0xA2, 0xA3, 0xAC,
        0, 0xA6, 0xA5, 0x20A9, 0, 0x2502, 0x2190, 0x2191, 0x2192, 0x2193, 0x25A0, 0x25CB,
    ]
}
