/// What is wrong with a custom pattern, tied to the phase the editor should point at.
public struct PatternProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Outside the limits every pattern keeps (`BreathingPattern.timingProblems`).
        case timing
        /// A hold, for someone who recorded pregnancy or heart or lung disease.
        case holdNotAllowed
        case emptyName
        /// The person already has a pattern of that name.
        case nameTaken
    }

    /// nil for the name.
    public var phase: BreathPhase?
    public var kind: Kind
    public var message: String

    public init(phase: BreathPhase?, kind: Kind, message: String) {
        self.phase = phase
        self.kind = kind
        self.message = message
    }

    public var description: String {
        guard let phase else { return message }
        return "\(BreathingRules.name(of: phase)) \(message)"
    }
}

/// The limits on a person's own patterns: the catalogue's timing limits for every pattern,
/// plus no holds for someone who recorded pregnancy or heart or lung disease.
public enum BreathingRules {
    /// Every problem with a timing, in phase order; empty when it may be used.
    public static func problems(
        inhale: Double, holdIn: Double, exhale: Double, holdOut: Double,
        pregnant: Bool, heartOrLungDisease: Bool
    ) -> [PatternProblem] {
        var problems = BreathingPattern.timingProblems(inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut)
            .map { PatternProblem(phase: BreathPhase(rawValue: $0.field), kind: .timing, message: $0.message) }
        if pregnant || heartOrLungDisease {
            for (phase, seconds) in [(BreathPhase.holdIn, holdIn), (.holdOut, holdOut)] where seconds > 0 {
                problems.append(
                    PatternProblem(
                        phase: phase, kind: .holdNotAllowed,
                        message: "must be 0 with pregnancy or heart or lung disease"))
            }
        }
        return problems.sorted { order($0.phase) < order($1.phase) }
    }

    private static func order(_ phase: BreathPhase?) -> Int {
        phase.flatMap { BreathPhase.allCases.firstIndex(of: $0) } ?? -1
    }

    /// The name of a phase in messages and the editor: the two holds are told apart.
    public static func name(of phase: BreathPhase) -> String {
        switch phase {
        case .inhale: "In-breath"
        case .holdIn: "Hold (full)"
        case .exhale: "Out-breath"
        case .holdOut: "Hold (empty)"
        }
    }
}

extension BreathingPattern {
    /// A person's own pattern, or the problems that keep it from being used.
    /// `id` stays the same through renames, so past sessions stay attached to the pattern.
    public static func custom(
        id: String, name: String, inhale: Double, holdIn: Double, exhale: Double, holdOut: Double,
        pregnant: Bool, heartOrLungDisease: Bool
    ) -> Result<BreathingPattern, CustomPatternError> {
        let trimmed = name.trimmed
        var problems =
            trimmed.isEmpty ? [PatternProblem(phase: nil, kind: .emptyName, message: "The pattern needs a name")] : []
        problems += BreathingRules.problems(
            inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut,
            pregnant: pregnant, heartOrLungDisease: heartOrLungDisease)
        guard problems.isEmpty else { return .failure(CustomPatternError(problems: problems)) }
        return .success(
            BreathingPattern(
                id: id, name: trimmed, inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut,
                // A person's own pattern has no sourced dose: it defaults to the shortest minutes dose in
                // the catalogue's general slow-breathing entry (diaphragmatic, 5–10 min).
                dose: PracticeDose(unit: .minutes, min: 5, max: 10, maxAfterFirstMonth: nil),
                cues: [], cautions: [], alternateNostril: false, source: customSource, timingNote: nil))
    }

    /// The `source` of a person's own pattern: it is theirs, not the catalogue's.
    public static let customSource = "custom"

    public var isCustom: Bool { source == BreathingPattern.customSource }

    /// The length offered first: the low end of the pattern's dose.
    public var defaultLength: SessionLength {
        switch dose.unit {
        case .minutes: .minutes(Double(dose.min))
        case .cycles: .cycles(dose.min)
        }
    }

    /// The most cycles a session may have, when the pattern sets a limit (4-7-8: `max` in the first
    /// month of practice, then `maxAfterFirstMonth`).
    public func cycleLimit(inFirstMonth: Bool) -> Int? {
        guard dose.maxAfterFirstMonth != nil else { return nil }
        return dose.allowedMax(inFirstMonth: inFirstMonth)
    }

    /// A chosen length, held to the pattern's limit: a limited pattern is always counted in cycles.
    public func allowedLength(_ length: SessionLength, inFirstMonth: Bool) -> SessionLength {
        guard let limit = cycleLimit(inFirstMonth: inFirstMonth) else { return length }
        let cycles = Pacer.cycles(for: length, cycleSeconds: cycleSeconds)
        return .cycles(min(cycles, limit))
    }
}

/// Every problem found in a custom pattern.
public struct CustomPatternError: Error, Sendable, Hashable {
    public var problems: [PatternProblem]
}
