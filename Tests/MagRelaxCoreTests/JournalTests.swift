import MagRelaxCore
import PropertyBased
import Testing

@Suite("Journal model: days, profile validation, queries")
struct JournalModelTests {
    @Test func dayNumberRoundTripsForAnyDay() async {
        await propertyCheck(input: Gen.int(in: -700_000...2_900_000)) { n in
            let day = CalendarDay(dayNumber: n)
            #expect(day.dayNumber == n)
            #expect(CalendarDay(iso: day.description) == day)
            #expect(day.adding(days: 1) > day)
        }
    }

    @Test func knownDatesAndWeekdays() {
        #expect(CalendarDay(dayNumber: 0).description == "1970-01-01")
        #expect(CalendarDay(dayNumber: 0).weekday == 4)  // Thursday
        let d = CalendarDay(year: 2026, month: 11, day: 2)!
        #expect(d.weekday == 1)  // Monday
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDay(iso: "2026-1-02") == nil)
        #expect(CalendarDay(iso: "2026-01-02x") == nil)
        #expect(d.monthKey == "2026-11")
    }

    @Test func localDayAndTimeUseTheOffsetPassedIn() {
        // 2026-11-22 23:30 UTC is already the 23rd at UTC+1 and still the 22nd at UTC-5.
        let t = 1_795_390_200.0
        #expect(CalendarDay(unixSeconds: t, utcOffsetSeconds: 0).description == "2026-11-22")
        #expect(CalendarDay(unixSeconds: t, utcOffsetSeconds: 3600).description == "2026-11-23")
        #expect(TimeOfDay(unixSeconds: t, utcOffsetSeconds: 3600).description == "00:30:00")
        #expect(TimeOfDay(unixSeconds: t, utcOffsetSeconds: -5 * 3600).shortText == "18:30")
        #expect(TimeOfDay(text: "07:05")?.description == "07:05:00")
        #expect(TimeOfDay(text: "24:00") == nil)
    }

    func profile(age: Int = 35, dose: Double = 200, clinician: Bool = false) -> Profile {
        Profile(
            ageYears: age, sex: .female, goal: .soreness, planStart: CalendarDay(year: 2026, month: 11, day: 2)!,
            supplementFormID: "glycinate", doseMg: dose, clinicianDirectedDose: clinician)
    }

    @Test func profileValidation() {
        let forms: Set<String> = ["glycinate", "citrate"]
        #expect(profile().validate(knownFormIDs: forms).isEmpty)
        #expect(profile(age: 0).validate(knownFormIDs: forms).map(\.field) == [.age])
        #expect(profile(age: 121).validate(knownFormIDs: forms).first?.message.contains("1 to 120") == true)
        let over = profile(dose: 400).validate(knownFormIDs: forms)
        #expect(over.map(\.severity) == [.error])
        #expect(over.first?.message.contains("350 mg/day upper limit") == true)
        let directed = profile(dose: 400, clinician: true).validate(knownFormIDs: forms)
        #expect(directed.map(\.severity) == [.warning])
        #expect(profile(dose: 5000, clinician: true).validate(knownFormIDs: forms).map(\.severity) == [.error])
        #expect(profile(dose: -1).isValid(knownFormIDs: forms) == false)
        #expect(profile(dose: .nan).isValid(knownFormIDs: forms) == false)
        #expect(profile().validate(knownFormIDs: ["citrate"]).first?.message.contains("Unknown supplement form \"glycinate\"") == true)
        var male = profile()
        male.sex = .male
        male.lifeStage = .pregnant
        #expect(male.validate(knownFormIDs: forms).map(\.field) == [.lifeStage])
        var kidney = profile()
        kidney.kidneyDisease = true
        #expect(kidney.validate(knownFormIDs: forms).map(\.severity) == [.warning])
        var noForm = profile()
        noForm.supplementFormID = nil
        #expect(noForm.validate(knownFormIDs: forms).map(\.field) == [.supplementForm])
    }

    func entry(_ id: String, _ day: Int, _ hour: Int? = nil) -> JournalEntry {
        JournalEntry(
            id: id, day: CalendarDay(year: 2026, month: 11, day: day)!, time: hour.flatMap { TimeOfDay(hour: $0, minute: 0) },
            kind: .note(id))
    }

    @Test func entriesStaySortedAndQueriesFindDaysAndRanges() throws {
        var journal = Journal()
        try journal.apply(.add(entry("c", 3, 9)))
        try journal.apply(.add(entry("a", 1)))
        try journal.apply(.add(entry("b2", 3, 8)))
        try journal.apply(.add(entry("b1", 3)))
        try journal.apply(.add(entry("d", 30)))
        #expect(journal.entries.map(\.id) == ["a", "b1", "b2", "c", "d"])
        #expect(journal.entries(on: CalendarDay(year: 2026, month: 11, day: 3)!).map(\.id) == ["b1", "b2", "c"])
        let range = journal.entries(
            from: CalendarDay(year: 2026, month: 11, day: 2)!, through: CalendarDay(year: 2026, month: 11, day: 30)!)
        #expect(range.map(\.id) == ["b1", "b2", "c", "d"])
        #expect(journal.entries(on: CalendarDay(year: 2026, month: 11, day: 2)!).isEmpty)
        #expect(journal.entries(inMonth: "2026-11").count == 5)
        #expect(journal.months == ["2026-11"])
    }

    @Test func changesReportTheMonthsTheyTouchAndRefuseBadInput() throws {
        var journal = Journal()
        #expect(try journal.apply(.add(entry("a", 1))) == JournalTouch(months: ["2026-11"]))
        var moved = entry("a", 1)
        moved.day = CalendarDay(year: 2026, month: 12, day: 1)!
        #expect(try journal.apply(.update(moved)) == JournalTouch(months: ["2026-11", "2026-12"]))
        #expect(throws: JournalChangeError.duplicateID("a")) { try journal.apply(.add(moved)) }
        #expect(throws: JournalChangeError.unknownID("zz")) { try journal.apply(.remove(id: "zz")) }
        let bad = JournalEntry(
            id: "b", day: moved.day,
            kind: .breathing(BreathingSession(patternID: "box", plannedSeconds: 60, actualSeconds: 60, cycles: 4, tensionBefore: 11)))
        #expect(throws: JournalChangeError.invalidEntry(id: "b", problems: ["tension before is 11, must be 0–10"])) {
            try journal.apply(.add(bad))
        }
        #expect(journal.entries.map(\.id) == ["a"])
    }

    @Test func checkOffQuery() throws {
        var journal = Journal()
        let day = CalendarDay(year: 2026, month: 11, day: 4)!
        try journal.apply(.add(JournalEntry(id: "x", day: day, kind: .checkOff(TaskCheckOff(goal: .soreness, week: 1, taskID: "hydrate")))))
        #expect(journal.isChecked(goal: .soreness, week: 1, taskID: "hydrate", on: day))
        #expect(!journal.isChecked(goal: .soreness, week: 2, taskID: "hydrate", on: day))
        #expect(!journal.isChecked(goal: .soreness, week: 1, taskID: "hydrate", on: day.adding(days: 1)))
    }
}

@Suite("Entry ids")
struct EntryIDTests {
    /// Lowercase 8-4-4-4-12 hex with version 4 and the RFC 4122 variant (8, 9, a or b).
    static func isVersion4(_ id: String) -> Bool {
        let groups = id.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12],
            groups.allSatisfy({ $0.allSatisfy { "0123456789abcdef".contains($0) } })
        else { return false }
        return groups[2].first == "4" && "89ab".contains(groups[3].first!)
    }

    @Test func idsAreVersion4UUIDsAndDistinctOver100k() {
        var generator = IDGenerator(seed: 7)
        var seen = Set<String>()
        for _ in 0..<100_000 {
            let id = generator.next()
            #expect(Self.isVersion4(id), "\(id)")
            seen.insert(id)
        }
        #expect(seen.count == 100_000)
    }

    @Test func sameSeedGivesTheSameSequence() {
        var a = IDGenerator(seed: 42)
        var b = IDGenerator(seed: 42)
        var c = IDGenerator(seed: 43)
        let first = (0..<50).map { _ in a.next() }
        #expect(first == (0..<50).map { _ in b.next() })
        #expect(Set(first).isDisjoint(with: (0..<50).map { _ in c.next() }))
        #expect(a == b)
    }

    @Test func seedingFromARandomSourceFillsTheState() {
        var source = SystemRandomNumberGenerator()
        var a = IDGenerator(using: &source)
        var b = IDGenerator(using: &source)
        #expect(a != b)
        #expect(Self.isVersion4(a.next()) && a.next() != b.next())
    }

    @Test func everyEntryTypeRoundTripsItsName() {
        for type in EntryType.allCases { #expect(EntryType(rawValue: type.rawValue) == type) }
        #expect(EntryKind.checkOff(TaskCheckOff(goal: .soreness, week: 1, taskID: "t")).typeName == "check-off")
    }
}

@Suite("Journal: batches and merging")
struct JournalBatchTests {
    let day = CalendarDay(year: 2026, month: 11, day: 2)!

    static func note(_ id: String, _ day: CalendarDay, hour: Int? = nil) -> JournalEntry {
        JournalEntry(id: id, day: day, time: hour.flatMap { TimeOfDay(hour: $0, minute: 0) }, kind: .note(id))
    }

    @Test func aBatchIsAppliedInOrderAndTouchesTheUnion() throws {
        var journal = Journal()
        let pattern = BreathingPattern(
            id: "mine", name: "Mine", inhale: 4, holdIn: 0, exhale: 6, holdOut: 0,
            dose: PracticeDose(unit: .minutes, min: 1, max: 5, maxAfterFirstMonth: nil), cues: [], cautions: [],
            alternateNostril: false, source: "custom", timingNote: nil)
        let touch = try journal.apply([
            .add(Self.note("a", day)), .add(Self.note("b", day.adding(days: 30))), .remove(id: "a"), .putCustomPattern(pattern),
        ])
        #expect(touch == JournalTouch(months: ["2026-11", "2026-12"], custom: true))
        #expect(journal.entries.map(\.id) == ["b"])
        #expect(journal.customPatterns.map(\.id) == ["mine"])
        #expect(try journal.apply([]) == JournalTouch())
    }

    @Test func aBatchWhoseSecondChangeFailsChangesNothing() throws {
        var journal = Journal(entries: [Self.note("a", day)])
        let before = journal
        #expect(throws: JournalChangeError.unknownID("zz")) {
            try journal.apply([.add(Self.note("b", day)), .remove(id: "zz"), .add(Self.note("c", day))])
        }
        #expect(journal == before)
    }

    /// Random journals and random batches: a batch either succeeds exactly like its changes one by
    /// one, or fails with the first change's error and leaves the journal equal to before.
    /// A change among five ids over three months; some are refused (unknown or repeated id, a bad rating).
    static func randomChange<R: RandomNumberGenerator>(_ rng: inout R) -> JournalChange {
        let id = ["a", "b", "c", "d", "e"].randomElement(using: &rng)!
        let day = CalendarDay(year: 2026, month: 1, day: 1)!.adding(days: Int.random(in: 0..<90, using: &rng))
        let entry = note(id, day, hour: Int.random(in: 0..<24, using: &rng))
        switch Int.random(in: 0...3, using: &rng) {
        case 0: return .add(entry)
        case 1: return .update(entry)
        case 2: return .remove(id: id)
        default: return .add(JournalEntry(id: id, day: day, kind: .symptoms(["cramps": 9])))
        }
    }

    @Test func batchesAreAllOrNothing() async {
        let cases = Generator<(Journal, [JournalChange]), Shrink.None<(Journal, [JournalChange])>> { rng in
            var journal = Journal()
            for _ in 0..<Int.random(in: 0...4, using: &rng) { _ = try? journal.apply(JournalBatchTests.randomChange(&rng)) }
            return (journal, (0..<Int.random(in: 1...4, using: &rng)).map { _ in JournalBatchTests.randomChange(&rng) })
        }
        await propertyCheck(count: 300, input: cases) { start, batch in
            var oneByOne = start
            var touch = JournalTouch()
            var firstError: JournalChangeError?
            for c in batch where firstError == nil {
                do throws(JournalChangeError) { touch = touch.union(try oneByOne.apply(c)) } catch { firstError = error }
            }
            var batched = start
            do throws(JournalChangeError) {
                let batchTouch = try batched.apply(batch)
                #expect(batchTouch == touch)
                #expect(firstError == nil)
                #expect(batched == oneByOne)
            } catch {
                #expect(error == firstError)
                #expect(batched == start)
            }
        }
    }

    /// A batch applied in place and then undone leaves the journal exactly as it was, entry order
    /// included (entries on the same day and hour keep their order), for entry and list changes alike.
    @Test func anUndoneBatchLeavesTheJournalAsItWas() async {
        let cases = Generator<(Journal, [JournalChange]), Shrink.None<(Journal, [JournalChange])>> { rng in
            var journal = Journal()
            for _ in 0..<Int.random(in: 0...12, using: &rng) { _ = try? journal.apply(JournalBatchTests.randomChange(&rng)) }
            let batch = (0..<Int.random(in: 1...5, using: &rng)).map { _ -> JournalChange in
                switch Int.random(in: 0...5, using: &rng) {
                case 0: .markFood(id: "f", Bool.random(using: &rng) ? .favourite : nil)
                case 1: .setTrackedSymptoms(["cramps"])
                default: JournalBatchTests.randomChange(&rng)
                }
            }
            return (journal, batch)
        }
        await propertyCheck(count: 300, input: cases) { start, batch in
            var journal = start
            guard let applied = try? journal.applyUndoably(batch) else {
                #expect(journal == start)
                return
            }
            var oneByOne = start
            for change in batch { _ = try? oneByOne.apply(change) }
            #expect(journal == oneByOne)
            journal.undo(applied.undo)
            #expect(journal == start)
        }
    }

    @Test func mergeKeepsTheOrderAndIgnoresKnownIDs() {
        var journal = Journal(entries: [Self.note("new", day, hour: 9), Self.note("new2", day.adding(days: 1))])
        journal.merge([
            Self.note("old2", day.adding(days: -1)), Self.note("new", day.adding(days: -40)), Self.note("old1", day.adding(days: -35)),
            Self.note("same-day", day, hour: 9), Self.note("old1", day.adding(days: -2)),
        ])
        #expect(journal.entries.map(\.id) == ["old1", "old2", "new", "same-day", "new2"])
        #expect(journal.entry(id: "new")?.day == day)
        #expect(journal.entry(id: "old1")?.day == day.adding(days: -35))
        let before = journal
        journal.merge([])
        journal.merge([Self.note("new2", day)])
        #expect(journal == before)
    }

    @Test func mergingAnyHalvesGivesTheWhole() async {
        let entries = Gen.int(in: 0...400).array(of: 0...40)
        await propertyCheck(count: 200, input: entries, Gen.int(in: 0...2000)) { dayNumbers, seed in
            let all = dayNumbers.enumerated().map { i, d in Self.note("e\(i)", CalendarDay(dayNumber: 20_000 + d), hour: (d + seed) % 3 == 0 ? nil : d % 24) }
            let whole = Journal(entries: all)
            let recent = all.filter { ($0.day.dayNumber + seed) % 2 == 0 }
            let older = all.filter { ($0.day.dayNumber + seed) % 2 != 0 }
            var merged = Journal(entries: recent)
            merged.merge(older)
            // The halves split by day, so no two entries with the same day and time sit in different halves.
            #expect(merged.entries.map(\.id) == whole.entries.map(\.id))
        }
    }
}
