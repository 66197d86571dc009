import Foundation
import MagRelaxCore
import PropertyBased
import Testing

/// The Symptoms pane's rules: a day's value, 7-day means, the burden, before and after, red flags kept
/// out of every score, and the checklist each goal starts with.
@Suite("Symptom rules")
struct SymptomRulesTests {
    static let start = CalendarDay(iso: "2026-11-02")!

    static func checkIn(_ id: String, _ day: CalendarDay, hour: Int? = nil, _ ratings: [String: Int]) -> JournalEntry {
        JournalEntry(id: id, day: day, time: hour.flatMap { TimeOfDay(hour: $0, minute: 0) },
                     kind: .symptoms(SymptomCheckIn(ratings: ratings)))
    }

    /// One check-in a day from plan day `from` (1 = the start), rating `symptom` with `ratings` in turn.
    static func days(_ symptom: String, from: Int, _ ratings: [Int?]) -> [JournalEntry] {
        ratings.enumerated().compactMap { i, r in
            r.map { checkIn("\(symptom)-\(from + i)", start.adding(days: from - 1 + i), [symptom: $0]) }
        }
    }

    @Test func aDayIsTheMeanOfItsCheckInsAndUnratedIsNotZero() {
        let day = Self.start
        let journal = Journal(entries: [
            Self.checkIn("a", day, hour: 8, ["soreness": 1, "cramps": 0]),
            Self.checkIn("b", day, hour: 20, ["soreness": 4]),
            JournalEntry(id: "f", day: day, kind: .redFlag("leg-breathless")),
            JournalEntry(id: "n", day: day, kind: .note("soreness=4")),
        ])
        let days = SymptomDays(journal, from: day.adding(days: -1), through: day)
        #expect(days.value("soreness", on: day) == 2.5)
        #expect(days.value("cramps", on: day) == 0)
        #expect(days.value("stiffness", on: day) == nil)
        #expect(days.value("soreness", on: day.adding(days: -1)) == nil)
        // Outside the span read: no value, not 0.
        #expect(days.value("soreness", on: day.adding(days: 1)) == nil)
    }

    /// Random check-ins over a week: each day's value is the plain mean of that day's ratings of the
    /// symptom, and the day's burden adds those values up.
    @Test func dayValuesAndBurdensAgreeWithTheirDefinitionsOnAnyJournal() async {
        /// (day 0-6, up to three ratings), up to 25 check-ins.
        typealias CheckIns = [(Int, [Int])]
        let checkIns = Generator<CheckIns, Shrink.None<CheckIns>> { rng in
            (0..<Int.random(in: 0...25, using: &rng)).map { _ in
                (Int.random(in: 0...6, using: &rng), (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int.random(in: 0...4, using: &rng) })
            }
        }
        await propertyCheck(count: 200, input: checkIns) { list in
            let entries = list.enumerated().map { i, item in
                let symptoms = ["soreness", "cramps", "fatigue"]
                var r: [String: Int] = [:]
                for (k, value) in item.1.enumerated() { r[symptoms[k % 3]] = value }
                return Self.checkIn("e\(i)", Self.start.adding(days: item.0), hour: i % 24, r)
            }
            let days = SymptomDays(Journal(entries: entries), from: Self.start, through: Self.start.adding(days: 6))
            for d in 0...6 {
                let day = Self.start.adding(days: d)
                var total = 0.0
                var rated = 0
                for symptom in ["soreness", "cramps", "fatigue"] {
                    let given = entries.filter { $0.day == day }.compactMap { $0.checkIn?.ratings[symptom] }
                    let mean = given.isEmpty ? nil : Double(given.reduce(0, +)) / Double(given.count)
                    #expect(days.value(symptom, on: day) == mean)
                    if let mean { total += mean; rated += 1 }
                }
                // The same sum, added in another order.
                let burden = days.burden(on: day)
                #expect(burden?.rated == (rated == 0 ? nil : rated))
                #expect(abs((burden?.total ?? 0) - total) < 1e-9)
            }
        }
    }

    @Test func sevenDayMeansCountOnlyRatedDays() {
        let journal = Journal(entries: Self.days("soreness", from: 1, [4, nil, 2, nil, nil, 0, nil, 3]))
        let days = SymptomDays(journal, from: Self.start, through: Self.start.adding(days: 7))
        // Days 1-7: ratings 4, 2, 0 on three of them.
        #expect(days.sevenDayMean("soreness", endingOn: Self.start.adding(days: 6)) == RatedMean(mean: 2, days: 3))
        // Days 2-8: 2, 0, 3.
        #expect(days.sevenDayMean("soreness", endingOn: Self.start.adding(days: 7)) == RatedMean(mean: 5.0 / 3, days: 3))
        #expect(days.sevenDayMean("cramps", endingOn: Self.start.adding(days: 7)) == RatedMean(mean: nil, days: 0))
    }

    @Test func theBurdenAddsTheDaysRatingsAndSaysHowManyWereRated() {
        let day = Self.start
        let journal = Journal(entries: [
            Self.checkIn("a", day, hour: 8, ["soreness": 1, "cramps": 3]),
            Self.checkIn("b", day, hour: 9, ["soreness": 2, "poor-sleep": 0]),
            JournalEntry(id: "f", day: day, kind: .redFlag("head-thunderclap")),
        ])
        let days = SymptomDays(journal, from: day, through: day)
        #expect(days.burden(on: day) == Burden(total: 1.5 + 3 + 0, rated: 3))
        #expect(days.burden(on: day, among: ["soreness", "stiffness"]) == Burden(total: 1.5, rated: 1))
        #expect(days.burden(on: day, among: ["stiffness"]) == nil)
        #expect(days.meanRating(on: day) == 1.5)
    }

    /// Red flags and every other kind of entry never change a score: adding any number of them leaves
    /// every value, burden and comparison as it was.
    @Test func redFlagsNeverCountInAnyScore() async {
        let flags = Gen.int(in: 0...27).array(of: 0...20)
        await propertyCheck(count: 100, input: flags) { offsets in
            let ratings = Self.days("soreness", from: 1, [3, 3, 2, 3, 3, 2, 3]) + Self.days("soreness", from: 22, [1, 1, 0, 1, 1, 1, 0])
            let plain = Journal(entries: ratings)
            let flagged = Journal(entries: ratings + offsets.enumerated().map { i, d in
                JournalEntry(id: "flag\(i)", day: Self.start.adding(days: d), kind: .redFlag("leg-calf-swelling"))
            })
            let last = Self.start.adding(days: 27)
            #expect(SymptomDays(flagged, from: Self.start, through: last) == SymptomDays(plain, from: Self.start, through: last))
            let compare = { (j: Journal) in
                BeforeAfter(journal: j, symptomIDs: ["soreness"], planStart: Self.start, plan: nil, catalogue: shipped, through: last)
            }
            #expect(compare(flagged) == compare(plain))
        }
    }

    // MARK: Before and after

    func compare(_ baseline: [Int?], _ latest: [Int?], through day: Int = 28) -> BeforeAfter {
        let journal = Journal(entries: Self.days("soreness", from: 1, baseline) + Self.days("soreness", from: day - latest.count + 1, latest))
        return BeforeAfter(journal: journal, symptomIDs: ["soreness"], planStart: Self.start, plan: nil, catalogue: shipped,
                           through: Self.start.adding(days: day - 1))
    }

    @Test func tooLittleDataWithFewerThanThreeRatedDaysInEitherWeek() {
        let few = compare([3, nil, 3, nil, nil, nil, nil], [0, 0, 0, 0, 0, 0, 0])
        #expect(few.symptoms[0].verdict == .tooLittleData)
        #expect(few.symptoms[0].text == "too little data")
        #expect(few.symptoms[0].baseline == RatedMean(mean: 3, days: 2))
        #expect(compare([3, 3, 3, 3, 3, 3, 3], [0, nil, nil, nil, nil, nil, 0]).symptoms[0].verdict == .tooLittleData)
        #expect(compare([3, 3, 3], [1, 1, 1]).symptoms[0].verdict == .lower)
    }

    @Test func noClearChangeUnderHalfAPoint() {
        let same = compare([2, 2, 3, 2], [2, 2, 2, 2])
        #expect(same.symptoms[0].baseline.mean == 2.25)
        #expect(same.symptoms[0].verdict == .noClearChange)
        #expect(same.symptoms[0].text == "no clear change")
        // Exactly half a point is a clear change.
        #expect(compare([2, 2, 2, 2], [3, 2, 2, 3]).symptoms[0].verdict == .higher)
    }

    @Test func lowerAndHigherSayTheNumbers() {
        let lower = compare([3, 3, 2, 3], [1, 1, 2, 0, 1])
        #expect(lower.symptoms[0].verdict == .lower)
        #expect(lower.symptoms[0].text == "lower: 2.8 to 1.0")
        let higher = compare([0, 1, 0], [2, 3, 2])
        #expect(higher.symptoms[0].text == "higher: 0.3 to 2.3")
        #expect(ChangeVerdict.allCases.map(\.rawValue) == ["too little data", "no clear change", "lower", "higher"])
    }

    @Test func theLatestWeekNeverOverlapsTheBaseline() {
        let weeks = ComparisonWeeks(planStart: Self.start, through: Self.start.adding(days: 9))
        #expect(weeks.baseline == Self.start...Self.start.adding(days: 6))
        #expect(weeks.latest == Self.start.adding(days: 7)...Self.start.adding(days: 9))
        #expect(ComparisonWeeks(planStart: Self.start, through: Self.start.adding(days: 6)).latest == nil)
        #expect(ComparisonWeeks(planStart: Self.start, through: Self.start.adding(days: 20)).latest
            == Self.start.adding(days: 14)...Self.start.adding(days: 20))
        // Plan day 10: only days 8-10 are "latest", so three rated days are the least that compare.
        let early = compare([3, 3, 3, 3], [1, 1, 1], through: 10)
        #expect(early.symptoms[0].latest == RatedMean(mean: 1, days: 3))
        #expect(early.symptoms[0].verdict == .lower)
    }

    @Test func theTotalIsEachDaysMeanRatingSoTheListSizeDoesNotMatter() {
        let baseline = (1...4).map { d in Self.checkIn("b\(d)", Self.start.adding(days: d - 1), ["soreness": 2]) }
        // The latest days rate two more symptoms at 2: the mean stays 2, the sum would have tripled.
        let latest = (22...25).map { d in
            Self.checkIn("l\(d)", Self.start.adding(days: d - 1), ["soreness": 2, "cramps": 2, "stiffness": 2])
        }
        let result = BeforeAfter(
            journal: Journal(entries: baseline + latest), symptomIDs: ["soreness", "cramps", "stiffness"],
            planStart: Self.start, plan: nil, catalogue: shipped, through: Self.start.adding(days: 27))
        #expect(result.total.symptomID == nil)
        #expect(result.total.baseline == RatedMean(mean: 2, days: 4))
        #expect(result.total.latest == RatedMean(mean: 2, days: 4))
        #expect(result.total.verdict == .noClearChange)
        #expect(result.symptoms.map(\.verdict) == [.noClearChange, .tooLittleData, .tooLittleData])
    }

    @Test func besideTheRatingsBreathingMinutesPlanTasksAndMagnesium() throws {
        let profile = Profile(
            ageYears: 40, sex: .female, goal: .soreness, planStart: Self.start, disclaimerAccepted: Self.start)
        let plan = PersonalPlan(profile: profile, catalogue: shipped, journal: Journal())
        let first = try #require(plan.day(Self.start))
        let ticks = first.tasks.prefix(2).map { task in
            var entry = plan.checkOffEntry(of: task, on: first)
            entry.id = "t-" + task.id
            return entry
        }
        let session = JournalEntry(id: "s", day: Self.start.adding(days: 1), kind: .breathing(
            BreathingSession(patternID: "box", plannedSeconds: 300, actualSeconds: 600, cycles: 30)))
        // Two baseline days with food logged (one with a supplement too); none in the latest week.
        let food = { (id: String, d: Int, mg: Double) in
            JournalEntry(id: id, day: Self.start.adding(days: d), kind: .food(FoodServing(foodID: "almonds_raw", servings: 1, mg: mg)))
        }
        let dose = JournalEntry(id: "d", day: Self.start.adding(days: 2), kind: .supplement(SupplementDose(formID: "glycinate", elementalMg: 200)))
        let journal = Journal(entries: ticks + [session, food("f1", 2, 100), food("f2", 3, 50), dose])
        let result = BeforeAfter(
            journal: journal, symptomIDs: [], planStart: Self.start,
            plan: PersonalPlan(profile: profile, catalogue: shipped, journal: journal), catalogue: shipped,
            through: Self.start.adding(days: 27))
        let week1 = try #require(PersonalPlan(profile: profile, catalogue: shipped, journal: journal)
            .adherence(from: Self.start, through: Self.start.adding(days: 6)))
        #expect(week1.done == 2)
        #expect(result.activity == [
            WeekFigure(label: "Breathing", baseline: "10 min", latest: "0 min"),
            WeekFigure(label: "Plan tasks done", baseline: "\(week1.percent)% (2 of \(week1.total))",
                       latest: result.activity[1].latest),
            // Means over the logged days only: (100 + 50) / 2 from food, 200 / 2 from supplements.
            WeekFigure(label: "Magnesium a day, food", baseline: "75 mg (2 d)", latest: "not logged"),
            WeekFigure(label: "Magnesium a day, supplements", baseline: "100 mg (2 d)", latest: "not logged"),
        ])
        #expect(result.activity[1].latest.hasPrefix("0% (0 of "))
    }

    @Test func planAdherenceOverDaysCountsEachPlanDaysTasks() throws {
        let profile = Profile(
            ageYears: 40, sex: .female, goal: .nerveTension, planStart: Self.start, disclaimerAccepted: Self.start)
        let empty = PersonalPlan(profile: profile, catalogue: shipped, journal: Journal())
        let day1 = try #require(empty.day(Self.start))
        var tick = empty.checkOffEntry(of: day1.tasks[0], on: day1)
        tick.id = "t"
        let plan = PersonalPlan(profile: profile, catalogue: shipped, journal: Journal(entries: [tick]))
        // Days before the plan add nothing due; the week's days add their tasks.
        let done = try #require(plan.adherence(from: Self.start.adding(days: -3), through: Self.start.adding(days: 6)))
        let due = (0..<7).compactMap { plan.day(Self.start.adding(days: $0)) }.map(\.tasks.count).reduce(0, +)
        #expect(done == Adherence(done: 1, total: due))
        #expect(plan.adherence(from: Self.start.adding(days: 40), through: Self.start.adding(days: 50)) == nil)
    }

    // MARK: The checklist

    @Test func everyGoalStartsWithACataloguedListAndTheOwnListWins() throws {
        let catalogue = try Catalogue.embedded()
        let known = Set(catalogue.symptoms.map(\.id))
        for goal in Goal.allCases {
            let ids = SymptomChecklist.ids(journal: Journal(), goal: goal, catalogue: catalogue)
            #expect(!ids.isEmpty, "\(goal)")
            #expect(Set(ids).isSubset(of: known))
            #expect(Set(ids) == Set(catalogue.defaultSymptoms(for: goal)))
        }
        #expect(SymptomChecklist.ids(journal: Journal(), goal: .soreness, catalogue: catalogue)
            == ["soreness", "slow-recovery", "poor-sleep", "stress-anxiety"])
        #expect(SymptomChecklist.ids(journal: Journal(), goal: .tensionHeadache, catalogue: catalogue)
            .contains("tension-headache"))
        #expect(SymptomChecklist.ids(journal: Journal(), goal: nil, catalogue: catalogue).isEmpty)
        // The person's own list, in catalogue order, without ids the catalogue does not have.
        let own = Journal(trackedSymptoms: ["fatigue", "gone-from-catalogue", "cramps"])
        #expect(SymptomChecklist.ids(journal: own, goal: .soreness, catalogue: catalogue) == ["cramps", "fatigue"])
        #expect(SymptomChecklist.ids(journal: Journal(trackedSymptoms: []), goal: .soreness, catalogue: catalogue).isEmpty)
        #expect(SymptomChecklist.adding("soreness", to: ["fatigue"], catalogue: catalogue) == .setTrackedSymptoms(["soreness", "fatigue"]))
        #expect(SymptomChecklist.removing("fatigue", from: ["soreness", "fatigue"]) == .setTrackedSymptoms(["soreness"]))
    }

    @Test func theListIsACustomChangeCheckedWhole() throws {
        var journal = Journal()
        #expect(try journal.apply(.setTrackedSymptoms(["cramps"])) == JournalTouch(custom: true))
        #expect(journal.trackedSymptoms == ["cramps"])
        #expect(throws: JournalChangeError.invalidSymptomList(problems: ["cramps is listed twice"])) {
            try journal.apply(.setTrackedSymptoms(["cramps", "soreness", "cramps"]))
        }
        #expect(throws: JournalChangeError.self) { try journal.apply(.setTrackedSymptoms([""])) }
        #expect(journal.trackedSymptoms == ["cramps"])
    }

    // MARK: Check-ins in the journal

    @Test func checkInsKeepTheirTimeNoteAndTriggersAndOldFilesStillLoad() throws {
        let old = #"{"id":"a","day":"2026-11-02","time":"08:15:00","type":"symptoms","ratings":{"cramps":2}}"#
        #expect(try JSONDecoder().decode(JournalEntry.self, from: Data(old.utf8)).kind == .symptoms(["cramps": 2]))
        let entry = JournalEntry(
            id: "b", day: Self.start, time: TimeOfDay(hour: 21, minute: 5),
            kind: .symptoms(SymptomCheckIn(ratings: ["soreness": 3], note: "long drive", triggers: [.stress, .longSitting])))
        let text = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
        #expect(text.contains(#""triggers":["long-sitting","stress"]"#))
        #expect(try JSONDecoder().decode(JournalEntry.self, from: Data(text.utf8)) == entry)
        let unknown = #"{"id":"c","day":"2026-11-02","type":"symptoms","ratings":{},"triggers":["moon"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JournalEntry.self, from: Data(unknown.utf8)) }
    }

    @Test func aCheckInsNoteIsShortAndNotEmpty() {
        #expect(SymptomCheckIn(ratings: [:], note: String(repeating: "a", count: 140)).problems.isEmpty)
        #expect(SymptomCheckIn(ratings: [:], note: String(repeating: "a", count: 141)).problems
            == ["the note is longer than 140 characters"])
        #expect(SymptomCheckIn(ratings: ["cramps": 5], note: "").problems
            == ["rating for cramps is 5, must be 0–4", "the note is empty (leave it out instead)"])
    }

    // MARK: The rating keys

    @Test func arrowsStepTheDaysLatestCheckInOrStartOne() throws {
        let day = Self.start
        var journal = Journal()
        let time = TimeOfDay(hour: 9, minute: 30)
        // Not rated, → is 0 ("none"), a new check-in at the time given.
        let first = CheckInEdit.step("soreness", by: 1, on: day, in: journal, at: time)
        #expect(first == [.add(JournalEntry(id: JournalEntry.newID, day: day, time: time, kind: .symptoms(["soreness": 0])))])
        #expect(CheckInEdit.step("soreness", by: -1, on: day, in: journal, at: time).isEmpty)
        journal = Journal(entries: [
            Self.checkIn("m", day, hour: 8, ["soreness": 1, "cramps": 2]), Self.checkIn("e", day, hour: 20, ["cramps": 4]),
        ])
        // The latest check-in that rates it.
        #expect(CheckInEdit.step("soreness", by: 1, on: day, in: journal, at: time)
            == [.update(Self.checkIn("m", day, hour: 8, ["soreness": 2, "cramps": 2]))])
        #expect(CheckInEdit.step("cramps", by: 1, on: day, in: journal, at: time).isEmpty)
        // None rates it: the day's latest check-in.
        #expect(CheckInEdit.step("stiffness", by: 1, on: day, in: journal, at: time)
            == [.update(Self.checkIn("e", day, hour: 20, ["cramps": 4, "stiffness": 0]))])
        // Down from 0 clears; a check-in left empty goes.
        let only = Journal(entries: [Self.checkIn("x", day, ["soreness": 0])])
        #expect(CheckInEdit.step("soreness", by: -1, on: day, in: only, at: time) == [.remove(id: "x")])
    }

    @Test func clearingTakesTheSymptomOutOfEveryCheckInOfTheDay() {
        let day = Self.start
        var kept = SymptomCheckIn(ratings: ["soreness": 2], note: "stiff")
        let journal = Journal(entries: [
            JournalEntry(id: "a", day: day, kind: .symptoms(kept)), Self.checkIn("b", day, hour: 9, ["soreness": 1]),
            Self.checkIn("c", day.adding(days: 1), ["soreness": 3]),
        ])
        kept.ratings = [:]
        #expect(CheckInEdit.clear("soreness", on: day, in: journal)
            == [.update(JournalEntry(id: "a", day: day, kind: .symptoms(kept))), .remove(id: "b")])
        #expect(CheckInEdit.clear("cramps", on: day, in: journal).isEmpty)
    }

    @Test func typedCheckInsAreReadOrRefusedWithTheChoices() throws {
        let catalogue = try Catalogue.embedded()
        let ok = try CheckInInput.parse(["soreness=2", " cramps = 0 "], note: "  sat all day ", triggers: ["long-sitting"],
                                        catalogue: catalogue).get()
        #expect(ok == SymptomCheckIn(ratings: ["soreness": 2, "cramps": 0], note: "sat all day", triggers: [.longSitting]))
        func refusal(_ pairs: [String], note: String? = nil, triggers: [String] = []) -> String? {
            guard case .failure(let e) = CheckInInput.parse(pairs, note: note, triggers: triggers, catalogue: catalogue) else { return nil }
            return e.message
        }
        #expect(refusal(["sorenes=2"])?.hasPrefix("Unknown symptom \"sorenes\"; the symptoms are: soreness, stiffness,") == true)
        #expect(refusal(["soreness=5"]) == "Rating for soreness must be a whole number 0-4 (" + SymptomRating.legend + "), not \"5\".")
        #expect(refusal(["soreness=1.5"])?.contains("whole number 0-4") == true)
        #expect(refusal(["soreness"]) == "\"soreness\" is not SYMPTOM=N, e.g. soreness=2.")
        #expect(refusal(["soreness=1", "soreness=2"]) == "soreness is rated twice; rate it once.")
        #expect(refusal(["soreness=1"], triggers: ["moon"])?.hasPrefix("Unknown trigger \"moon\"; the triggers are: long-sitting") == true)
        #expect(refusal([]) == "Nothing to record: give at least one SYMPTOM=N.")
        #expect(refusal(["soreness=1"], note: String(repeating: "x", count: 141)) == "The note is longer than 140 characters.")
        let today = Self.start
        #expect(try CheckInInput.day("2026-11-01", today: today).get() == today.adding(days: -1))
        #expect(throws: CheckInInputError.self) { try CheckInInput.day("2026-11-03", today: today).get() }
        #expect(throws: CheckInInputError.self) { try CheckInInput.day("2026-02-30", today: today).get() }
    }

    @Test func ratingWordsAndSteps() {
        #expect(SymptomRating.legend == "0 none · 1 mild · 2 moderate · 3 severe · 4 unbearable")
        #expect(SymptomRating.word(2.4) == "moderate")
        #expect(SymptomRating.word(2.5) == "severe")
        #expect(SymptomRating.step(nil, by: 1) == 0)
        #expect(SymptomRating.step(4, by: 1) == 4)
        #expect(SymptomRating.step(0, by: -1) == nil)
        #expect(SymptomRating.step(nil, by: -1) == nil)
    }
}
