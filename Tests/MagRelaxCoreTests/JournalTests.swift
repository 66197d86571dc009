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
