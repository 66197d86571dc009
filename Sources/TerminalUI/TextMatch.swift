import Foundation

/// Filtering as people type: case- and accent-insensitive, every word of the query must appear.
public enum TextMatch {
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    public static func matches(_ query: String, in text: String) -> Bool {
        let words = fold(query).split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = fold(text)
        return words.allSatisfy { haystack.contains($0) }
    }
}
