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

    /// Splits at ".", "!" or "?" followed by a space or the end.
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if ".!?".contains(text[i]) && (next == text.endIndex || text[next].isWhitespace) {
                result.append(text[start..<next])
                start = next
            }
            i = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
