import ArgumentParser
import MagRelaxCore
import MagRelaxStore
import TerminalUI

/// `magrelax symptoms [--days N]`: the person's list with recent ratings, red flags, and before and after.
struct SymptomsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symptoms",
        abstract: "Print your symptoms with their recent ratings, and the plan's before and after.",
        discussion: "A day's rating is the mean of that day's check-ins; - means not rated. Read-only: works while the app is open.")

    static let dayRange = 1...28

    @OptionGroup var data: DataDirOption
    @Option(help: ArgumentHelp("How many days to show, up to today (1-28).", valueName: "n")) var days = 7

    func validate() throws {
        guard Self.dayRange.contains(days) else { throw ValidationError("--days must be from 1 to 28.") }
    }

    func run() throws {
        let catalogue = StoreAccess.catalogue()
        let store = StoreAccess.open(data, readOnly: true)
        let today = CalendarDay(SystemClock.now())
        print(SymptomsText.lines(
            journal: store.journal, profile: store.profile, catalogue: catalogue, today: today, days: days
        ).joined(separator: "\n"))
    }
}

/// The text `magrelax symptoms` prints.
enum SymptomsText {
    static let nameWidth = 30

    static func lines(journal: Journal, profile: Profile?, catalogue: Catalogue, today: CalendarDay, days count: Int)
        -> [String]
    {
        let symptoms = SymptomChecklist.symptoms(journal: journal, goal: profile?.goal, catalogue: catalogue)
        let ids = symptoms.map(\.id)
        let first = today.adding(days: 1 - count)
        let span = SymptomDays(journal, from: first, through: today)
        let dates = (0..<count).map { first.adding(days: $0) }
        func cell(_ value: Double?) -> String { (value.map { number($0) } ?? "-").column(4, right: true) }
        var out: [String] = []
        if symptoms.isEmpty {
            out.append(profile == nil
                ? "No profile yet: start magrelax, or run `magrelax profile set`, to get a list for your goal."
                : "Your symptom list is empty: add symptoms in the Symptoms pane (a).")
        } else {
            out.append("Your symptoms, \(first) to \(today) (a day's mean rating 0-4; - not rated)")
            out.append("".column(nameWidth) + dates.map { String($0.day).column(4, right: true) }.joined() + "   7-day mean")
            for s in symptoms {
                out.append(s.name.column(nameWidth) + dates.map { cell(span.value(s.id, on: $0)) }.joined()
                    + "   " + mean(span.sevenDayMean(s.id, endingOn: today)))
            }
            out.append("Day's burden (sum)".column(nameWidth) + dates.map { cell(span.burden(on: $0, among: ids)?.total) }.joined())
            let notes = journal.entries(from: first, through: today).compactMap { entry -> String? in
                guard let c = entry.checkIn, !c.triggers.isEmpty || c.note != nil else { return nil }
                let parts = (c.triggers.isEmpty ? [] : [c.sortedTriggers.map(\.label).joined(separator: ", ")])
                    + (c.note.map { ["\"\($0)\""] } ?? [])
                return "  \(entry.day) \(entry.time?.shortText ?? "     ")  " + parts.joined(separator: "  ")
            }
            if !notes.isEmpty { out += ["", "Triggers and notes:"] + notes }
        }
        out.append("")
        let flags = RedFlagHold.recent(in: journal, today: today)
        if flags.isEmpty {
            out.append("Red flags in the last \(RedFlagHold.days) days: none.")
        } else {
            out.append("Red flags in the last \(RedFlagHold.days) days (supplement suggestions are held back):")
            for mark in flags {
                let flag = catalogue.redFlag(id: mark.flagID)
                out.append("  \(mark.day)  " + (flag.map { $0.symptom + ": " + $0.action.label } ?? mark.flagID))
            }
        }
        guard let profile, !symptoms.isEmpty else { return out }
        let comparison = BeforeAfter(
            journal: journal, symptomIDs: ids, planStart: profile.planStart,
            plan: PersonalPlan(profile: profile, catalogue: catalogue, journal: journal), catalogue: catalogue,
            through: today)
        let weeks = comparison.weeks
        out += [
            "",
            "Before and after: baseline plan days 1-7 (\(weeks.baseline.lowerBound) to \(weeks.baseline.upperBound)), latest "
                + (weeks.latest.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "none yet"),
            "".column(nameWidth) + "baseline".column(14) + "latest".column(14) + "change",
        ]
        for (s, change) in zip(symptoms, comparison.symptoms) { out.append(row(s.name, change)) }
        out.append(row("All your symptoms", comparison.total))
        for figure in comparison.activity {
            out.append(figure.label.column(nameWidth) + figure.baseline.column(14) + figure.latest)
        }
        out.append(BeforeAfter.caveat)
        return out
    }

    static func row(_ name: String, _ change: SymptomChange) -> String {
        name.column(nameWidth) + mean(change.baseline).column(14) + mean(change.latest).column(14) + change.text
    }

    static func mean(_ m: RatedMean) -> String { (m.mean.map(BeforeAfter.decimal) ?? "-") + " (\(m.days) d)" }

    /// "2", "2.5": whole numbers stay whole.
    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : BeforeAfter.decimal(v) }
}
