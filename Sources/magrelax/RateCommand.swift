import ArgumentParser
import MagRelaxCore
import MagRelaxStore

/// `magrelax rate SYMPTOM=N [SYMPTOM=N ...] [--date YYYY-MM-DD] [--note TEXT] [--trigger NAME ...]`
/// records one check-in, as the Symptoms pane's `c` does.
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Record a check-in: rate symptoms 0-4 (" + SymptomRating.legend + ").",
        discussion: """
            Symptom ids are the catalogue's (a bad id or value prints the valid ones and records nothing). \
            Without --date the check-in is today's, at the time now; a past day's has no time. \
            `magrelax symptoms` prints your list and recent ratings.
            """)

    @OptionGroup var data: DataDirOption
    @Argument(help: ArgumentHelp("Symptom and rating, e.g. soreness=2 cramps=0.", valueName: "symptom=n"))
    var ratings: [String] = []
    @Option(help: ArgumentHelp("The day rated (not after today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: ArgumentHelp("A short note (up to \(SymptomCheckIn.noteLimit) characters).", valueName: "text"))
    var note: String?
    @Option(name: .customLong("trigger"), help: ArgumentHelp(
        "A possible trigger, repeatable: " + SymptomTrigger.allCases.map(\.rawValue).joined(separator: ", ") + ".",
        valueName: "name"))
    var triggers: [String] = []

    func run() throws {
        let catalogue = StoreAccess.catalogue()
        let now = SystemClock.now()
        let today = CalendarDay(now)
        // Everything is checked before the folder is opened: a bad value writes nothing.
        let checkIn: SymptomCheckIn
        let day: CalendarDay
        do {
            checkIn = try CheckInInput.parse(ratings, note: note, triggers: triggers, catalogue: catalogue).get()
            day = try date.map { text throws(CheckInInputError) in try CheckInInput.day(text, today: today).get() } ?? today
        } catch {
            fail(error.message)
        }
        let store = StoreAccess.open(data)
        guard let change = CheckInEdit.add(checkIn, on: day, at: TimeOfDay.ofEntry(on: day, now: now)) else { return }
        let tick = PersonalPlan.ratingCheckOff(for: [change], profile: store.profile, journal: store.journal, catalogue: catalogue)
        let journal = StoreAccess.record([change] + (tick.map { [$0.change] } ?? []), in: store)
        let listed = Set(SymptomChecklist.ids(journal: journal, goal: store.profile?.goal, catalogue: catalogue))
        let rated = checkIn.ratings.sorted { $0.key < $1.key }
        print("Recorded for \(day): " + rated.map { "\($0.key) \($0.value) (\(SymptomRating.words[$0.value]))" }
            .joined(separator: ", "))
        if let tick { print("Ticked in your plan: \(tick.task.title).") }
        let unlisted = rated.map(\.key).filter { !listed.contains($0) }
        if !unlisted.isEmpty {
            print("Not on your list, so the Symptoms pane does not show it: " + unlisted.joined(separator: ", ")
                + " (press a there to add it).")
        }
    }
}
