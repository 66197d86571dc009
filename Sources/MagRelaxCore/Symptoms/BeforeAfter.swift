/// What a comparison of two weeks' ratings may say, in these words: never a diagnosis, never a cause.
public enum ChangeVerdict: String, Sendable, Hashable, CaseIterable {
    case tooLittleData = "too little data"
    case noClearChange = "no clear change"
    case lower
    case higher
}

/// The baseline week against the latest week, for one symptom or for all of them together.
public struct SymptomChange: Sendable, Hashable {
    /// nil for all the symptoms together.
    public var symptomID: String?
    public var baseline: RatedMean
    public var latest: RatedMean
    public var verdict: ChangeVerdict

    public init(symptomID: String?, baseline: RatedMean, latest: RatedMean) {
        self.symptomID = symptomID
        self.baseline = baseline
        self.latest = latest
        verdict = BeforeAfter.verdict(baseline: baseline, latest: latest)
    }

    /// "lower: 2.4 to 1.1", "higher: 1.0 to 2.1", "no clear change" or "too little data".
    public var text: String {
        guard verdict == .lower || verdict == .higher, let from = baseline.mean, let to = latest.mean else {
            return verdict.rawValue
        }
        return "\(verdict.rawValue): \(BeforeAfter.decimal(from)) to \(BeforeAfter.decimal(to))"
    }
}

/// The two weeks compared: the plan's baseline week (plan days 1–7) and the latest 7 days.
public struct ComparisonWeeks: Sendable, Hashable {
    public var baseline: ClosedRange<CalendarDay>
    /// The 7 days ending on the day compared, less any that fall in or before the baseline week;
    /// nil when none is left (the plan is less than 8 days old).
    public var latest: ClosedRange<CalendarDay>?

    public init(planStart: CalendarDay, through day: CalendarDay) {
        baseline = planStart...planStart.adding(days: PlanCalendar.daysPerWeek - 1)
        let from = max(day.adding(days: -(PlanCalendar.daysPerWeek - 1)), baseline.upperBound.adding(days: 1))
        latest = from <= day ? from...day : nil
    }
}

/// A figure of what the person did in each of the two weeks, shown beside how they felt.
public struct WeekFigure: Sendable, Hashable {
    public var label: String
    public var baseline: String
    public var latest: String

    public init(label: String, baseline: String, latest: String) {
        self.label = label
        self.baseline = baseline
        self.latest = latest
    }
}

/// Before and after: each symptom's mean rating in the baseline week against the latest week, all of
/// them together, and beside them what the person did (breathing minutes, plan tasks done, and any
/// rows a caller adds). It says "too little data" with fewer than 3 rated days in either week, "no
/// clear change" for a difference under 0.5 on the 0–4 scale, else "lower" or "higher" with the numbers.
public struct BeforeAfter: Sendable, Hashable {
    public static let minimumRatedDays = 3
    public static let clearDifference = 0.5

    public var weeks: ComparisonWeeks
    public var symptoms: [SymptomChange]
    /// Every listed symptom together: each day's mean rating of those rated, averaged over the rated days.
    public var total: SymptomChange
    /// Breathing minutes, plan tasks done, and the mean daily magnesium from food and from supplements.
    public var activity: [WeekFigure]

    /// `plan` counts the tasks done (the person's own plan, the calendar's rule); the catalogue gives
    /// logged foods and forms their magnesium.
    public init(
        journal: Journal, symptomIDs: [String], planStart: CalendarDay, plan: PersonalPlan?, catalogue: Catalogue,
        through day: CalendarDay
    ) {
        let weeks = ComparisonWeeks(planStart: planStart, through: day)
        self.weeks = weeks
        let days = SymptomDays(journal, from: weeks.baseline.lowerBound, through: max(day, weeks.baseline.upperBound))
        func mean(_ symptom: String, _ span: ClosedRange<CalendarDay>?) -> RatedMean {
            guard let span else { return RatedMean(mean: nil, days: 0) }
            return days.mean(symptom, from: span.lowerBound, through: span.upperBound)
        }
        func totalMean(_ span: ClosedRange<CalendarDay>?) -> RatedMean {
            guard let span else { return RatedMean(mean: nil, days: 0) }
            return RatedMean(Self.days(span).map { days.meanRating(on: $0, among: symptomIDs) })
        }
        symptoms = symptomIDs.map { SymptomChange(symptomID: $0, baseline: mean($0, weeks.baseline), latest: mean($0, weeks.latest)) }
        total = SymptomChange(symptomID: nil, baseline: totalMean(weeks.baseline), latest: totalMean(weeks.latest))

        func breathing(_ span: ClosedRange<CalendarDay>?) -> String {
            guard let span else { return "-" }
            let stats = BreathingStats(journal, from: span.lowerBound, through: span.upperBound)
            return "\(Int(stats.minutes.rounded())) min"
        }
        func tasks(_ span: ClosedRange<CalendarDay>?) -> String {
            guard let span, let plan else { return "-" }
            guard let done = plan.adherence(from: span.lowerBound, through: span.upperBound) else { return "no plan tasks" }
            return "\(done.percent)% (\(done.done) of \(done.total))"
        }
        // Days with nothing logged are unknown, not zero: the mean is over the logged days, which it names.
        func magnesium(_ span: ClosedRange<CalendarDay>?, _ part: (MagnesiumMean) -> Double) -> String {
            guard let span else { return "-" }
            guard let mean = MagnesiumHistory.mean(journal: journal, catalogue: catalogue, from: span.lowerBound, through: span.upperBound)
            else { return "not logged" }
            return "\(Int(part(mean).rounded())) mg (\(mean.loggedDays) d)"
        }
        activity = [
            WeekFigure(label: "Breathing", baseline: breathing(weeks.baseline), latest: breathing(weeks.latest)),
            WeekFigure(label: "Plan tasks done", baseline: tasks(weeks.baseline), latest: tasks(weeks.latest)),
            WeekFigure(label: "Magnesium a day, food", baseline: magnesium(weeks.baseline, \.foodMg),
                       latest: magnesium(weeks.latest, \.foodMg)),
            WeekFigure(label: "Magnesium a day, supplements", baseline: magnesium(weeks.baseline, \.supplementMg),
                       latest: magnesium(weeks.latest, \.supplementMg)),
        ]
    }

    public static func verdict(baseline: RatedMean, latest: RatedMean) -> ChangeVerdict {
        guard baseline.days >= minimumRatedDays, latest.days >= minimumRatedDays,
            let before = baseline.mean, let after = latest.mean
        else { return .tooLittleData }
        let difference = after - before
        if abs(difference) < clearDifference { return .noClearChange }
        return difference < 0 ? .lower : .higher
    }

    /// What the verdict words mean, for the screens and the command line.
    public static let caveat = "Lower or higher says how your ratings moved, not why: it is not a diagnosis."

    /// One decimal: "2.4".
    public static func decimal(_ value: Double) -> String { value.fixed(1) }

    static func days(_ span: ClosedRange<CalendarDay>) -> [CalendarDay] {
        (0...span.lowerBound.days(until: span.upperBound)).map { span.lowerBound.adding(days: $0) }
    }
}
