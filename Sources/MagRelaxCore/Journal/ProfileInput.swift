/// Reading profile fields from text, shared by the profile form and `magrelax profile set`, so both
/// accept the same words and give the same messages.
public enum ProfileInput {
    public static func age(_ text: String) -> Result<Int, ProfileIssue> {
        guard let n = Int(text.trimmed) else {
            return .failure(ProfileIssue(field: .age, severity: .error, message: "Age must be a whole number of years from 1 to 120."))
        }
        if let issue = Profile.validateAge(n) { return .failure(issue) }
        return .success(n)
    }

    public static func sex(_ text: String) -> Result<Sex, ProfileIssue> {
        choice(text, field: .sex, Sex.allCases.map { ($0.rawValue, $0) }, what: "Sex")
    }

    public static let lifeStageWords: [(String, LifeStage)] = [
        ("none", .none), ("pregnant", .pregnant), ("breastfeeding", .lactating), ("lactating", .lactating),
    ]

    public static func lifeStage(_ text: String) -> Result<LifeStage, ProfileIssue> {
        choice(text, field: .lifeStage, lifeStageWords, what: "Pregnancy", shown: 3)
    }

    public static func goal(_ text: String) -> Result<Goal, ProfileIssue> {
        choice(text, field: .goal, Goal.allCases.map { ($0.rawValue, $0) }, what: "Goal")
    }

    public static func weekStart(_ text: String) -> Result<WeekStart, ProfileIssue> {
        choice(text, field: .weekStart, WeekStart.allCases.map { ($0.rawValue, $0) }, what: "Week start")
    }

    public static func yesNo(_ text: String, field: ProfileField) -> Result<Bool, ProfileIssue> {
        choice(text, field: field, [("yes", true), ("no", false), ("true", true), ("false", false), ("on", true), ("off", false)],
               what: "The value", shown: 2)
    }

    public static func date(_ text: String, field: ProfileField = .planStart) -> Result<CalendarDay, ProfileIssue> {
        guard let day = CalendarDay(iso: text.trimmed) else {
            return .failure(ProfileIssue(field: field, severity: .error, message: "Date must be a real day written YYYY-MM-DD, e.g. 2026-11-02."))
        }
        return .success(day)
    }

    /// A catalogue form id, or "none" for food only.
    public static func form(_ text: String, knownFormIDs: Set<String>) -> Result<String?, ProfileIssue> {
        let word = text.trimmed.lowercased()
        if word == "none" || word.isEmpty { return .success(nil) }
        guard knownFormIDs.contains(word) else {
            return .failure(ProfileIssue(
                field: .supplementForm, severity: .error,
                message: "Unknown supplement form \"\(text.trimmed)\"; known: none, " + knownFormIDs.sorted().joined(separator: ", ") + "."))
        }
        return .success(word)
    }

    /// A dose in mg of elemental magnesium; the limit check needs the clinician flag, so it is separate.
    public static func dose(_ text: String) -> Result<Double, ProfileIssue> {
        guard let mg = Double(text.trimmed), mg.isFinite, mg >= 0 else {
            return .failure(ProfileIssue(field: .dose, severity: .error, message: "Dose must be a number of mg, 0 or more."))
        }
        return .success(mg)
    }

    public static let medicineWords: [(String, InteractingMedicine)] = InteractingMedicine.allCases.map { ($0.rawValue, $0) }

    /// A comma-separated list of medicine ids, or "none".
    public static func medicines(_ text: String) -> Result<Set<InteractingMedicine>, ProfileIssue> {
        let words = text.split(separator: ",").map { String($0).trimmed.lowercased() }.filter { !$0.isEmpty }
        if words == ["none"] || words.isEmpty { return .success([]) }
        var out = Set<InteractingMedicine>()
        for word in words {
            guard let m = InteractingMedicine(rawValue: word) else {
                return .failure(ProfileIssue(
                    field: .medicines, severity: .error,
                    message: "Unknown medicine \"\(word)\"; known: none, " + medicineWords.map(\.0).joined(separator: ", ") + "."))
            }
            out.insert(m)
        }
        return .success(out)
    }

    private static func choice<T>(
        _ text: String, field: ProfileField, _ words: [(String, T)], what: String, shown: Int? = nil
    ) -> Result<T, ProfileIssue> {
        let word = text.trimmed.lowercased()
        if let hit = words.first(where: { $0.0 == word }) { return .success(hit.1) }
        let list = words.prefix(shown ?? words.count).map(\.0).joined(separator: ", ")
        return .failure(ProfileIssue(field: field, severity: .error, message: "\(what) must be one of: \(list) (not \"\(text.trimmed)\")."))
    }
}

extension LifeStage {
    /// The word people use (the raw value says "lactating").
    public var word: String { self == .lactating ? "breastfeeding" : rawValue }
}

extension ProfileField {
    /// The field's name on the form and in `magrelax profile`.
    public var label: String {
        switch self {
        case .age: "Age"
        case .sex: "Sex"
        case .lifeStage: "Pregnant or breastfeeding"
        case .kidneyDisease: "Kidney disease"
        case .heartOrLungDisease: "Heart or lung disease"
        case .medicines: "Medicines"
        case .goal: "Goal"
        case .planStart: "Plan start date"
        case .supplementForm: "Supplement form"
        case .dose: "Dose (elemental mg/day)"
        case .clinicianDirectedDose: "A clinician directed my dose"
        case .weekStart: "Week starts on"
        case .bellCues: "Bell at breathing phases"
        case .disclaimer: "Disclaimer accepted"
        }
    }
}

extension Profile {
    /// Each field as text, in form order; `formName` turns a form id into its catalogue name.
    public func fieldTexts(formName: (String) -> String) -> [(field: ProfileField, text: String)] {
        func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }
        let dose = doseMg == doseMg.rounded() ? String(Int(doseMg)) : String(doseMg)
        return [
            (.age, "\(ageYears)"),
            (.sex, sex.rawValue),
            (.lifeStage, lifeStage.word),
            (.kidneyDisease, yesNo(kidneyDisease)),
            (.heartOrLungDisease, yesNo(heartOrLungDisease)),
            (.medicines, medicines.isEmpty ? "none" : medicines.sorted().map(\.rawValue).joined(separator: ", ")),
            (.goal, "\(goal.rawValue) (\(goal.label))"),
            (.supplementForm, supplementFormID.map { "\($0) (\(formName($0)))" } ?? "none (food only)"),
            (.dose, dose),
            (.clinicianDirectedDose, yesNo(clinicianDirectedDose)),
            (.weekStart, weekStart.rawValue),
            (.bellCues, yesNo(bellCues)),
            (.planStart, planStart.description),
            (.disclaimer, disclaimerAccepted?.description ?? "not yet"),
        ]
    }
}

extension Catalogue {
    /// Supplement forms a profile may name: topical ones (flakes, Epsom baths) are not a dose.
    public var doseFormIDs: Set<String> { Set(forms.filter { !$0.topical }.map(\.id)) }
}

extension Profile {
    /// Validation against the catalogue: its forms, and the supplement limit for this age (65 mg at
    /// 1–3, 110 mg at 4–8, 350 mg from 9; iom-1997).
    public func validate(catalogue: Catalogue) -> [ProfileIssue] {
        validate(knownFormIDs: catalogue.doseFormIDs, upperLimitMg: upperLimit(catalogue))
    }

    func upperLimit(_ catalogue: Catalogue) -> Double {
        catalogue.reference.supplementUpperLimitMg(ageYears: ageYears).map(Double.init) ?? Profile.supplementUpperLimitMg
    }
}
