import Foundation

/// Filtering as people type: case- and accent-insensitive, every word of the query must appear.
public enum TextMatch {
    public static func fold(_ s: String) -> String {
        // Most text is ASCII: lower-casing its bytes is the same fold, without Foundation's cost
        // (which made typing in a long list's filter slow).
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // Written straight into the new string: no array of bytes on the way.
            return String(unsafeUninitializedCapacity: s.utf8.count, initializingUTF8With: { buffer in
                for (i, byte) in s.utf8.enumerated() { buffer[i] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
                return s.utf8.count
            })
        }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    public static func matches(_ query: String, in text: String) -> Bool {
        matches(words: words(of: query), in: text)
    }

    /// The query's words, folded: worked out once for a whole list rather than once an item.
    public static func words(of query: String) -> [Substring] { fold(query).split(separator: " ") }

    public static func matches(words: [Substring], in text: String) -> Bool {
        guard !words.isEmpty else { return true }
        let haystack = fold(text)
        let asciiHaystack = haystack.utf8.allSatisfy { $0 < 0x80 }
        return words.allSatisfy { word in
            // ASCII in both: a byte search finds what Foundation's (much slower) search finds.
            if asciiHaystack && word.utf8.allSatisfy({ $0 < 0x80 }) { return containsBytes(haystack, String(word)) }
            return haystack.contains(word)
        }
    }

    /// Whether `needle`'s bytes appear in `haystack`'s: a plain loop (the standard library's generic
    /// `firstRange(of:)` is slower here than Foundation).
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count else { return false }
                for start in 0...(h.count - n.count) where h[start] == n[0] {
                    var k = 1
                    while k < n.count && h[start + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
    }
}
