import ArgumentParser
import MagRelaxCore
import MagRelaxStore

/// `magrelax log food FOOD [--servings N | --grams G] [--date D]` and
/// `magrelax log supplement FORM --mg N [--compound] [--date D]`: one entry, checked as the Food pane
/// checks it, then the day's magnesium. An unknown id names the nearest ones and writes nothing.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a food or a supplement dose without the screens.",
        subcommands: [FoodLogCommand.self, SupplementLogCommand.self])
}

struct FoodLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "food", abstract: "Log a food: one serving unless --servings or --grams say otherwise.")

    @OptionGroup var data: DataDirOption
    @Argument(help: ArgumentHelp("A food id (see the Food pane), or the name of a food of your own.", valueName: "food"))
    var food: String
    @Option(help: ArgumentHelp("Servings, in halves (default 1).", valueName: "n")) var servings: String?
    @Option(help: ArgumentHelp("Grams eaten.", valueName: "g")) var grams: String?
    @Option(help: ArgumentHelp("The day eaten (default today).", valueName: "YYYY-MM-DD")) var date: String?

    func validate() throws {
        if servings != nil && grams != nil { throw ValidationError("Give --servings or --grams, not both.") }
    }

    func run() throws {
        let catalogue = StoreAccess.catalogue()
        let when = LogDay(date)
        let store = LogDay.openWithProfile(data)
        let library = Library(catalogue: catalogue, journal: store.journal)
        guard let chosen = library.food(named: food) else {
            let near = NearestMatch.ids(food, in: library.foods.map { (id: $0.id, name: $0.name) })
            fail("no food \"\(food)\"; nearest: \(near.joined(separator: ", ")) (nothing was logged)")
        }
        let unit: FoodUnit = grams != nil ? .grams : .servings
        let amount: FoodAmount
        switch FoodLog.amount(grams ?? servings ?? "1", unit: unit, of: chosen) {
        case .success(let a): amount = a
        case .failure(let error): fail(error.description)
        }
        let entry: JournalEntry
        switch FoodLog.entry(chosen, amount, day: when.day, time: when.time) {
        case .success(let e): entry = e
        case .failure(let error): fail(error.description)
        }
        guard case .food(let serving) = entry.kind else { fail("cannot log \(chosen.name)") }
        let journal = StoreAccess.record([.add(entry)], in: store)
        print("Logged \(LogText.amount(serving, food: chosen)) of \(chosen.name) on \(when.day): "
            + (serving.mg.map(NumberText.mg) ?? "magnesium not known") + ".")
        print(magnesiumSection(journal: journal, profile: store.profile, catalogue: catalogue, day: when.day).joined(separator: "\n"))
    }
}

struct SupplementLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supplement",
        abstract: "Log a supplement dose in elemental mg (what labels print), or compound mg with --compound.",
        discussion: "Past your supplement limit the dose is still logged (the journal records what you took), with a warning.")

    @OptionGroup var data: DataDirOption
    @Argument(help: ArgumentHelp("A supplement form id: glycinate, citrate, oxide… (see the Food pane).", valueName: "form"))
    var form: String
    @Option(help: ArgumentHelp("The dose in mg.", valueName: "n")) var mg: String
    @Flag(help: "The mg are the compound's weight, not elemental magnesium.") var compound = false
    @Option(help: ArgumentHelp("The day taken (default today).", valueName: "YYYY-MM-DD")) var date: String?

    func run() throws {
        let catalogue = StoreAccess.catalogue()
        let when = LogDay(date)
        guard let chosen = catalogue.form(id: form.lowercased()) else {
            let near = NearestMatch.ids(form, in: catalogue.forms.map { (id: $0.id, name: $0.name) })
            fail("no supplement form \"\(form)\"; nearest: \(near.joined(separator: ", ")) (nothing was logged)")
        }
        let entry: JournalEntry
        switch SupplementLog.amount(mg, compound: compound).flatMap({ SupplementLog.entry(chosen, $0, day: when.day, time: when.time) }) {
        case .success(let e): entry = e
        case .failure(let error): fail(error.description)
        }
        let store = LogDay.openWithProfile(data)
        guard case .supplement(let dose) = entry.kind else { fail("cannot log \(chosen.name)") }
        let journal = StoreAccess.record([.add(entry)], in: store)
        print("Logged \(chosen.name): \(chosen.bothWays(elementalMg: dose.elementalMg, compoundMg: dose.compoundMg)) on \(when.day).")
        let day = DayMagnesium(day: when.day, journal: journal, catalogue: catalogue, profile: store.profile)
        if let warning = day.supplements.warning { warn(warning) }
        for caution in SupplementCautions.list(profile: store.profile, journal: journal, today: when.today, catalogue: catalogue) {
            warn(caution.text)
        }
        let lines = magnesiumSection(journal: journal, profile: store.profile, catalogue: catalogue, day: when.day, warning: false)
        print(lines.joined(separator: "\n"))
    }
}

/// The day a `log` command writes to: --date or today, never a day to come; today's entries get the time.
struct LogDay {
    let day: CalendarDay
    let today: CalendarDay
    let time: TimeOfDay?

    init(_ text: String?) {
        let now = SystemClock.now()
        today = CalendarDay(now)
        guard let text else {
            day = today
            time = TimeOfDay(now)
            return
        }
        switch ProfileInput.date(text) {
        case .success(let d): day = d
        case .failure(let issue): fail(issue.message)
        }
        if day > today { fail("\(day) has not come yet: log what you took, on the day you took it") }
        time = TimeOfDay.ofEntry(on: day, now: now)
    }

    /// The data folder, for writing; logging needs the profile (and its accepted disclaimer) first.
    static func openWithProfile(_ data: DataDirOption) -> Store {
        let store = StoreAccess.open(data)
        _ = StoreAccess.profile(of: store, for: "log")
        return store
    }
}

enum LogText {
    /// "2 servings (56.7 g)", "1 serving (1 oz)", "100 g".
    static func amount(_ serving: FoodServing, food: Food?) -> String {
        if serving.unit == .grams { return NumberText.plain(serving.grams ?? 0) + " g" }
        let n = serving.servings
        let unit = n == 1 ? "serving" : "servings"
        let grams = serving.grams.map { " (" + NumberText.plain(($0 * 10).rounded() / 10) + " g)" }
        return "\(NumberText.plain(n)) \(unit)" + (grams ?? food.map { " (" + $0.serving + ")" } ?? "")
    }
}

/// The day's magnesium as `magrelax today` prints it: the total against the person's RDA, food and
/// supplements apart (supplements against their limit), what would fill the gap, and the limit's warning
/// unless the caller says it on its own (`warning: false`).
func magnesiumSection(journal: Journal, profile: Profile?, catalogue: Catalogue, day: CalendarDay, warning: Bool = true) -> [String] {
    let d = DayMagnesium(day: day, journal: journal, catalogue: catalogue, profile: profile)
    var lines: [String] = []
    var head = "Magnesium on \(day): \(NumberText.mg(d.totalMg))"
    if let need = d.need, let percent = d.percentOfNeed {
        head += ", \(Int(percent.rounded()))% of your RDA of \(need.mg) mg/day (\(need.group))"
    } else {
        head += " (set your profile for your own RDA)"
    }
    lines.append(head)
    var parts = "  food \(NumberText.mg(d.foodMg)), supplements \(NumberText.mg(d.supplementMg))"
    if let limit = d.supplements.limit { parts += " of your \(limit.mg) mg/day limit (food never counts toward it)" }
    lines.append(parts)
    if d.unknownCount > 0 {
        lines.append("  \(d.unknownCount) \(d.unknownCount == 1 ? "entry" : "entries") without a known figure counted as 0 mg")
    }
    if warning, let text = d.supplements.warning { lines.append("  ! " + text) }
    if let gap = d.gapMg, gap > 0 {
        let plan = FillTheGap.plan(gapMg: gap, foods: Library(catalogue: catalogue, journal: journal).foods,
                                   marks: journal.foodMarks, count: 2)
        let ideas = plan.suggestions.map { "\($0.food.name) (\($0.servings) × \($0.food.serving), \(NumberText.mg($0.mg)))" }
        let intro = plan.closes ? "e.g." : "none closes it in two servings; closest:"
        lines.append("  \(NumberText.mg(gap)) to go: \(intro) " + ideas.joined(separator: " or "))
    }
    return lines
}
