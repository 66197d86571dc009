@testable import MagRelaxCore
import PropertyBased

/// Random profiles and journals for round-trip properties. Text includes quotes, commas, line
/// breaks, control characters and non-ASCII so JSON escaping and CSV quoting are exercised.
enum Arbitrary {
    static let pieces = ["a", "Z", "7", " ", ",", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "é", "日本", "🧘", "/", "{", "]"]

    static func text<R: RandomNumberGenerator>(_ rng: inout R, max: Int = 12) -> String {
        (0..<Int.random(in: 0...max, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func id<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        "id-" + String(UInt64.random(in: 0...UInt64.max, using: &rng), radix: 36) + text(&rng, max: 2)
    }

    static func day<R: RandomNumberGenerator>(_ rng: inout R) -> CalendarDay {
        CalendarDay(dayNumber: Int.random(in: 16_000...21_000, using: &rng))
    }

    /// Finite doubles of several shapes: whole, one decimal, and arbitrary fractions.
    static func amount<R: RandomNumberGenerator>(_ rng: inout R) -> Double {
        switch Int.random(in: 0...2, using: &rng) {
        case 0: Double(Int.random(in: 0...500, using: &rng))
        case 1: Double(Int.random(in: 1...5000, using: &rng)) / 10
        default: Double.random(in: 0.001...10_000, using: &rng)
        }
    }

    /// A random entry of `type`. The switch names every type, so a new one does not compile until
    /// it is generated here, and then every round-trip property covers it.
    static func kind<R: RandomNumberGenerator>(_ type: EntryType, _ rng: inout R) -> EntryKind {
        switch type {
        case .symptoms:
            var ratings: [String: Int] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                ratings["s" + text(&rng, max: 4)] = Int.random(in: 0...4, using: &rng)
            }
            let note = text(&rng, max: 20)
            let triggers = SymptomTrigger.allCases.filter { _ in Int.random(in: 0...3, using: &rng) == 0 }
            return .symptoms(SymptomCheckIn(
                ratings: ratings, note: note.isEmpty || Bool.random(using: &rng) ? nil : note, triggers: Set(triggers)))
        case .food:
            let unit = FoodUnit.allCases.randomElement(using: &rng)!
            return .food(FoodServing(
                foodID: "f" + text(&rng, max: 5), servings: amount(&rng) + 0.5,
                grams: unit == .grams || Bool.random(using: &rng) ? amount(&rng) + 1 : nil,
                mg: Bool.random(using: &rng) ? amount(&rng) : nil, unit: unit))
        case .supplement:
            return .supplement(SupplementDose(
                formID: "m" + text(&rng, max: 5), elementalMg: amount(&rng),
                compoundMg: Bool.random(using: &rng) ? amount(&rng) : nil))
        case .checkOff:
            return .checkOff(
                TaskCheckOff(
                    goal: Goal.allCases.randomElement(using: &rng)!, week: Int.random(in: 1...4, using: &rng),
                    taskID: "t" + text(&rng, max: 5)))
        case .breathing:
            return .breathing(
                BreathingSession(
                    patternID: "p" + text(&rng, max: 5), plannedSeconds: amount(&rng), actualSeconds: amount(&rng),
                    cycles: Int.random(in: 0...100, using: &rng),
                    tensionBefore: Bool.random(using: &rng) ? Int.random(in: 0...10, using: &rng) : nil,
                    tensionAfter: Bool.random(using: &rng) ? Int.random(in: 0...10, using: &rng) : nil))
        case .note:
            return .note(text(&rng, max: 40))
        case .redFlag:
            return .redFlag(text(&rng, max: 20).isEmpty ? "leg-breathless" : "flag-" + text(&rng, max: 12))
        }
    }

    static func entry<R: RandomNumberGenerator>(_ rng: inout R, type: EntryType? = nil) -> JournalEntry {
        let kind = kind(type ?? EntryType.allCases.randomElement(using: &rng)!, &rng)
        let time = Bool.random(using: &rng) ? TimeOfDay(secondsSinceMidnight: Int.random(in: 0..<86_400, using: &rng)) : nil
        return JournalEntry(id: id(&rng), day: day(&rng), time: time, kind: kind)
    }

    static func food<R: RandomNumberGenerator>(_ rng: inout R) -> Food {
        Food(
            id: id(&rng), name: text(&rng), category: FoodCategory.allCases.randomElement(using: &rng)!,
            serving: text(&rng, max: 4), servingGrams: Bool.random(using: &rng) ? amount(&rng) : nil,
            mgPer100g: Bool.random(using: &rng) ? amount(&rng) : nil, kcalPer100g: nil, ndb: nil,
            labelMgPerServing: Bool.random(using: &rng) ? amount(&rng) : nil, source: "custom",
            note: Bool.random(using: &rng) ? text(&rng) : nil)
    }

    static func pattern<R: RandomNumberGenerator>(_ rng: inout R) -> BreathingPattern {
        BreathingPattern(
            id: id(&rng), name: text(&rng), inhale: Double(Int.random(in: 4...40, using: &rng)) / 2,
            holdIn: Double(Int.random(in: 0...40, using: &rng)) / 2, exhale: Double(Int.random(in: 4...40, using: &rng)) / 2,
            holdOut: Double(Int.random(in: 0...40, using: &rng)) / 2,
            dose: PracticeDose(unit: .minutes, min: 1, max: Int.random(in: 1...30, using: &rng), maxAfterFirstMonth: nil),
            cues: [text(&rng)], cautions: [], alternateNostril: Bool.random(using: &rng), source: "custom",
            timingNote: nil)
    }

    /// A journal with at least one entry of every type, and more at random.
    static func journal<R: RandomNumberGenerator>(_ rng: inout R) -> Journal {
        Journal(
            entries: EntryType.allCases.map { entry(&rng, type: $0) }
                + (0..<Int.random(in: 0...60, using: &rng)).map { _ in entry(&rng) },
            customFoods: (0..<Int.random(in: 0...3, using: &rng)).map { _ in food(&rng) },
            customPatterns: (0..<Int.random(in: 0...2, using: &rng)).map { _ in pattern(&rng) },
            trackedSymptoms: Bool.random(using: &rng) ? nil : Array(Set((0..<Int.random(in: 0...5, using: &rng)).map { _ in "s" + text(&rng, max: 4) })),
            foodMarks: Dictionary(
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    ("f" + text(&rng, max: 6), FoodMark.allCases.randomElement(using: &rng)!)
                }, uniquingKeysWith: { a, _ in a }),
            planBlocks: (0..<Int.random(in: 0...2, using: &rng)).map { i in planBlock(&rng, index: i) })
    }

    /// A past plan or keep-going block of up to 28 days.
    static func planBlock<R: RandomNumberGenerator>(_ rng: inout R, index: Int) -> PlanBlock {
        let start = day(&rng)
        return PlanBlock(
            id: "block-\(index)-\(start)", kind: PlanBlock.Kind.allCases.randomElement(using: &rng)!,
            goal: Goal.allCases.randomElement(using: &rng)!, start: start,
            end: start.adding(days: Int.random(in: 0..<PlanCalendar.days, using: &rng)))
    }

    static func profile<R: RandomNumberGenerator>(_ rng: inout R) -> Profile {
        let sex = Sex.allCases.randomElement(using: &rng)!
        return Profile(
            ageYears: Int.random(in: 1...120, using: &rng), sex: sex,
            lifeStage: sex == .female ? LifeStage.allCases.randomElement(using: &rng)! : .none,
            kidneyDisease: Bool.random(using: &rng), heartOrLungDisease: Bool.random(using: &rng),
            medicines: Set(InteractingMedicine.allCases.filter { _ in Bool.random(using: &rng) }),
            goal: Goal.allCases.randomElement(using: &rng)!, planStart: day(&rng),
            supplementFormID: Bool.random(using: &rng) ? "glycinate" : nil, doseMg: amount(&rng),
            clinicianDirectedDose: Bool.random(using: &rng), weekStart: WeekStart.allCases.randomElement(using: &rng)!,
            bellCues: Bool.random(using: &rng), disclaimerAccepted: Bool.random(using: &rng) ? day(&rng) : nil)
    }

    static let journals = Generator<Journal, Shrink.None<Journal>> { rng in journal(&rng) }
    static let profiles = Generator<Profile, Shrink.None<Profile>> { rng in profile(&rng) }
}
