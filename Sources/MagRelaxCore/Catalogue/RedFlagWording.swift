// The rule that keeps texts from sending a red-flag sign to milder care than the flag's own action.

extension RedFlagAction {
    /// Words that name this action in running text, lower case. "see a doctor" with no "soon" is the
    /// mildest advice a text can give, so it counts as `soon`.
    public var namingPhrases: [String] {
        switch self {
        case .emergency: ["emergency"]
        case .urgent: ["urgent"]
        case .soon: ["see a doctor", "see a clinician"]
        }
    }
}

/// A red-flag sign mentioned in a sentence that does not point to that flag's action.
public struct RedFlagWordingProblem: Sendable, Hashable, CustomStringConvertible {
    public var sentence: String
    public var trigger: String
    public var flag: RedFlag
    /// The milder action the sentence names instead, if any.
    public var milder: RedFlagAction?

    public var description: String {
        let mention = "mentions \"\(trigger)\" (red flag \(flag.id), \(flag.action.rawValue))"
        if let milder {
            return mention + " but says \"\(milder.namingPhrases[0])\", milder care than \"\(flag.action.namingPhrases[0])\""
        }
        return mention + " but does not say \"\(flag.action.namingPhrases[0])\""
    }
}

extension Catalogue {
    /// Every sentence of `text` that uses a red flag's trigger phrase must name that flag's action and
    /// no milder one. Sentences are judged one at a time, so a text may point one sign to a doctor and,
    /// in another sentence, another sign to emergency care.
    public func redFlagWordingProblems(in text: String) -> [RedFlagWordingProblem] {
        var found: [RedFlagWordingProblem] = []
        for sentence in Self.sentences(text) {
            let lower = sentence.lowercased()
            let named = RedFlagAction.allCases.filter { action in action.namingPhrases.contains { lower.contains($0) } }
            for flag in redFlags {
                guard let trigger = flag.triggers.first(where: { lower.contains($0.lowercased()) }) else { continue }
                if let milder = named.filter({ $0 < flag.action }).min() {
                    found.append(RedFlagWordingProblem(sentence: String(sentence), trigger: trigger, flag: flag, milder: milder))
                } else if !named.contains(flag.action) {
                    found.append(RedFlagWordingProblem(sentence: String(sentence), trigger: trigger, flag: flag, milder: nil))
                }
            }
        }
        return found
    }

    /// Splits at ".", "!" or "?" followed by a space or the end. Walks UTF-8 (the marks are ASCII) and
    /// reads a scalar only after a mark: the plan splits texts with it on every frame, and walking
    /// characters (grapheme breaking) made that most of a frame.
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            let next = utf8.index(after: i)
            let mark = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            if mark && (next == utf8.endIndex || text.unicodeScalars[next].properties.isWhitespace) {
                result.append(text[start..<next])
                start = next
            }
            i = next
        }
        if start < utf8.endIndex { result.append(text[start...]) }
        return result.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
