extension Catalogue {
    /// Every rule the catalogue breaks, in file order; empty when it is valid. Sources and guides that no
    /// entry cites come last: a mistyped key shows as an unknown source first, not as the unused one.
    public func problems() -> [CatalogueError] {
        var check = Checker(sources: sources)
        let evidenceIDs = Set(reference.evidence.map(\.id))
        /// A text that names a red-flag sign must point to that flag's action (RedFlagWording.swift).
        func wording(_ text: String, _ field: String) {
            for problem in redFlagWordingProblems(in: text) { check.fail(field, problem.description) }
        }
        func knownEvidence(_ ids: [String], _ field: String) {
            for (i, id) in ids.enumerated() where !evidenceIDs.contains(id) {
                check.fail("\(field)[\(i)]", "unknown evidence \"\(id)\" (not in reference.json)")
            }
        }

        let poseIDs = Set(yoga.map(\.id))
        let patternIDs = Set(breathing.map(\.id))
        /// The personal plan names the poses and the pattern: yoga, stretching and breathing tasks must say which.
        func practiceProblems(_ task: PlanTask, _ field: String) {
            let posesNeeded = task.kind == .yoga || task.kind == .stretching
            if posesNeeded && (task.poses ?? []).isEmpty { check.fail("\(field).poses", "a \(task.kind.rawValue) task must name its poses") }
            if !posesNeeded && task.poses != nil { check.fail("\(field).poses", "only yoga and stretching tasks name poses") }
            for (i, id) in (task.poses ?? []).enumerated() where !poseIDs.contains(id) {
                check.fail("\(field).poses[\(i)]", "unknown pose \"\(id)\" (not in yoga.json)")
            }
            switch (task.kind == .breathing, task.pattern) {
            case (true, nil): check.fail("\(field).pattern", "a breathing task must name its pattern")
            case (false, _?): check.fail("\(field).pattern", "only breathing tasks name a pattern")
            case (true, let id?) where !patternIDs.contains(id):
                check.fail("\(field).pattern", "unknown breathing pattern \"\(id)\" (not in breathing.json)")
            default: break
            }
        }

        check.file("sources.json")
        check.uniqueIDs(sources.map(\.id))
        for s in sources {
            check.entry(s.id)
            check.text(s.title, "title")
            var subjects = Set<String>()
            for (i, guide) in (s.guides ?? []).enumerated() {
                check.text(guide, "guides[\(i)]")
                if !subjects.insert(guide).inserted { check.fail("guides[\(i)]", "duplicate guide \"\(guide)\"") }
            }
        }

        check.file("foods.json")
        check.uniqueIDs(foods.map(\.id))
        for f in foods {
            check.entry(f.id)
            check.source(f.source)
            for problem in f.valueProblems() { check.fail(problem.field, problem.message) }
        }

        check.file("forms.json")
        check.uniqueIDs(forms.map(\.id))
        for f in forms {
            check.entry(f.id)
            check.text(f.name, "name")
            check.source(f.source)
            for (i, key) in f.noteSources.enumerated() { check.source(key, field: "noteSources[\(i)]") }
            check.range(f.elementalPercent, 0...100, "elementalPercent")
            check.text(f.absorption, "absorption")
            check.text(f.gutEffects, "gutEffects")
            check.text(f.evidence, "evidence")
        }

        check.file("symptoms.json")
        check.uniqueIDs(symptoms.map(\.id) + redFlags.map(\.id))
        for s in symptoms {
            check.entry(s.id)
            check.text(s.name, "name")
            check.text(s.explanation, "explanation")
            check.source(s.source)
            knownEvidence(s.evidence ?? [], "evidence")
            wording(s.name, "name")
            wording(s.explanation, "explanation")
        }
        for r in redFlags {
            check.entry(r.id)
            check.text(r.symptom, "symptom")
            if !RedFlag.areas.contains(r.area) {
                check.fail("area", "must be one of \(RedFlag.areas.joined(separator: ", ")) (got \"\(r.area)\")")
            }
            check.source(r.source)
            for problem in actionProblems(r) { check.fail(problem.field, problem.message) }
        }
        let symptomIDs = Set(symptoms.map(\.id))
        check.uniqueIDs(goalSymptoms.map(\.goal.rawValue), list: "goalSymptoms")
        for (i, link) in goalSymptoms.enumerated() {
            check.entry("goalSymptoms[\(i)]")
            check.source(link.source, guide: link.guide)
            if link.symptoms.isEmpty { check.fail("symptoms", "must list at least one symptom") }
            var listed = Set<String>()
            for (j, id) in link.symptoms.enumerated() {
                if !symptomIDs.contains(id) {
                    check.fail("symptoms[\(j)]", "unknown symptom \"\(id)\" (not in the symptoms list)")
                } else if !listed.insert(id).inserted {
                    check.fail("symptoms[\(j)]", "\"\(id)\" is listed twice")
                }
            }
        }
        check.entry(nil)
        for goal in Goal.allCases where !goalSymptoms.contains(where: { $0.goal == goal }) {
            check.fail("goalSymptoms", "no symptoms for goal \"\(goal.rawValue)\"")
        }

        check.file("breathing.json")
        check.uniqueIDs(breathing.map(\.id))
        for p in breathing {
            check.entry(p.id)
            check.source(p.source)
            for problem in p.valueProblems() { check.fail(problem.field, problem.message) }
        }

        check.file("yoga.json")
        check.uniqueIDs(yoga.map(\.id))
        for y in yoga {
            check.entry(y.id)
            check.text(y.name, "name")
            check.text(y.hold, "hold")
            check.text(y.repeats, "repeats")
            check.source(y.source)
            if y.steps.isEmpty { check.fail("steps", "must list at least one step") }
        }

        check.file("plans.json")
        check.uniqueIDs(plans.map(\.goal.rawValue))
        for plan in plans {
            check.entry(plan.goal.rawValue)
            check.text(plan.title, "title")
            check.source(plan.source, guide: plan.guide)
            check.text(plan.expectation.claim, "expectation.claim")
            check.source(plan.expectation.source, field: "expectation.source", guide: plan.expectation.guide)
            if plan.evidence.isEmpty { check.fail("evidence", "must name at least one evidence statement") }
            knownEvidence(plan.evidence, "evidence")
            wording(plan.summary, "summary")
            let weeks = plan.weeks.map(\.week)
            // The plan calendar counts four weeks from the start date.
            if weeks != Array(1...PlanCalendar.weeks) {
                check.fail("weeks", "must be weeks \(Array(1...PlanCalendar.weeks).map(String.init).joined(separator: ", ")) in order (got \(weeks))")
            }
            var taskIDs = Set<String>()
            for (w, week) in plan.weeks.enumerated() {
                check.text(week.focus, "weeks[\(w)].focus")
                wording(week.focus, "weeks[\(w)].focus")
                if week.tasks.isEmpty { check.fail("weeks[\(w)].tasks", "a week needs at least one task") }
                for (t, task) in week.tasks.enumerated() {
                    if !taskIDs.insert(task.id).inserted {
                        check.fail("weeks[\(w)].tasks[\(t)].id", "duplicate task id \"\(task.id)\"")
                    }
                    check.text(task.title, "weeks[\(w)].tasks[\(t)].title")
                    check.text(task.detail, "weeks[\(w)].tasks[\(t)].detail")
                    wording(task.title, "weeks[\(w)].tasks[\(t)].title")
                    wording(task.detail, "weeks[\(w)].tasks[\(t)].detail")
                    practiceProblems(task, "weeks[\(w)].tasks[\(t)]")
                }
            }
        }
        check.entry(nil)
        for goal in Goal.allCases where plan(for: goal) == nil {
            check.fail("goal", "no plan for goal \"\(goal.rawValue)\"")
        }

        check.file("reference.json")
        check.source(reference.source)
        check.ageRows(reference.rda.map { ($0.minMonths, $0.maxMonths) }, "rda")
        for (i, row) in reference.rda.enumerated() {
            check.entry("rda[\(i)]")
            for (value, field) in [(row.male, "male"), (row.female, "female")] { check.positive(Double(value), field) }
            if let p = row.pregnant { check.positive(Double(p), "pregnant") }
            if let l = row.lactating { check.positive(Double(l), "lactating") }
        }
        check.entry(nil)
        check.ageRows(reference.supplementUpperLimit.map { ($0.minMonths, $0.maxMonths) }, "supplementUpperLimit")
        for (i, row) in reference.supplementUpperLimit.enumerated() {
            check.entry("supplementUpperLimit[\(i)]")
            if let mg = row.mg { check.nonNegative(Double(mg), "mg") }
        }
        check.entry(nil)
        check.positive(Double(reference.dailyValueMg), "dailyValueMg")
        check.source(reference.dailyValueSource, field: "dailyValueSource")
        check.positive(Double(reference.efsaSupplementLimitMg), "efsaSupplementLimitMg")
        check.source(reference.efsaSupplementLimitSource, field: "efsaSupplementLimitSource")
        for (i, note) in reference.safety.enumerated() {
            check.entry("safety[\(i)]")
            check.text(note.text, "text")
            check.source(note.source)
            wording(note.text, "text")
        }
        check.uniqueIDs(reference.interactions.map(\.id), list: "interactions")
        for (i, x) in reference.interactions.enumerated() {
            check.entry("interactions[\(i)]")
            check.text(x.medicines, "medicines")
            check.text(x.advice, "advice")
            check.source(x.source)
        }
        check.uniqueIDs(reference.evidence.map(\.id), list: "evidence")
        for (i, e) in reference.evidence.enumerated() {
            check.entry("evidence[\(i)]")
            check.text(e.claim, "claim")
            check.source(e.source)
        }
        return check.problems + check.unusedSources()
    }

    /// A red flag names its sign with its own trigger phrases, and its action is at least as serious as
    /// that of any other flag whose sign its text mentions (leg pain with chest pain is an emergency
    /// because chest pain is).
    func actionProblems(_ flag: RedFlag) -> [FieldProblem] {
        var found: [FieldProblem] = []
        if flag.triggers.isEmpty {
            found.append(FieldProblem(field: "triggers", message: "must list at least one phrase that names this sign"))
        }
        for (i, trigger) in flag.triggers.enumerated() where trigger.allSatisfy(\.isWhitespace) {
            found.append(FieldProblem(field: "triggers[\(i)]", message: "must not be empty"))
        }
        let symptom = flag.symptom.lowercased()
        let own = flag.triggers.filter { !$0.allSatisfy(\.isWhitespace) }
        if !own.isEmpty && !own.contains(where: { symptom.contains($0.lowercased()) }) {
            found.append(FieldProblem(field: "triggers", message: "none of them occurs in the flag's own symptom text"))
        }
        for other in redFlags where other.id != flag.id && other.action > flag.action {
            if let trigger = other.triggers.first(where: { !$0.isEmpty && symptom.contains($0.lowercased()) }) {
                found.append(FieldProblem(
                    field: "action",
                    message: "the symptom mentions \"\(trigger)\" (red flag \(other.id)): must be at least "
                        + "\(other.action.rawValue) (got \(flag.action.rawValue))"))
            }
        }
        return found
    }
}

/// A field and what is wrong with it, for one entry (shipped or made by the person).
public struct FieldProblem: Sendable, Hashable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

extension Food {
    /// What is wrong with this food's own values (not its source key); empty when it is fine.
    /// Used for shipped foods and for foods a person adds.
    public func valueProblems() -> [FieldProblem] {
        var found: [FieldProblem] = []
        func fail(_ field: String, _ message: String) { found.append(FieldProblem(field: field, message: message)) }
        if name.allSatisfy(\.isWhitespace) { fail("name", "must not be empty") }
        if serving.allSatisfy(\.isWhitespace) { fail("serving", "must not be empty") }
        if let g = servingGrams, !(g > 0 && g.isFinite) { fail("servingGrams", "must be > 0 (got \(format(g)))") }
        let figures = [
            (mgPer100g, "mgPer100g"), (kcalPer100g, "kcalPer100g"), (calciumMgPer100g, "calciumMgPer100g"),
            (potassiumMgPer100g, "potassiumMgPer100g"), (labelMgPerServing, "labelMgPerServing"),
        ]
        for (value, field) in figures {
            if let v = value, !(v >= 0 && v.isFinite) { fail(field, "must be ≥ 0 (got \(format(v)))") }
        }
        if let ndb, ndb.count != 5 || !ndb.allSatisfy({ $0.isASCII && $0.isNumber }) {
            fail("ndb", "must be 5 digits (got \"\(ndb)\")")
        }
        if mgPerServing == nil { fail("mgPer100g", "a food needs servingGrams and mgPer100g, or labelMgPerServing") }
        return found
    }
}

extension PracticeDose {
    /// What is wrong with a dose; fields are prefixed with `field` (e.g. "dose.max").
    public func problems(field: String = "dose") -> [FieldProblem] {
        var found: [FieldProblem] = []
        if min < 1 { found.append(FieldProblem(field: field + ".min", message: "must be ≥ 1 (got \(min))")) }
        if min > max { found.append(FieldProblem(field: field + ".max", message: "must be ≥ min (\(min)), got \(max)")) }
        if let after = maxAfterFirstMonth, after < max {
            found.append(FieldProblem(field: field + ".maxAfterFirstMonth", message: "must be ≥ max (\(max)), got \(after)"))
        }
        return found
    }
}

extension BreathingPattern {
    /// What is wrong with this pattern's own values (name, timing, dose; not its source key).
    /// Used for shipped patterns and for the person's own.
    public func valueProblems() -> [FieldProblem] {
        var found: [FieldProblem] = []
        if name.allSatisfy(\.isWhitespace) { found.append(FieldProblem(field: "name", message: "must not be empty")) }
        found += Self.timingProblems(inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut)
            .map { FieldProblem(field: $0.field, message: $0.message) }
        return found + dose.problems()
    }

    /// Limits for any pattern, shipped or custom: each phase 0–20 s in 0.5 s steps,
    /// in and out at least 2 s.
    public static let phaseRange: ClosedRange<Double> = 0...20
    public static let phaseStep = 0.5
    public static let minimumBreathPhase = 2.0

    /// What is wrong with a timing, by field; empty when it is allowed.
    public static func timingProblems(inhale: Double, holdIn: Double, exhale: Double, holdOut: Double)
        -> [(field: String, message: String)]
    {
        var found: [(field: String, message: String)] = []
        for (value, field) in [(inhale, "inhale"), (holdIn, "holdIn"), (exhale, "exhale"), (holdOut, "holdOut")] {
            if !phaseRange.contains(value) {
                found.append((field, "must be 0–20 s (got \(format(value)))"))
            } else if (value / phaseStep).rounded() * phaseStep != value {
                found.append((field, "must be in 0.5 s steps (got \(format(value)))"))
            } else if (field == "inhale" || field == "exhale") && value < minimumBreathPhase {
                found.append((field, "must be at least 2 s (got \(format(value)))"))
            }
        }
        return found
    }
}

private func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
}

/// Collects problems while walking the catalogue, remembering the current file and entry, and which
/// sources (and which of their guides) the entries cite.
private struct Checker {
    let sources: [Source]
    let guidesBySource: [String: [String]]
    var problems: [CatalogueError] = []
    var cited = Set<String>()
    var citedGuides = Set<[String]>()
    var currentFile = ""
    var currentEntry: String?

    init(sources: [Source]) {
        self.sources = sources
        // Duplicate ids are reported by uniqueIDs; the first one counts here.
        self.guidesBySource = Dictionary(sources.map { ($0.id, $0.guides ?? []) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func file(_ name: String) {
        currentFile = name
        currentEntry = nil
    }

    mutating func entry(_ id: String?) { currentEntry = id }

    mutating func fail(_ field: String?, _ message: String) {
        problems.append(CatalogueError(file: currentFile, entry: currentEntry, field: field, message: message))
    }

    mutating func uniqueIDs(_ ids: [String], list: String? = nil) {
        var seen = Set<String>()
        for (i, id) in ids.enumerated() {
            let entry = list.map { "\($0)[\(i)]" } ?? (id.isEmpty ? "#\(i)" : id)
            if id.isEmpty {
                problems.append(CatalogueError(file: currentFile, entry: entry, field: "id", message: "must not be empty"))
            } else if !seen.insert(id).inserted {
                problems.append(
                    CatalogueError(file: currentFile, entry: entry, field: "id", message: "duplicate id \"\(id)\""))
            }
        }
    }

    mutating func text(_ value: String, _ field: String) {
        if value.allSatisfy(\.isWhitespace) { fail(field, "must not be empty") }
    }

    /// The key must be in sources.json; a guide, if named, must be one the source declares.
    mutating func source(_ key: String, field: String = "source", guide: String? = nil) {
        guard let guides = guidesBySource[key] else {
            fail(field, "unknown source \"\(key)\" (not in sources.json)")
            return
        }
        cited.insert(key)
        guard let guide else { return }
        let guideField = field.hasSuffix("source") ? String(field.dropLast("source".count)) + "guide" : field + ".guide"
        if guides.contains(guide) {
            citedGuides.insert([key, guide])
        } else if guides.isEmpty {
            fail(guideField, "source \"\(key)\" has no guides to name (got \"\(guide)\")")
        } else {
            fail(guideField, "must be one of the guides of \"\(key)\": \(guides.joined(separator: ", ")) (got \"\(guide)\")")
        }
    }

    /// Sources that no entry cites, and declared guides that no entry names.
    func unusedSources() -> [CatalogueError] {
        var found: [CatalogueError] = []
        for s in sources {
            if !cited.contains(s.id) {
                found.append(CatalogueError(
                    file: "sources.json", entry: s.id, message: "declared but not cited by any entry: cite it or remove it"))
            }
            for (i, guide) in (s.guides ?? []).enumerated() where !citedGuides.contains([s.id, guide]) {
                found.append(CatalogueError(
                    file: "sources.json", entry: s.id, field: "guides[\(i)]",
                    message: "guide \"\(guide)\" is not named by any entry: name it or remove it"))
            }
        }
        return found
    }

    mutating func positive(_ value: Double, _ field: String) {
        if !(value > 0) || !value.isFinite { fail(field, "must be > 0 (got \(format(value)))") }
    }

    mutating func nonNegative(_ value: Double, _ field: String) {
        if !(value >= 0) || !value.isFinite { fail(field, "must be ≥ 0 (got \(format(value)))") }
    }

    mutating func range(_ value: Double, _ range: ClosedRange<Double>, _ field: String) {
        if !range.contains(value) {
            fail(field, "must be \(format(range.lowerBound))–\(format(range.upperBound)) (got \(format(value)))")
        }
    }

    /// Age rows must start at 0 months, follow on without gaps or overlaps, and end open (no upper age).
    mutating func ageRows(_ rows: [(min: Int, max: Int?)], _ list: String) {
        guard !rows.isEmpty else {
            fail(list, "must have at least one row")
            return
        }
        var expected = 0
        for (i, row) in rows.enumerated() {
            let entry = "\(list)[\(i)]"
            if row.min != expected {
                let what = row.min > expected ? "gap" : "overlap"
                problems.append(CatalogueError(
                    file: currentFile, entry: entry, field: "minMonths",
                    message: "\(what): must be \(expected) to follow the row before (got \(row.min))"))
            }
            guard let max = row.max else {
                if i != rows.count - 1 {
                    problems.append(CatalogueError(
                        file: currentFile, entry: entry, field: "maxMonths",
                        message: "only the last row may be open-ended"))
                }
                return
            }
            if max < row.min {
                problems.append(CatalogueError(
                    file: currentFile, entry: entry, field: "maxMonths", message: "must be ≥ minMonths (got \(max))"))
            }
            expected = max + 1
        }
        problems.append(CatalogueError(
            file: currentFile, entry: "\(list)[\(rows.count - 1)]", field: "maxMonths",
            message: "the last row must be open-ended (no maxMonths) so every age is covered"))
    }
}

extension RedFlag {
    /// Where a red flag shows (the red-flag table's areas).
    public static let areas = ["head", "back", "muscle", "leg", "whole body"]
}
