import ArgumentParser
import MagRelaxCore
import MagRelaxStore

/// `magrelax profile` prints the profile; `magrelax profile set …` changes it without the screens.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Print your profile, or set fields of it with `profile set`.",
        subcommands: [Show.self, Set.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print your profile.")
        @OptionGroup var data: DataDirOption

        func run() throws {
            let store = StoreAccess.open(data, readOnly: true)
            guard let profile = store.profile else {
                fail("no profile yet: start magrelax, or run `magrelax profile set --accept-disclaimer --age … --sex … --goal …`")
            }
            let catalogue = StoreAccess.catalogue()
            print(ProfileText.lines(profile, catalogue: catalogue).joined(separator: "\n"))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set profile fields, with the same checks as the profile screen.",
            discussion: """
                A first profile needs --accept-disclaimer, --age, --sex and --goal; the plan starts today unless \
                --start-date says otherwise. A bad value prints one line, exits non-zero and changes nothing.
                """)

        @OptionGroup var data: DataDirOption
        @Flag(name: .customLong("accept-disclaimer"), help: "Accept: magrelax is education, not medical advice.")
        var acceptDisclaimer = false
        @Option(help: ArgumentHelp("Age in whole years (1–120).", valueName: "years")) var age: String?
        @Option(help: ArgumentHelp("female or male.", valueName: "sex")) var sex: String?
        @Option(name: .customLong("life-stage"), help: ArgumentHelp("none, pregnant or breastfeeding.", valueName: "stage"))
        var lifeStage: String?
        @Option(name: .customLong("kidney-disease"), help: ArgumentHelp("yes or no.", valueName: "yes|no"))
        var kidneyDisease: String?
        @Option(name: .customLong("heart-lung-disease"), help: ArgumentHelp("yes or no.", valueName: "yes|no"))
        var heartLungDisease: String?
        @Option(help: ArgumentHelp(
            "Comma-separated: " + InteractingMedicine.allCases.map(\.rawValue).joined(separator: ", ") + ", or none.",
            valueName: "list"))
        var medicines: String?
        @Option(help: ArgumentHelp(Goal.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "goal"))
        var goal: String?
        @Option(name: .customLong("start-date"), help: ArgumentHelp("The plan's first day.", valueName: "YYYY-MM-DD"))
        var startDate: String?
        @Option(help: ArgumentHelp("Supplement form id (see the Food pane), or none.", valueName: "id")) var form: String?
        @Option(name: .customLong("dose-mg"), help: ArgumentHelp("Elemental magnesium per day, mg.", valueName: "mg"))
        var doseMg: String?
        @Option(name: .customLong("clinician-directed"), help: ArgumentHelp("A clinician directed my dose: yes or no.", valueName: "yes|no"))
        var clinicianDirected: String?
        @Option(name: .customLong("week-start"), help: ArgumentHelp("monday or sunday.", valueName: "day"))
        var weekStart: String?
        @Option(help: ArgumentHelp("A bell at each breathing phase: yes or no.", valueName: "yes|no"))
        var bell: String?

        func run() throws {
            let catalogue = StoreAccess.catalogue()
            let known = catalogue.doseFormIDs
            let today = CalendarDay(SystemClock.now())
            // Parse everything before opening the store: a bad value changes nothing.
            let parsed: ProfileEdits
            do {
                parsed = try ProfileEdits(self, knownFormIDs: known)
            } catch {
                fail(error.message)
            }
            let store = StoreAccess.open(data)
            var profile: Profile
            if let existing = store.profile {
                profile = existing
            } else {
                guard let age = parsed.age, let sex = parsed.sex, let goal = parsed.goal else {
                    fail("no profile yet: give at least --age, --sex and --goal (and --accept-disclaimer)")
                }
                profile = Profile(ageYears: age, sex: sex, goal: goal, planStart: today)
            }
            if acceptDisclaimer && profile.disclaimerAccepted == nil { profile.disclaimerAccepted = today }
            guard profile.disclaimerAccepted != nil else {
                fail("accept the disclaimer first (--accept-disclaimer): magrelax is education, not medical advice; "
                    + "see a clinician before supplements if you have kidney disease, take medicines, or are pregnant")
            }
            parsed.apply(to: &profile)
            let issues = profile.validate(catalogue: catalogue)
            if let error = issues.first(where: { $0.severity == .error }) { fail(error.message) }
            for warning in issues where warning.severity == .warning { warn(warning.message) }
            // A new goal or start date keeps the plan so far (as the profile screen does).
            let history = PlanHistory.changes(from: store.profile, to: profile, journal: store.journal, today: today)
            do {
                try store.setProfile(profile)
            } catch {
                fail(error.description)
            }
            if !history.isEmpty { StoreAccess.record(history, in: store) }
            print(ProfileText.lines(profile, catalogue: catalogue).joined(separator: "\n"))
        }
    }
}

/// The fields `profile set` was given, each parsed with the form's rules.
struct ProfileEdits {
    var age: Int?, sex: Sex?, lifeStage: LifeStage?, kidney: Bool?, heartLung: Bool?
    var medicines: Swift.Set<InteractingMedicine>?, goal: Goal?, start: CalendarDay?, form: String??
    var dose: Double?, clinician: Bool?, weekStart: WeekStart?, bell: Bool?

    init(_ c: ProfileCommand.Set, knownFormIDs: Swift.Set<String>) throws(ProfileIssue) {
        age = try c.age.map { text throws(ProfileIssue) in try ProfileInput.age(text).get() }
        sex = try c.sex.map { text throws(ProfileIssue) in try ProfileInput.sex(text).get() }
        lifeStage = try c.lifeStage.map { text throws(ProfileIssue) in try ProfileInput.lifeStage(text).get() }
        kidney = try c.kidneyDisease.map { text throws(ProfileIssue) in try ProfileInput.yesNo(text, field: .kidneyDisease).get() }
        heartLung = try c.heartLungDisease.map { text throws(ProfileIssue) in
            try ProfileInput.yesNo(text, field: .heartOrLungDisease).get()
        }
        medicines = try c.medicines.map { text throws(ProfileIssue) in try ProfileInput.medicines(text).get() }
        goal = try c.goal.map { text throws(ProfileIssue) in try ProfileInput.goal(text).get() }
        start = try c.startDate.map { text throws(ProfileIssue) in try ProfileInput.date(text).get() }
        form = try c.form.map { text throws(ProfileIssue) in try ProfileInput.form(text, knownFormIDs: knownFormIDs).get() }
        dose = try c.doseMg.map { text throws(ProfileIssue) in try ProfileInput.dose(text).get() }
        clinician = try c.clinicianDirected.map { text throws(ProfileIssue) in
            try ProfileInput.yesNo(text, field: .clinicianDirectedDose).get()
        }
        weekStart = try c.weekStart.map { text throws(ProfileIssue) in try ProfileInput.weekStart(text).get() }
        bell = try c.bell.map { text throws(ProfileIssue) in try ProfileInput.yesNo(text, field: .bellCues).get() }
    }

    func apply(to p: inout Profile) {
        if let age { p.ageYears = age }
        if let sex { p.sex = sex }
        if let lifeStage { p.lifeStage = lifeStage }
        if let kidney { p.kidneyDisease = kidney }
        if let heartLung { p.heartOrLungDisease = heartLung }
        if let medicines { p.medicines = medicines }
        if let goal { p.goal = goal }
        if let start { p.planStart = start }
        if let form { p.supplementFormID = form }
        if let dose { p.doseMg = dose }
        if let clinician { p.clinicianDirectedDose = clinician }
        if let weekStart { p.weekStart = weekStart }
        if let bell { p.bellCues = bell }
    }
}

/// The profile as "Label: value" lines, then any warnings.
enum ProfileText {
    static func lines(_ profile: Profile, catalogue: Catalogue) -> [String] {
        let fields = profile.fieldTexts { id in catalogue.form(id: id)?.name ?? id }
        let width = fields.map(\.field.label.count).max() ?? 0
        var out = fields.map { $0.field.label + ":" + String(repeating: " ", count: width - $0.field.label.count + 2) + $0.text }
        for issue in profile.validate(catalogue: catalogue) {
            out.append(issue.description)
        }
        return out
    }
}
