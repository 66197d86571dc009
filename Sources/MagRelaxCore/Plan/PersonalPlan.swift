// The person's own plan: each plan day's tasks from the goal's template, made concrete with their
// daily need, their supplement within their limit, their medicines and kidney disease, and any recent
// red flag (ods-mg, iom-1997; the poses' holds and the patterns' doses from the catalogue).

/// What a task asks for in practice, so a screen can open it.
public enum TaskPractice: Sendable, Hashable {
    /// Magnesium from food toward the day's need.
    case food(needMg: Int)
    /// A supplement of this form; `mg` of elemental magnesium, nil when the profile gives no dose.
    case supplement(formID: String, mg: Double?)
    /// Poses (yoga.json ids), in order.
    case poses([String])
    case breathing(patternID: String, length: SessionLength)
}

/// A caution that goes with a task.
public struct PlanNote: Sendable, Hashable {
    public enum Level: Sendable, Hashable { case info, caution, danger }
    public var level: Level
    public var text: String

    public init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }
}

/// A template task made concrete for one person on one day.
public struct DayTask: Sendable, Hashable, Identifiable {
    /// The id a check-off names: the template task's, or "<template id>-supplement".
    public var id: String
    public var kind: TaskKind
    public var title: String
    /// A short name for narrow columns: the template's title, or "200 mg supplement".
    public var label: String
    public var detail: String
    /// The concrete part: the day's need, the poses with their holds, the pattern and its length.
    public var steps: [String] = []
    public var notes: [PlanNote] = []
    public var practice: TaskPractice?

    public init(id: String, kind: TaskKind, title: String, detail: String) {
        self.id = id
        self.kind = kind
        self.title = title
        label = title
        self.detail = detail
    }

    /// What `magrelax done` also accepts: the id without its week ("yoga" for "w3-yoga").
    public var shortID: String {
        guard id.first == "w", let dash = id.firstIndex(of: "-"), id[id.index(after: id.startIndex)..<dash].allSatisfy(\.isNumber)
        else { return id }
        return String(id[id.index(after: dash)...])
    }
}

/// One plan day: where it falls, the week's focus and the tasks.
public struct PlanDay: Sendable, Hashable {
    public var position: PlanPosition
    public var focus: String
    public var tasks: [DayTask]

    public var date: CalendarDay { position.date }

    /// "Day 9 · Week 2: Add yoga and gentle stretching"; a keep-going day says so first.
    public var headline: String {
        let prefix = position.block.kind == .keepGoing ? "Keep going · " : ""
        return prefix + "Day \(position.day) · Week \(position.week): \(focus)"
    }
}

/// Each template week's tasks made for one profile, for some goals. They depend on the profile and
/// the catalogue alone and are most of what making a plan costs, so the app keeps them from frame to
/// frame and hands them to `PersonalPlan` (which makes its own when they do not serve).
public struct PlanWeeks: Sendable {
    public let profile: Profile
    /// A few weeks of a few goals: searched in order, which costs less than hashing the key.
    fileprivate let made: [MadeWeek]

    fileprivate struct MadeWeek {
        var goal: Goal
        var template: PlanWeek
        var tasks: [DayTask]
    }

    /// Every week of each goal's plan.
    public init(profile: Profile, catalogue: Catalogue, goals: [Goal]) {
        self.init(profile: profile, catalogue: catalogue, weeks: goals.flatMap { goal in
            (catalogue.plan(for: goal)?.weeks ?? []).map { (goal, $0) }
        })
    }

    fileprivate init(profile: Profile, catalogue: Catalogue, weeks: [(goal: Goal, template: PlanWeek)]) {
        self.profile = profile
        made = weeks.map { goal, template in
            let tasks = template.tasks.flatMap { PersonalPlan.tasks(for: $0, redFlag: nil, profile: profile, catalogue: catalogue) }
            return MadeWeek(goal: goal, template: template, tasks: tasks)
        }
    }

    /// `kept` when they are the weeks a plan for `profile` over `goals` needs, else new ones.
    public static func kept(_ kept: PlanWeeks?, profile: Profile, catalogue: Catalogue, goals: [Goal]) -> PlanWeeks {
        if let kept, kept.serve(profile, goals: goals) { return kept }
        return PlanWeeks(profile: profile, catalogue: catalogue, goals: goals)
    }

    /// Whether these weeks are the ones a plan for `profile` over `goals` needs.
    public func serve(_ profile: Profile, goals: [Goal]) -> Bool {
        self.profile == profile && goals.allSatisfy { goal in made.contains { $0.goal == goal } }
    }

    fileprivate func week(_ goal: Goal, _ week: Int) -> MadeWeek? {
        made.first { $0.goal == goal && $0.template.week == week }
    }
}

/// The plan of the person a profile describes, with the journal's check-offs, blocks and red flags.
public struct PersonalPlan: Sendable {
    public let profile: Profile
    public let catalogue: Catalogue
    public let journal: Journal
    public let timeline: PlanTimeline
    /// Each template week's tasks, made once (or kept by the app): only a recent red flag makes one
    /// day differ from its week.
    public let weeks: PlanWeeks
    /// Every red flag marked over the plan's days, newest first (read once, not once a day).
    private let redFlags: [RecordedRedFlag]

    /// The plan; `weeks` made for this profile and catalogue saves making them again.
    public init(profile: Profile, catalogue: Catalogue, journal: Journal, weeks: PlanWeeks? = nil) {
        self.init(profile: profile, catalogue: catalogue, journal: journal, only: nil, weeks: weeks)
    }

    /// The plan as far as one date needs it: `day(_:)` of any other date is nil. Making every
    /// week's tasks costs more than a key that only ticks one day's task may take.
    public init(profile: Profile, catalogue: Catalogue, journal: Journal, onlyDay date: CalendarDay) {
        self.init(profile: profile, catalogue: catalogue, journal: journal, only: date, weeks: nil)
    }

    private init(profile: Profile, catalogue: Catalogue, journal: Journal, only date: CalendarDay?, weeks: PlanWeeks?) {
        self.profile = profile
        self.catalogue = catalogue
        self.journal = journal
        timeline = PlanTimeline(profile: profile, journal: journal)
        if let date {
            let template = timeline.position(on: date).flatMap { position in
                catalogue.plan(for: position.block.goal)?.weeks.first { $0.week == position.templateWeek }
                    .map { (position.block.goal, $0) }
            }
            self.weeks = PlanWeeks(profile: profile, catalogue: catalogue, weeks: template.map { [$0] } ?? [])
        } else {
            self.weeks = PlanWeeks.kept(weeks, profile: profile, catalogue: catalogue, goals: timeline.goals)
        }
        let dates = timeline.dates
        redFlags = dates.first.map { first in
            RedFlagHold.recorded(in: journal, from: RedFlagHold.window(endingOn: first).lowerBound, through: dates.last!)
        } ?? []
    }

    /// The plan day on a date; nil outside every block (or when the catalogue has no such plan).
    public func day(_ date: CalendarDay) -> PlanDay? {
        guard let position = timeline.position(on: date),
            let made = weeks.week(position.block.goal, position.templateWeek)
        else { return nil }
        let window = RedFlagHold.window(endingOn: date)
        guard let flag = redFlags.first(where: { window.contains($0.day) }) else {
            return PlanDay(position: position, focus: made.template.focus, tasks: made.tasks)
        }
        let tasks = made.template.tasks.flatMap { Self.tasks(for: $0, redFlag: flag, profile: profile, catalogue: catalogue) }
        return PlanDay(position: position, focus: made.template.focus, tasks: tasks)
    }

    /// Every plan day, in date order.
    public var days: [PlanDay] { timeline.dates.compactMap(day) }

    /// The goal's template for a block.
    public func template(of block: PlanBlock) -> PlanTemplate? { catalogue.plan(for: block.goal) }

    fileprivate static func tasks(
        for task: PlanTask, redFlag: RecordedRedFlag?, profile: Profile, catalogue: Catalogue
    ) -> [DayTask] {
        var out = DayTask(id: task.id, kind: task.kind, title: task.title, detail: task.detail)
        switch task.kind {
        case .magnesium:
            return magnesiumTasks(task, redFlag: redFlag, profile: profile, catalogue: catalogue)
        case .yoga, .stretching:
            let poses = (task.poses ?? []).compactMap { id in catalogue.yoga.first { $0.id == id } }
            guard !poses.isEmpty else { break }
            out.title += ": " + poses.map(\.name).joined(separator: ", ")
            out.steps = poses.map { "\($0.name): hold \($0.hold.lowercasedFirst); repeats \($0.repeats)" }
            out.practice = .poses(poses.map(\.id))
        case .breathing:
            guard let id = task.pattern, let listed = catalogue.breathing.first(where: { $0.id == id }) else { break }
            let (pattern, holdsLeftOut) = BreathingRules.breathable(listed, for: profile)
            let length = pattern.defaultLength
            out.title += ": \(pattern.name), \(Self.lengthText(length, pattern))"
            let timing = [pattern.inhale, pattern.holdIn, pattern.exhale, pattern.holdOut].map(Self.number).joined(separator: "·")
            out.steps = ["\(pattern.name): in·hold·out·hold \(timing) s, \(Self.lengthText(length, pattern))"]
            if holdsLeftOut { out.notes.append(PlanNote(.caution, "The holds are left out (pregnancy, or heart or lung disease).")) }
            out.practice = .breathing(patternID: pattern.id, length: length)
        default:
            break
        }
        return [out]
    }

    /// Food first toward the daily need; then the supplement, only when nothing holds it back (kidney
    /// disease, a red flag in the 14 days up to the day).
    private static func magnesiumTasks(
        _ task: PlanTask, redFlag: RecordedRedFlag?, profile: Profile, catalogue: Catalogue
    ) -> [DayTask] {
        let reference = catalogue.reference
        // The template says food first in its first sentence; the rest is about supplements.
        let sentences = Catalogue.sentences(task.detail).map { String($0).trimmed }
        var food = DayTask(id: task.id, kind: .magnesium, title: task.title, detail: sentences.first ?? task.detail)
        if let need = reference.need(for: profile) {
            food.title += " · \(need.mg) mg a day"
            let kind = need.adequateIntake ? "adequate intake" : "RDA"
            food.steps = ["Your daily need: \(need.mg) mg (\(kind), \(need.group)), from food and supplements together."]
            food.practice = .food(needMg: need.mg)
        }
        var medicineNotes = profile.medicines.sorted().compactMap(reference.interaction(for:)).map {
            PlanNote(.caution, "\($0.medicines): \($0.advice.lowercasedFirst)")
        }
        if profile.kidneysHoldSupplements {
            food.notes.append(PlanNote(
                .danger, "Kidney disease: ask your doctor before any supplement (risk of magnesium toxicity); magrelax suggests no dose."))
        } else if profile.kidneyDisease {
            food.notes.append(PlanNote(
                .danger, "Kidney disease: take supplements only as your doctor directs (risk of magnesium toxicity)."))
        }
        if let redFlag { food.notes.append(redFlagNote(redFlag, catalogue)) }
        guard let formID = profile.supplementFormID, !profile.kidneysHoldSupplements, redFlag == nil else {
            food.notes += medicineNotes
            return [food]
        }
        guard let limit = reference.supplementLimit(for: profile) else {
            food.notes.append(PlanNote(.caution, "No supplement limit is set at this age: no supplements."))
            return [food]
        }
        let name = catalogue.form(id: formID)?.name ?? formID
        var supplement = DayTask(
            id: task.id + "-supplement", kind: .magnesium, title: "",
            detail: sentences.dropFirst().joined(separator: " "))
        let limitMg = Double(limit.mg)
        var mg: Double? = profile.doseMg > 0 ? profile.doseMg : nil
        if let dose = mg, dose > limitMg {
            if profile.clinicianDirectedDose {
                let warning = Profile.validateDose(dose, clinicianDirected: true, upperLimitMg: limitMg)
                medicineNotes.insert(PlanNote(.caution, warning?.message ?? ""), at: 0)
            } else {
                mg = limitMg
                medicineNotes.insert(PlanNote(
                    .caution, "Held to \(limit.mg) mg, the upper limit for supplements (\(limit.agesText)); your profile says "
                        + "\(Self.number(dose)) mg. More only if a clinician directs it."), at: 0)
            }
        }
        supplement.label = mg.map { "\(Self.number($0)) mg supplement" } ?? "Supplement"
        if let mg {
            supplement.title = "Supplement: \(Self.number(mg)) mg elemental magnesium as \(name)"
            if mg > limitMg { supplement.title += " (as your clinician directed)" }
        } else {
            supplement.title = "Supplement: \(name) (no dose in your profile yet)"
        }
        supplement.steps = ["Your limit for supplements: \(limit.mg) mg a day (\(limit.agesText)); magnesium from food has no limit."]
        supplement.notes = medicineNotes
        supplement.practice = .supplement(formID: formID, mg: mg)
        return [food, supplement]
    }

    private static func redFlagNote(_ recorded: RecordedRedFlag, _ catalogue: Catalogue) -> PlanNote {
        let until = RedFlagHold.heldThrough(recorded)
        var text = "No supplement until \(until): you marked a red flag on \(recorded.day)"
        if let flag = catalogue.redFlags.first(where: { $0.id == recorded.flagID }) {
            text += " (\(flag.symptom)). " + (flag.firstStep.map { $0 + " " } ?? "") + flag.action.label + "."
        } else {
            text += "."
        }
        return PlanNote(.danger, text)
    }

    /// "5 min", "4 breaths", "5 rounds".
    public static func lengthText(_ length: SessionLength, _ pattern: BreathingPattern) -> String {
        switch length {
        case .minutes(let m): "\(number(m)) min"
        case .cycles(let c): "\(c) " + (pattern.alternateNostril ? "rounds" : "breaths")
        }
    }

    /// Whole numbers without a decimal point, others with one.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}

extension String {
    /// The first letter in lower case, for a sentence that follows a colon.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
