import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Symptoms tests' world: 2026-11-23 at 08:30 UTC, a soreness plan started 2026-11-02 (today is plan
/// day 22), whose checklist is soreness, slow recovery, poor sleep, stress and anxiety.
enum SymptomsWorld {
    static let today = CalendarDay(iso: "2026-11-23")!
    static let planStart = CalendarDay(iso: "2026-11-02")!
    static let list = ["soreness", "slow-recovery", "poor-sleep", "stress-anxiety"]

    /// The clock `minutes` after 08:30 on the test day.
    static func clock(_ minutes: Double = 0) -> TimeReading {
        let seconds = Double(today.dayNumber * 86_400 + 8 * 3600 + 30 * 60) + minutes * 60
        return TimeReading(monotonic: 500 + minutes * 60, wallClock: seconds, utcOffsetSeconds: 0)
    }

    static func time(_ hour: Int, _ minute: Int) -> TimeOfDay { TimeOfDay(hour: hour, minute: minute)! }

    static var profile: Profile {
        Profile(ageYears: 35, sex: .female, goal: .soreness, planStart: planStart, disclaimerAccepted: planStart)
    }

    /// The app on the Symptoms pane with the profile and these entries.
    static func state(width: Int = 80, height: Int = 24, entries: [JournalEntry] = []) throws -> AppState {
        var state = try makeState(width: width, height: height)
        state.profile = profile
        state.journal = Journal(entries: entries)
        _ = update(&state, .tick(clock()))
        return state
    }

    static func checkIn(_ id: String, _ day: CalendarDay, _ time: TimeOfDay?, _ c: SymptomCheckIn) -> JournalEntry {
        JournalEntry(id: id, day: day, time: time, kind: .symptoms(c))
    }

    /// 28 days of check-ins ending today, falling soreness, a gap now and then; breathing in the later
    /// weeks and a few plan tasks ticked; this morning's check-in carries a note and triggers.
    static var fourWeeks: [JournalEntry] {
        var out: [JournalEntry] = []
        for d in 0..<28 {
            let day = today.adding(days: d - 27)
            var ratings: [String: Int] = [:]
            if d % 5 != 4 { ratings["soreness"] = 3 - d / 10 }
            ratings["slow-recovery"] = d % 3 + (d < 14 ? 1 : 0)
            if d % 7 != 3 { ratings["poor-sleep"] = d % 2 == 0 ? 2 : 1 }
            if d % 4 == 0 { ratings["stress-anxiety"] = 2 }
            let last = d == 27
            out.append(checkIn("c\(d)", day, time(last ? 7 : 21, last ? 45 : 0), SymptomCheckIn(
                ratings: ratings, note: last ? "stiff after the long drive" : nil,
                triggers: last ? [.longSitting, .poorSleep] : [])))
            if d >= 18 && d % 2 == 0 {
                out.append(JournalEntry(id: "b\(d)", day: day, time: time(19, 0), kind: .breathing(
                    BreathingSession(patternID: "coherent", plannedSeconds: 600, actualSeconds: 600, cycles: 55))))
            }
            if day >= planStart && d % 3 == 0 {
                let week = PlanCalendar(start: planStart).week(of: day)!
                out.append(JournalEntry(id: "k\(d)", day: day, kind: .checkOff(
                    TaskCheckOff(goal: .soreness, week: week, taskID: "w\(week)-hydration"))))
            }
        }
        return out
    }
}

/// Presses keys and reports every save asked for as done, so the next key starts from a settled state.
@discardableResult
func pressSaved(_ keys: [Key], _ state: inout AppState) -> [Effect] {
    var all: [Effect] = []
    for key in keys {
        let effects = update(&state, .key(key))
        for effect in effects {
            if case .saveJournal = effect { _ = update(&state, .storage(.saved)) }
        }
        all += effects
    }
    return all
}

extension AppState {
    /// The line of the screen that shows `text`.
    func line(containing text: String) -> String? {
        view(self).lines.first { $0.contains(text) }
    }
}
