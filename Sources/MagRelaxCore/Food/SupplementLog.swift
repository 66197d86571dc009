// Logging supplements: a dose given as elemental or compound mg (form-chem shares), held against the
// person's upper limit for supplemental magnesium (iom-1997, ods-mg), and the cautions of their profile.

/// A dose as the person gives it: the elemental magnesium most labels print, or the compound's weight.
public enum SupplementAmount: Sendable, Hashable {
    case elemental(Double)
    case compound(Double)

    public var value: Double {
        switch self {
        case .elemental(let mg), .compound(let mg): mg
        }
    }

}

public enum SupplementLogError: Error, Sendable, Hashable, CustomStringConvertible {
    case notANumber
    case outOfRange
    /// Flakes, sprays and Epsom baths are not a dose (grober-2017).
    case topical(form: String)
    case unknownForm(String)

    public var description: String {
        switch self {
        case .notANumber, .outOfRange:
            "The dose must be a number of mg from \(NumberText.plain(SupplementLog.mgRange.lowerBound)) to "
                + "\(NumberText.plain(SupplementLog.mgRange.upperBound))."
        case .topical(let form):
            "\(form) goes on the skin: there is no good evidence it raises the body's magnesium, so it is not logged as a dose."
        case .unknownForm(let id): "No supplement form \"\(id)\"."
        }
    }
}

public enum SupplementLog {
    /// An input bound that catches typos (an extra zero), not a health figure: the journal records
    /// what was taken, and doses past the person's limit are warned about, not refused.
    public static let mgRange = 1.0...10_000.0

    /// Reads a dose typed as elemental (or, with `compound`, compound) mg.
    public static func amount(_ text: String, compound: Bool) -> Result<SupplementAmount, SupplementLogError> {
        guard let mg = Double(text.trimmed), mg.isFinite else { return .failure(.notANumber) }
        guard mgRange.contains(mg) else { return .failure(.outOfRange) }
        return .success(compound ? .compound(mg) : .elemental(mg))
    }

    /// The dose an entry keeps: elemental mg always, the compound's weight when that was given.
    public static func dose(_ form: SupplementForm, _ amount: SupplementAmount) -> Result<SupplementDose, SupplementLogError> {
        guard !form.topical else { return .failure(.topical(form: form.name)) }
        guard mgRange.contains(amount.value) else { return .failure(.outOfRange) }
        switch amount {
        case .elemental(let mg):
            return .success(SupplementDose(formID: form.id, elementalMg: mg))
        case .compound(let mg):
            return .success(SupplementDose(formID: form.id, elementalMg: form.elementalMg(compoundMg: mg), compoundMg: mg))
        }
    }

    public static func entry(
        _ form: SupplementForm, _ amount: SupplementAmount, day: CalendarDay, time: TimeOfDay? = nil
    ) -> Result<JournalEntry, SupplementLogError> {
        dose(form, amount).map { JournalEntry(id: JournalEntry.newID, day: day, time: time, kind: .supplement($0)) }
    }

    /// The profile's supplement at its daily dose (elemental mg), when it names a form and a dose.
    public static func profileDose(_ profile: Profile?, catalogue: Catalogue) -> (form: SupplementForm, amount: SupplementAmount)? {
        guard let profile, let id = profile.supplementFormID, profile.doseMg > 0,
            let form = catalogue.form(id: id)
        else { return nil }
        return (form, .elemental(profile.doseMg))
    }
}

extension SupplementForm {
    /// "200 mg elemental (1418 mg of magnesium glycinate)": a dose both ways.
    public func bothWays(elementalMg: Double, compoundMg: Double? = nil) -> String {
        let compound = compoundMg ?? self.compoundMg(elementalMg: elementalMg)
        var text = NumberText.mg(elementalMg) + " elemental"
        if let compound { text += " (" + NumberText.mg(compound) + " of compound)" }
        return text
    }
}

/// Supplement magnesium on a day against the person's upper limit. Food never counts toward it.
public struct SupplementCheck: Sendable, Hashable {
    public var supplementMg: Double
    /// nil when the tables set none (under 1: no supplements).
    public var limit: SupplementLimit?
    public var clinicianDirected: Bool

    public init(supplementMg: Double, limit: SupplementLimit?, clinicianDirected: Bool) {
        self.supplementMg = supplementMg
        self.limit = limit
        self.clinicianDirected = clinicianDirected
    }

    public init(supplementMg: Double, profile: Profile?, reference: ReferenceTables) {
        self.init(
            supplementMg: supplementMg, limit: reference.supplementLimit(for: profile),
            clinicianDirected: profile?.clinicianDirectedDose ?? false)
    }

    public var isOver: Bool {
        guard supplementMg > 0 else { return false }
        guard let limit else { return true }
        return supplementMg > Double(limit.mg)
    }

    /// Shown whenever the supplements pass the limit: the clear warning with its reason, or, when a
    /// clinician directed the dose, what to watch for. nil within the limit.
    public var warning: String? {
        guard isOver else { return nil }
        let taken = NumberText.mg(supplementMg)
        guard let limit else {
            return "Supplements: \(taken). No upper limit is set at this age: no supplements."
        }
        if clinicianDirected {
            return "Supplements: \(taken), above the \(limit.mg) mg/day upper limit; your profile says a clinician directed "
                + "your dose: follow their advice, and stop and get care if you get diarrhoea, nausea or weakness."
        }
        return "Supplements: \(taken), above your upper limit of \(limit.mg) mg/day for supplements (\(limit.agesText)). "
            + "Diarrhoea is the first sign of too much: take less, or stop and ask a clinician. "
            + "Food never counts toward this limit."
    }

    /// The warning is a real warning (not a clinician-directed note).
    public var warns: Bool { isOver && !(clinicianDirected && limit != nil) }
}

/// A caution from the person's profile or journal, shown wherever supplements are chosen.
public struct SupplementCaution: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case kidneyDisease
        case medicine(InteractingMedicine)
        case pregnancy
        case breastfeeding
        case redFlag(RecordedRedFlag)
    }

    public var kind: Kind
    public var text: String
    public var source: String
    /// A recent red flag, or kidney disease without a clinician's direction: no supplement suggestions.
    public var holdsSuggestions: Bool

    public init(kind: Kind, text: String, source: String, holdsSuggestions: Bool = false) {
        self.kind = kind
        self.text = text
        self.source = source
        self.holdsSuggestions = holdsSuggestions
    }
}

public enum SupplementCautions {
    /// The person's cautions, most serious first: recent red flags, kidney disease, pregnancy or
    /// breastfeeding, then each medicine's rule.
    public static func list(profile: Profile?, journal: Journal, today: CalendarDay, catalogue: Catalogue) -> [SupplementCaution] {
        let ref = catalogue.reference
        var out: [SupplementCaution] = []
        for flag in RedFlagHold.recent(in: journal, today: today) {
            let known = catalogue.redFlags.first { $0.id == flag.flagID }
            let what = known.map { "\($0.symptom) (\($0.action.label))" } ?? flag.flagID
            out.append(SupplementCaution(
                kind: .redFlag(flag),
                text: "Red flag recorded \(flag.day): \(what). Supplement suggestions are held back: get medical help first.",
                source: known?.source ?? "", holdsSuggestions: true))
        }
        guard let profile else { return out }
        if profile.kidneyDisease, let i = ref.interaction(id: ReferenceTables.kidneyDiseaseInteractionID) {
            out.append(SupplementCaution(
                kind: .kidneyDisease, text: "\(i.medicines): \(i.advice)", source: i.source,
                holdsSuggestions: profile.kidneysHoldSupplements))
        }
        if profile.lifeStage != .none {
            let limit = ref.supplementLimit(for: profile).map { "; the supplement limit stays \($0.mg) mg/day" } ?? ""
            let stage = profile.lifeStage == .pregnant ? "Pregnancy" : "Breastfeeding"
            out.append(SupplementCaution(
                kind: profile.lifeStage == .pregnant ? .pregnancy : .breastfeeding,
                text: "\(stage): ask your clinician before taking supplements\(limit).", source: ref.source))
        }
        for medicine in profile.medicines.sorted() {
            guard let i = ref.interaction(for: medicine) else { continue }
            out.append(SupplementCaution(kind: .medicine(medicine), text: "\(i.medicines): \(i.advice)", source: i.source))
        }
        return out
    }
}
