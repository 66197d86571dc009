/// Medicines that interact with magnesium (ods-mg).
public enum InteractingMedicine: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case bisphosphonate = "bisphosphonate"
    case tetracyclineOrQuinolone = "tetracycline-quinolone"
    /// Loop and thiazide diuretics drain magnesium.
    case lossDiuretic = "diuretic-loop-thiazide"
    /// Potassium-sparing diuretics retain it.
    case potassiumSparingDiuretic = "diuretic-potassium-sparing"
    case protonPumpInhibitor = "proton-pump-inhibitor"

    public var label: String {
        switch self {
        case .bisphosphonate: "Bisphosphonates (alendronate…)"
        case .tetracyclineOrQuinolone: "Tetracycline or quinolone antibiotics (doxycycline, ciprofloxacin…)"
        case .lossDiuretic: "Loop or thiazide diuretics (furosemide, hydrochlorothiazide)"
        case .potassiumSparingDiuretic: "Potassium-sparing diuretics (spironolactone, amiloride)"
        case .protonPumpInhibitor: "Proton-pump inhibitors (omeprazole…)"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum WeekStart: String, Codable, Sendable, CaseIterable, Hashable {
    case monday, sunday

    /// Weekday number (0 = Sunday) the week begins on.
    public var weekday: Int { self == .monday ? 1 : 0 }
}

/// What the person told the app about themselves. Everything here changes advice, so it is validated.
public struct Profile: Sendable, Hashable, Codable {
    public var ageYears: Int
    public var sex: Sex
    public var lifeStage: LifeStage
    public var kidneyDisease: Bool
    public var heartOrLungDisease: Bool
    public var medicines: Set<InteractingMedicine>
    public var goal: Goal
    public var planStart: CalendarDay
    /// A supplement form id from the catalogue, or nil for "food only".
    public var supplementFormID: String?
    /// Elemental magnesium per day from the supplement, mg.
    public var doseMg: Double
    public var clinicianDirectedDose: Bool
    /// Kidney disease without a clinician's direction: the risk of magnesium toxicity holds every
    /// supplement suggestion back (plan, food log, cautions). With their direction the dose is theirs.
    public var kidneysHoldSupplements: Bool { kidneyDisease && !clinicianDirectedDose }
    public var weekStart: WeekStart
    /// A bell at each breathing phase change (off by default: many terminals beep loudly).
    public var bellCues: Bool
    /// The day the person accepted the disclaimer; nil until they do.
    public var disclaimerAccepted: CalendarDay?

    public init(
        ageYears: Int, sex: Sex, lifeStage: LifeStage = .none, kidneyDisease: Bool = false,
        heartOrLungDisease: Bool = false, medicines: Set<InteractingMedicine> = [], goal: Goal,
        planStart: CalendarDay, supplementFormID: String? = nil, doseMg: Double = 0,
        clinicianDirectedDose: Bool = false, weekStart: WeekStart = .monday, bellCues: Bool = false,
        disclaimerAccepted: CalendarDay? = nil
    ) {
        self.ageYears = ageYears
        self.sex = sex
        self.lifeStage = lifeStage
        self.kidneyDisease = kidneyDisease
        self.heartOrLungDisease = heartOrLungDisease
        self.medicines = medicines
        self.goal = goal
        self.planStart = planStart
        self.supplementFormID = supplementFormID
        self.doseMg = doseMg
        self.clinicianDirectedDose = clinicianDirectedDose
        self.weekStart = weekStart
        self.bellCues = bellCues
        self.disclaimerAccepted = disclaimerAccepted
    }

    enum CodingKeys: String, CodingKey {
        case ageYears, sex, lifeStage, kidneyDisease, heartOrLungDisease, medicines, goal, planStart
        case supplementFormID = "supplementForm"
        case doseMg, clinicianDirectedDose, weekStart, bellCues, disclaimerAccepted
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ageYears = try c.decode(Int.self, forKey: .ageYears)
        sex = try c.decode(Sex.self, forKey: .sex)
        lifeStage = try c.decodeIfPresent(LifeStage.self, forKey: .lifeStage) ?? .none
        kidneyDisease = try c.decodeIfPresent(Bool.self, forKey: .kidneyDisease) ?? false
        heartOrLungDisease = try c.decodeIfPresent(Bool.self, forKey: .heartOrLungDisease) ?? false
        medicines = Set(try c.decodeIfPresent([InteractingMedicine].self, forKey: .medicines) ?? [])
        goal = try c.decode(Goal.self, forKey: .goal)
        planStart = try c.decode(CalendarDay.self, forKey: .planStart)
        supplementFormID = try c.decodeIfPresent(String.self, forKey: .supplementFormID)
        doseMg = try c.decodeIfPresent(Double.self, forKey: .doseMg) ?? 0
        clinicianDirectedDose = try c.decodeIfPresent(Bool.self, forKey: .clinicianDirectedDose) ?? false
        weekStart = try c.decodeIfPresent(WeekStart.self, forKey: .weekStart) ?? .monday
        bellCues = try c.decodeIfPresent(Bool.self, forKey: .bellCues) ?? false
        disclaimerAccepted = try c.decodeIfPresent(CalendarDay.self, forKey: .disclaimerAccepted)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ageYears, forKey: .ageYears)
        try c.encode(sex, forKey: .sex)
        try c.encode(lifeStage, forKey: .lifeStage)
        try c.encode(kidneyDisease, forKey: .kidneyDisease)
        try c.encode(heartOrLungDisease, forKey: .heartOrLungDisease)
        // Sorted so the same profile always writes the same bytes.
        try c.encode(medicines.sorted(), forKey: .medicines)
        try c.encode(goal, forKey: .goal)
        try c.encode(planStart, forKey: .planStart)
        try c.encodeIfPresent(supplementFormID, forKey: .supplementFormID)
        try c.encode(doseMg, forKey: .doseMg)
        try c.encode(clinicianDirectedDose, forKey: .clinicianDirectedDose)
        try c.encode(weekStart, forKey: .weekStart)
        try c.encode(bellCues, forKey: .bellCues)
        try c.encodeIfPresent(disclaimerAccepted, forKey: .disclaimerAccepted)
    }
}

/// The profile's fields, for pointing a message at the right line of the form or CLI flag.
public enum ProfileField: String, Sendable, CaseIterable, Hashable {
    case age, sex, lifeStage, kidneyDisease, heartOrLungDisease, medicines, goal, planStart
    case supplementForm, dose, clinicianDirectedDose, weekStart, bellCues, disclaimer
}

public struct ProfileIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var field: ProfileField
    public var severity: Severity
    public var message: String

    public init(field: ProfileField, severity: Severity, message: String) {
        self.field = field
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(severity == .error ? "error" : "warning"): \(message)" }
}

extension Profile {
    public static let ageRange = 1...120
    /// Upper limit for supplemental magnesium, ages 9 and over incl. pregnancy and lactation (iom-1997, ods-mg).
    public static let supplementUpperLimitMg = 350.0
    /// Not a health figure: a bound that catches typos (an extra zero) in clinician-directed doses.
    /// For scale, the highest dose in the cited trials is 600 mg (aan-ahs-2012).
    public static let clinicianDoseInputCapMg = 1000.0

    public static func validateAge(_ age: Int) -> ProfileIssue? {
        Profile.ageRange.contains(age)
            ? nil
            : ProfileIssue(field: .age, severity: .error, message: "Age must be a whole number of years from 1 to 120.")
    }

    /// Dose checks: errors refuse the value, warnings are shown beside it.
    public static func validateDose(_ mg: Double, clinicianDirected: Bool, upperLimitMg: Double = supplementUpperLimitMg)
        -> ProfileIssue?
    {
        guard mg.isFinite, mg >= 0 else {
            return ProfileIssue(field: .dose, severity: .error, message: "Dose must be a number of mg, 0 or more.")
        }
        if mg <= upperLimitMg { return nil }
        let limit = Int(upperLimitMg)
        guard clinicianDirected else {
            return ProfileIssue(
                field: .dose, severity: .error,
                message:
                    "Dose is above the \(limit) mg/day upper limit for supplements; more only if a clinician directed it (mark that first)."
            )
        }
        guard mg <= clinicianDoseInputCapMg else {
            return ProfileIssue(
                field: .dose, severity: .error,
                message: "Dose above \(Int(clinicianDoseInputCapMg)) mg/day is not accepted; check the number.")
        }
        return ProfileIssue(
            field: .dose, severity: .warning,
            message: "Above the \(limit) mg/day upper limit: follow your clinician; stop and get care if you get diarrhoea, nausea or weakness."
        )
    }

    /// Every problem with the profile. `knownFormIDs` are the catalogue's supplement form ids;
    /// `upperLimitMg` the supplemental upper limit for this person's age (350 mg from age 9).
    public func validate(knownFormIDs: Set<String>, upperLimitMg: Double = supplementUpperLimitMg) -> [ProfileIssue] {
        var issues: [ProfileIssue] = []
        if let issue = Profile.validateAge(ageYears) { issues.append(issue) }
        if lifeStage != .none && sex != .female {
            issues.append(
                ProfileIssue(
                    field: .lifeStage, severity: .error,
                    message: "Pregnant or breastfeeding needs sex set to female (the intake tables are by sex)."))
        }
        if let form = supplementFormID, !knownFormIDs.contains(form) {
            let known = knownFormIDs.sorted().joined(separator: ", ")
            issues.append(
                ProfileIssue(
                    field: .supplementForm, severity: .error,
                    message: "Unknown supplement form \"\(form)\"; known: \(known)."))
        }
        if let issue = Profile.validateDose(doseMg, clinicianDirected: clinicianDirectedDose, upperLimitMg: upperLimitMg) {
            issues.append(issue)
        }
        if doseMg > 0 && supplementFormID == nil {
            issues.append(
                ProfileIssue(field: .supplementForm, severity: .error, message: "Choose a supplement form for the dose."))
        }
        if kidneysHoldSupplements && doseMg > 0 {
            issues.append(
                ProfileIssue(
                    field: .dose, severity: .warning,
                    message: "With kidney disease, ask your doctor before taking magnesium supplements."))
        }
        return issues
    }

    /// True when nothing in `validate` is an error.
    public func isValid(knownFormIDs: Set<String>, upperLimitMg: Double = supplementUpperLimitMg) -> Bool {
        !validate(knownFormIDs: knownFormIDs, upperLimitMg: upperLimitMg).contains { $0.severity == .error }
    }
}
