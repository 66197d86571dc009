import PropertyBased

@testable import MagRelaxCore

/// The seven patterns as the reference facts give them (seconds: in · hold · out · hold; dose), so the pacer is
/// tested against the documented numbers whatever state the catalogue file is in.
enum BreathingFixtures {
    static func pattern(
        _ id: String, _ inhale: Double, _ holdIn: Double, _ exhale: Double, _ holdOut: Double,
        _ unit: PracticeDose.Unit, _ min: Int, _ max: Int, after: Int? = nil, alternate: Bool = false
    ) -> BreathingPattern {
        BreathingPattern(
            id: id, name: id, inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut,
            dose: PracticeDose(unit: unit, min: min, max: max, maxAfterFirstMonth: after),
            cues: [], cautions: [], alternateNostril: alternate, source: "test", timingNote: nil)
    }

    static let diaphragmatic = pattern("diaphragmatic", 4, 0, 6, 0, .minutes, 5, 10)
    static let box = pattern("box", 4, 4, 4, 4, .minutes, 3, 5)
    static let fourSevenEight = pattern("4-7-8", 4, 7, 8, 0, .cycles, 4, 4, after: 8)
    static let coherent = pattern("coherent", 5.5, 0, 5.5, 0, .minutes, 10, 20)
    static let nadiShodhana = pattern("nadi-shodhana", 4, 0, 4, 0, .cycles, 5, 10, alternate: true)
    static let bhramari = pattern("bhramari", 4, 0, 8, 0, .cycles, 5, 5)
    static let ujjayi = pattern("ujjayi", 5, 0, 5, 0, .cycles, 10, 10)

    static let domain = [diaphragmatic, box, fourSevenEight, coherent, nadiShodhana, bhramari, ujjayi]

    /// The embedded catalogue's patterns, or none while its breathing file is not filled in yet.
    static var catalogue: [BreathingPattern] { (try? Catalogue.embedded())?.breathing ?? [] }

    /// Half-second steps in a range, as a custom pattern allows.
    static func halfSeconds(_ range: ClosedRange<Int>) -> Generator<Double, Shrink.Integer<Int>> {
        Gen.int(in: range).map { Double($0) / 2 }
    }

    /// Any pattern the editor could accept (holds often zero), alternate-nostril or not.
    static var anyPattern: Generator<BreathingPattern, some SendableSequenceType> {
        zip(
        halfSeconds(4...40), halfSeconds(0...40), halfSeconds(4...40), halfSeconds(0...40),
        Gen.bool, Gen.bool, Gen.bool
    ).map { inhale, holdIn, exhale, holdOut, noHoldIn, noHoldOut, alternate in
        pattern(
            "random", inhale, noHoldIn ? 0 : holdIn, exhale, noHoldOut ? 0 : holdOut, .minutes, 5, 10,
            alternate: alternate)
        }
    }
}
