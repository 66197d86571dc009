import Foundation

/// Filtering as people type: case- and accent-insensitive, every word of the query must appear.
public enum TextMatch {
    public static func fold(_ s: String) -> String {
        // Most text is ASCII: lower-casing its bytes is the same fold, without Foundation's cost
        // (which made typing in a long list's filter slow).
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: s.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    public static func matches(_ query: String, in text: String) -> Bool {
        let words = fold(query).split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = fold(text)
        return words.allSatisfy { haystack.contains($0) }
    }
}
