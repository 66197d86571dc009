import MagRelaxCore
import TerminalUI

/// The first-start welcome (with the disclaimer) and the profile form, driven by the keyboard.
/// Every field is checked as it changes, with Core's messages; the form saves only when nothing is
/// wrong, on Enter at its last field (the plan start date).
public struct ProfileScreen: Sendable, Hashable {
    public enum Stage: Sendable, Hashable { case welcome, form }

    enum Row: Sendable, Hashable {
        case age, sex, lifeStage, kidney, heartLung, medicine(InteractingMedicine), goal, form, dose, clinician
        case weekStart, bell, planStart

        var field: ProfileField {
            switch self {
            case .age: .age
            case .sex: .sex
            case .lifeStage: .lifeStage
            case .kidney: .kidneyDisease
            case .heartLung: .heartOrLungDisease
            case .medicine: .medicines
            case .goal: .goal
            case .form: .supplementForm
            case .dose: .dose
            case .clinician: .clinicianDirectedDose
            case .weekStart: .weekStart
            case .bell: .bellCues
            case .planStart: .planStart
            }
        }

        var label: String {
            if case .medicine(let m) = self { return "On " + m.shortLabel }
            return field.label
        }
    }

    static let rows: [Row] =
        [.age, .sex, .lifeStage, .kidney, .heartLung] + InteractingMedicine.allCases.map(Row.medicine)
        + [.goal, .form, .dose, .clinician, .weekStart, .bell, .planStart]

    public var stage: Stage
    /// No profile was saved yet: Esc goes back to the welcome instead of closing.
    public let firstStart: Bool
    var row = 0
    var age: TextField
    var sex: Sex
    var lifeStage: LifeStage
    var kidney: Bool
    var heartLung: Bool
    var medicines: Set<InteractingMedicine>
    var goal: Goal
    var formID: String?
    var dose: TextField
    var clinician: Bool
    var weekStart: WeekStart
    var bell: Bool
    var start: TextField
    var disclaimerAccepted: CalendarDay?
    /// Set after Enter on the last field found problems: every message then shows.
    var triedToSave = false

    public init(profile: Profile?, catalogue: Catalogue, today: CalendarDay) {
        firstStart = profile == nil
        stage = profile?.disclaimerAccepted == nil ? .welcome : .form
        age = TextField(profile.map { String($0.ageYears) } ?? "", maxLength: 3, filter: .digits)
        sex = profile?.sex ?? .female
        lifeStage = profile?.lifeStage ?? .none
        kidney = profile?.kidneyDisease ?? false
        heartLung = profile?.heartOrLungDisease ?? false
        medicines = profile?.medicines ?? []
        goal = profile?.goal ?? .soreness
        formID = profile?.supplementFormID
        dose = TextField(profile.map { ProfileScreen.number($0.doseMg) } ?? "0", maxLength: 7, filter: .decimal)
        clinician = profile?.clinicianDirectedDose ?? false
        weekStart = profile?.weekStart ?? .monday
        bell = profile?.bellCues ?? false
        start = TextField((profile?.planStart ?? today).description, maxLength: 10, filter: .isoDate)
        disclaimerAccepted = profile?.disclaimerAccepted
    }

    enum Outcome: Sendable, Hashable {
        case stay, quit, close
        case save(Profile)
    }

    // MARK: Values and checks

    /// The profile the fields describe, when every text field reads; nil while one does not.
    func candidate() -> Profile? {
        guard case .success(let age) = ProfileInput.age(age.text), case .success(let dose) = ProfileInput.dose(dose.text),
            case .success(let start) = ProfileInput.date(start.text)
        else { return nil }
        return Profile(
            ageYears: age, sex: sex, lifeStage: lifeStage, kidneyDisease: kidney, heartOrLungDisease: heartLung,
            medicines: medicines, goal: goal, planStart: start, supplementFormID: formID, doseMg: dose,
            clinicianDirectedDose: clinician, weekStart: weekStart, bellCues: bell, disclaimerAccepted: disclaimerAccepted)
    }

    /// The message for each field that has one: a text that does not read, then the profile's own checks.
    func issues(_ catalogue: Catalogue) -> [ProfileField: ProfileIssue] {
        var out: [ProfileField: ProfileIssue] = [:]
        if case .failure(let issue) = ProfileInput.age(age.text), triedToSave || !age.isEmpty { out[.age] = issue }
        if case .failure(let issue) = ProfileInput.dose(dose.text), triedToSave || !dose.isEmpty { out[.dose] = issue }
        if case .failure(let issue) = ProfileInput.date(start.text) { out[.planStart] = issue }
        if let profile = candidate() {
            for issue in profile.validate(catalogue: catalogue) where out[issue.field] == nil || issue.severity == .error {
                if out[issue.field]?.severity != .error { out[issue.field] = issue }
            }
        }
        return out
    }

    static func formChoices(_ catalogue: Catalogue) -> [String?] {
        [nil] + catalogue.forms.filter { !$0.topical }.map(\.id)
    }

    static func number(_ mg: Double) -> String { mg == mg.rounded() && abs(mg) < 1e9 ? String(Int(mg)) : String(mg) }

    // MARK: Keys

    mutating func handle(_ key: Key, catalogue: Catalogue, today: CalendarDay) -> Outcome {
        switch stage {
        case .welcome:
            switch key {
            case .enter, .char("a"):
                disclaimerAccepted = today
                stage = .form
            case .char("q"), .ctrl("c"):
                return .quit
            case .escape:
                return firstStart ? .stay : .close
            default:
                break
            }
            return .stay
        case .form:
            return handleForm(key, catalogue: catalogue)
        }
    }

    private mutating func handleForm(_ key: Key, catalogue: Catalogue) -> Outcome {
        let current = ProfileScreen.rows[row]
        // The text fields take typing and cursor keys; on the date, ←→ and Space still move a day.
        let stepsDate = current == .planStart && [Key.left, .right, .char(" ")].contains(key)
        if let field = ProfileScreen.textField(current), !stepsDate, self[keyPath: field].handle(key) != .ignored {
            return .stay
        }
        switch key {
        case .ctrl("c"):
            return .quit
        case .escape:
            if firstStart {
                stage = .welcome
                return .stay
            }
            return .close
        case .up, .backTab:
            row = max(0, row - 1)
        case .down, .tab:
            row = min(ProfileScreen.rows.count - 1, row + 1)
        case .enter:
            guard current == .planStart else {
                row += 1
                return .stay
            }
            triedToSave = true
            guard let profile = candidate(), !issues(catalogue).values.contains(where: { $0.severity == .error }) else {
                return .stay
            }
            return .save(profile)
        case .left:
            change(current, by: -1, catalogue)
        case .right, .char(" "):
            change(current, by: 1, catalogue)
        default:
            break
        }
        return .stay
    }

    /// Left/Right (and Space) step a choice, flip a yes/no, or move the date by a day.
    private mutating func change(_ row: Row, by step: Int, _ catalogue: Catalogue) {
        func cycle<T: Equatable>(_ value: T, _ all: [T]) -> T {
            let i = all.firstIndex(of: value) ?? 0
            return all[(i + step + all.count) % all.count]
        }
        switch row {
        case .sex: sex = cycle(sex, Sex.allCases)
        case .lifeStage: lifeStage = cycle(lifeStage, LifeStage.allCases)
        case .kidney: kidney.toggle()
        case .heartLung: heartLung.toggle()
        case .medicine(let m):
            if medicines.contains(m) { medicines.remove(m) } else { medicines.insert(m) }
        case .goal: goal = cycle(goal, Goal.allCases)
        case .form: formID = cycle(formID, ProfileScreen.formChoices(catalogue))
        case .clinician: clinician.toggle()
        case .weekStart: weekStart = cycle(weekStart, WeekStart.allCases)
        case .bell: bell.toggle()
        case .planStart:
            if let day = CalendarDay(iso: start.text) { start.set(day.adding(days: step).description) }
        case .age, .dose:
            break
        }
    }

    /// The field a text row edits.
    static func textField(_ row: Row) -> WritableKeyPath<ProfileScreen, TextField>? {
        switch row {
        case .age: \.age
        case .dose: \.dose
        case .planStart: \.start
        default: nil
        }
    }

    // MARK: Hints

    var hints: [KeyHint] {
        switch stage {
        case .welcome:
            return [KeyHint("Enter", "I understand, continue"), KeyHint("q", "quit")]
        case .form:
            let last = ProfileScreen.rows[row] == .planStart
            return [
                KeyHint("↑↓", "field"), KeyHint("←→ Space", "change"), KeyHint("0-9 Bksp", "type"),
                KeyHint("Enter", last ? "save" : "next"), KeyHint("Esc", firstStart ? "back" : "cancel"),
            ]
        }
    }
}

extension InteractingMedicine {
    /// Short enough for a form row.
    var shortLabel: String {
        switch self {
        case .bisphosphonate: "bisphosphonates"
        case .tetracyclineOrQuinolone: "tetracycline/quinolone antibiotics"
        case .lossDiuretic: "loop or thiazide diuretics"
        case .potassiumSparingDiuretic: "potassium-sparing diuretics"
        case .protonPumpInhibitor: "proton-pump inhibitors"
        }
    }
}
