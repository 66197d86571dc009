import Foundation

/// What is wrong with a custom pattern's timing.
public enum PatternProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A phase outside 0–20 s.
    case outOfRange(BreathPhase)
    /// A phase not on a 0.5 s step.
    case notHalfSecondStep(BreathPhase)
    /// An in- or out-breath shorter than 2 s.
    case tooShort(BreathPhase)
    /// A hold, for someone who recorded pregnancy or heart or lung disease.
    case holdNotAllowed(BreathPhase)
    case emptyName

    public var description: String {
        switch self {
        case .outOfRange(let p): "\(BreathingRules.name(of: p)) must be 0–20 seconds"
        case .notHalfSecondStep(let p): "\(BreathingRules.name(of: p)) must be in steps of 0.5 seconds"
        case .tooShort(let p): "\(BreathingRules.name(of: p)) must be at least 2 seconds"
        case .holdNotAllowed(let p):
            "\(BreathingRules.name(of: p)): no holds with pregnancy or heart or lung disease"
        case .emptyName: "The pattern needs a name"
        }
    }
}

/// The limits on a person's own patterns (DOMAIN.md, "Custom patterns").
public enum BreathingRules {
    public static let maxPhaseSeconds = 20.0
    public static let stepSeconds = 0.5
    public static let minBreathSeconds = 2.0

    /// Every problem with a timing, in phase order; empty when it may be used.
    public static func problems(
        inhale: Double, holdIn: Double, exhale: Double, holdOut: Double,
        pregnant: Bool, heartOrLungDisease: Bool
    ) -> [PatternProblem] {
        var problems: [PatternProblem] = []
        let phases: [(BreathPhase, Double)] = [
            (.inhale, inhale), (.holdIn, holdIn), (.exhale, exhale), (.holdOut, holdOut),
        ]
        for (phase, seconds) in phases {
            if !(0...maxPhaseSeconds).contains(seconds) {
                problems.append(.outOfRange(phase))
                continue
            }
            let steps = seconds / stepSeconds
            if steps != steps.rounded() { problems.append(.notHalfSecondStep(phase)) }
            switch phase {
            case .inhale, .exhale:
                if seconds < minBreathSeconds { problems.append(.tooShort(phase)) }
            case .holdIn, .holdOut:
                if seconds > 0 && (pregnant || heartOrLungDisease) { problems.append(.holdNotAllowed(phase)) }
            }
        }
        return problems
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
    public static func custom(
        name: String, inhale: Double, holdIn: Double, exhale: Double, holdOut: Double,
        pregnant: Bool, heartOrLungDisease: Bool
    ) -> Result<BreathingPattern, CustomPatternError> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        var problems = trimmed.isEmpty ? [PatternProblem.emptyName] : []
        problems += BreathingRules.problems(
            inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut,
            pregnant: pregnant, heartOrLungDisease: heartOrLungDisease)
        guard problems.isEmpty else { return .failure(CustomPatternError(problems: problems)) }
        return .success(
            BreathingPattern(
                id: trimmed, name: trimmed, inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut,
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
