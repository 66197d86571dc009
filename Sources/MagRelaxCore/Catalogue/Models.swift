// The catalogue's entry types. Every entry names a `source` key from sources.json.

public struct Source: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var detail: String?
    public var url: String?
    /// For a collection (the magnesium guides): the subjects of the guides an entry may name.
    public var guides: [String]?

    public init(id: String, title: String, detail: String? = nil, url: String? = nil, guides: [String]? = nil) {
        self.id = id
        self.title = title
        self.detail = detail
        self.url = url
        self.guides = guides
    }
}

public enum FoodCategory: String, Codable, Sendable, CaseIterable, Hashable {
    case seedsAndNuts = "seeds-nuts"
    case leafyGreens = "leafy-greens"
    case legumesAndSoy = "legumes-soy"
    case wholeGrains = "whole-grains"
    case fish
    case meat
    case dairyAndEggs = "dairy-eggs"
    case fruit
    case vegetables
    case sweets
    case drinks

    public var label: String {
        switch self {
        case .seedsAndNuts: "Seeds & nuts"
        case .leafyGreens: "Leafy greens"
        case .legumesAndSoy: "Legumes & soy"
        case .wholeGrains: "Grains & cereals"
        case .fish: "Fish"
        case .meat: "Meat"
        case .dairyAndEggs: "Dairy & eggs"
        case .fruit: "Fruit"
        case .vegetables: "Vegetables"
        case .sweets: "Sweets"
        case .drinks: "Drinks"
        }
    }

    /// Earlier name of `dairyAndEggs`, still read so a person's saved foods keep loading.
    private static let legacyNames = ["dairy-alternatives": FoodCategory.dairyAndEggs]

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let category = FoodCategory(rawValue: name) ?? Self.legacyNames[name] else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "Cannot initialize FoodCategory from invalid String value \(name)"))
        }
        self = category
    }
}

public struct Food: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var category: FoodCategory
    /// Household measure, e.g. "1 oz" or "1/2 cup".
    public var serving: String
    public var servingGrams: Double?
    public var mgPer100g: Double?
    public var kcalPer100g: Double?
    public var calciumMgPer100g: Double?
    public var potassiumMgPer100g: Double?
    /// USDA SR Legacy NDB number, kept as text (leading zeros matter).
    public var ndb: String?
    /// For label-dependent foods (fortified cereal) where only a per-serving figure is known.
    public var labelMgPerServing: Double?
    public var source: String
    public var note: String?

    public init(
        id: String, name: String, category: FoodCategory, serving: String, servingGrams: Double?,
        mgPer100g: Double?, kcalPer100g: Double?, ndb: String?, labelMgPerServing: Double? = nil,
        source: String, note: String? = nil, calciumMgPer100g: Double? = nil, potassiumMgPer100g: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.serving = serving
        self.servingGrams = servingGrams
        self.mgPer100g = mgPer100g
        self.kcalPer100g = kcalPer100g
        self.calciumMgPer100g = calciumMgPer100g
        self.potassiumMgPer100g = potassiumMgPer100g
        self.ndb = ndb
        self.labelMgPerServing = labelMgPerServing
        self.source = source
        self.note = note
    }

    /// mg per serving = grams × mg per 100 g / 100, rounded to a whole mg (the USDA per-100 g basis, usda-sr).
    public var mgPerServing: Double? { perServing(mgPer100g) ?? labelMgPerServing }

    public var calciumMgPerServing: Double? { perServing(calciumMgPer100g) }
    public var potassiumMgPerServing: Double? { perServing(potassiumMgPer100g) }

    /// A per-100 g figure scaled to one serving, rounded to a whole mg; nil when either is unknown.
    public func perServing(_ per100g: Double?) -> Double? {
        guard let grams = servingGrams, let per100g else { return nil }
        return (grams * per100g / 100).rounded()
    }

    /// Magnesium density: mg per 100 kcal, when both figures are known.
    public var mgPer100kcal: Double? {
        guard let mg = mgPer100g, let kcal = kcalPer100g, kcal > 0 else { return nil }
        return mg / kcal * 100
    }
}

public enum EvidenceStrength: String, Codable, Sendable, CaseIterable, Hashable {
    case strong, moderate, limited, weak
    case conflicting
    case none = "no-trials"
    case unlikely = "unlikely-to-help"
    case plausible = "plausible"

    public var label: String {
        switch self {
        case .strong: "strong"
        case .moderate: "moderate"
        case .limited: "limited"
        case .weak: "weak"
        case .conflicting: "conflicting"
        case .none: "no trials"
        case .unlikely: "unlikely to help"
        case .plausible: "plausible, little direct evidence"
        }
    }
}

public struct SupplementForm: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Share of elemental magnesium by weight, in percent (form-chem).
    public var elementalPercent: Double
    public var absorption: String
    public var gutEffects: String
    public var typicalUse: String
    public var evidence: String
    public var evidenceStrength: EvidenceStrength
    /// Topical forms (flakes, sprays, Epsom baths) are not a dose (grober-2017).
    public var topical: Bool
    public var source: String
    /// Sources for the notes (absorption, gut effects), e.g. ods-mg, pardo-2021.
    public var noteSources: [String]

    /// Elemental magnesium in a given weight of the compound: weight × % / 100.
    public func elementalMg(compoundMg: Double) -> Double {
        compoundMg * elementalPercent / 100
    }
}

public enum BodyArea: String, Codable, Sendable, CaseIterable, Hashable {
    case muscles
    case neckAndShoulders = "neck-shoulders"
    case back
    case nerves
    case head
    case sleepAndMind = "sleep-mind"
    case wholeBody = "whole-body"

    public var label: String {
        switch self {
        case .muscles: "Muscles"
        case .neckAndShoulders: "Neck, shoulders & jaw"
        case .back: "Back"
        case .nerves: "Nerves"
        case .head: "Head"
        case .sleepAndMind: "Sleep & mind"
        case .wholeBody: "Whole body"
        }
    }
}

public struct Symptom: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var area: BodyArea
    public var explanation: String
    public var source: String
    /// Ids of the reference evidence statements about this symptom (reference.json `evidence`).
    public var evidence: [String]?
}

public enum RedFlagAction: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case soon = "see-a-doctor-soon"
    case urgent
    case emergency

    public var label: String {
        switch self {
        case .emergency: "Emergency: call emergency services now"
        case .urgent: "Urgent: get a same-day medical appointment"
        case .soon: "See a doctor soon"
        }
    }

    private var rank: Int {
        switch self {
        case .soon: 0
        case .urgent: 1
        case .emergency: 2
        }
    }

    public static func < (lhs: RedFlagAction, rhs: RedFlagAction) -> Bool { lhs.rank < rhs.rank }
}

public struct RedFlag: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// Where it shows: head, back, muscle, leg, whole body.
    public var area: String
    public var symptom: String
    public var action: RedFlagAction
    /// Named cause where the source gives one, e.g. "rhabdomyolysis", "clot".
    public var reason: String?
    /// What to do before the action, e.g. "Stop taking magnesium."
    public var firstStep: String?
    public var source: String
    /// Phrases that name this sign in other texts (symptoms, plans, safety notes), matched ignoring case:
    /// any sentence that uses one must name this flag's action.
    public var triggers: [String]
}

/// A suggested amount of practice: minutes or cycles (rounds, breaths).
public struct PracticeDose: Codable, Sendable, Hashable {
    public enum Unit: String, Codable, Sendable { case minutes, cycles }
    public var unit: Unit
    public var min: Int
    public var max: Int
    /// 4-7-8: at most `max` cycles in the first month of practice, then this many.
    public var maxAfterFirstMonth: Int?

    public init(unit: Unit, min: Int, max: Int, maxAfterFirstMonth: Int? = nil) {
        self.unit = unit
        self.min = min
        self.max = max
        self.maxAfterFirstMonth = maxAfterFirstMonth
    }
}

public struct BreathingPattern: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// Short, for lists: "Box", "Nadi Shodhana".
    public var name: String
    /// What it is in plain words, e.g. "alternate-nostril breathing".
    public var subtitle: String?
    /// Seconds: in · hold (full) · out · hold (empty).
    public var inhale: Double
    public var holdIn: Double
    public var exhale: Double
    public var holdOut: Double
    public var dose: PracticeDose
    public var cues: [String]
    public var cautions: [String]
    /// Nadi Shodhana: a round is in left, out right, in right, out left.
    public var alternateNostril: Bool
    public var source: String
    /// Where the timing comes from when it is an app default rather than the source's.
    public var timingNote: String?

    public init(
        id: String, name: String, subtitle: String? = nil, inhale: Double, holdIn: Double, exhale: Double,
        holdOut: Double, dose: PracticeDose, cues: [String], cautions: [String], alternateNostril: Bool,
        source: String, timingNote: String? = nil
    ) {
        self.id = id
        self.name = name
        self.subtitle = subtitle
        self.inhale = inhale
        self.holdIn = holdIn
        self.exhale = exhale
        self.holdOut = holdOut
        self.dose = dose
        self.cues = cues
        self.cautions = cautions
        self.alternateNostril = alternateNostril
        self.source = source
        self.timingNote = timingNote
    }

    public var breathSeconds: Double { inhale + holdIn + exhale + holdOut }
}

public struct YogaPose: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var sanskrit: String?
    /// As taught, e.g. "1–3 min" or "10–30 breaths a side".
    public var hold: String
    public var repeats: String
    public var steps: [String]
    public var cautions: [String]
    public var source: String
}

public enum Goal: String, Codable, Sendable, CaseIterable, Hashable {
    case soreness
    case nerveTension = "nerve-tension"
    case backStiffness = "back-stiffness"
    case chronicPain = "chronic-pain"
    case tensionHeadache = "tension-headache"

    public var label: String {
        switch self {
        case .soreness: "Muscle soreness and recovery"
        case .nerveTension: "Tension around nerves"
        case .backStiffness: "Back stiffness"
        case .chronicPain: "Chronic muscle pain"
        case .tensionHeadache: "Tension headache"
        }
    }
}

public enum TaskKind: String, Codable, Sendable, CaseIterable, Hashable {
    case magnesium, food, hydration, stimulants, yoga, stretching, breathing, sleep, stress, posture,
        movement, partners, journal
}

public struct PlanTask: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: TaskKind
    public var title: String
    public var detail: String
    /// Yoga and stretching tasks: the week's poses (yoga.json ids), in the order to do them.
    public var poses: [String]?
    /// Breathing tasks: the pattern to practise (breathing.json id); its dose gives the length.
    public var pattern: String?
}

public struct PlanWeek: Codable, Sendable, Hashable {
    public var week: Int
    public var focus: String
    /// Tasks for every day of this week.
    public var tasks: [PlanTask]
}

/// What a source claims, quoted as its claim, e.g. a guide's expected time to relief.
public struct SourcedClaim: Codable, Sendable, Hashable {
    public var claim: String
    public var source: String
    /// The guide's subject when the source is a collection of guides.
    public var guide: String?
}

public struct PlanTemplate: Codable, Sendable, Hashable, Identifiable {
    public var goal: Goal
    public var title: String
    public var summary: String
    /// How soon relief comes, as a guide claims it; shown beside the evidence.
    public var expectation: SourcedClaim
    /// Ids of the reference evidence statements for the plan's approach (reference.json `evidence`).
    public var evidence: [String]
    public var weeks: [PlanWeek]
    public var source: String
    /// The guide's subject when the source is a collection of guides.
    public var guide: String?

    public var id: Goal { goal }
}

public enum Sex: String, Codable, Sendable, CaseIterable, Hashable { case male, female }

/// Pregnancy and lactation change the RDA (iom-1997).
public enum LifeStage: String, Codable, Sendable, CaseIterable, Hashable { case none, pregnant, lactating }

public struct RDARow: Codable, Sendable, Hashable {
    /// Age range in months, inclusive at both ends (0–6 months, 1–3 years = 12–47, 51+ open).
    public var minMonths: Int
    public var maxMonths: Int?
    public var male: Int
    public var female: Int
    public var pregnant: Int?
    public var lactating: Int?
    /// Infants: Adequate Intake rather than an RDA.
    public var adequateIntake: Bool
}

public struct UpperLimitRow: Codable, Sendable, Hashable {
    public var minMonths: Int
    public var maxMonths: Int?
    /// nil: none set (infants: no supplements).
    public var mg: Int?
}

public struct Interaction: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var medicines: String
    public var advice: String
    public var source: String
}

public struct SafetyNote: Codable, Sendable, Hashable {
    public var text: String
    public var source: String
}

public struct EvidenceStatement: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var claim: String
    public var strength: EvidenceStrength
    /// The source's own words for the strength, e.g. "probably effective (level B)".
    public var sourceGrade: String?
    public var figures: String?
    public var source: String
}

public struct ReferenceTables: Codable, Sendable, Hashable {
    public var rda: [RDARow]
    public var supplementUpperLimit: [UpperLimitRow]
    /// Label Daily Value, adults and children 4+.
    public var dailyValueMg: Int
    public var dailyValueSource: String
    /// EFSA's lower limit for supplemental magnesium, shown beside the IOM one.
    public var efsaSupplementLimitMg: Int
    public var efsaSupplementLimitSource: String
    public var interactions: [Interaction]
    public var safety: [SafetyNote]
    public var evidence: [EvidenceStatement]
    public var source: String
}
