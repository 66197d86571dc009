/// A red flag the person marked, as the journal has it.
public struct RecordedRedFlag: Sendable, Hashable {
    public var entryID: String
    public var day: CalendarDay
    public var flagID: String

    public init(entryID: String, day: CalendarDay, flagID: String) {
        self.entryID = entryID
        self.day = day
        self.flagID = flagID
    }
}

/// While a red flag is recent, the app shows it and holds back every supplement suggestion: a red
/// flag routes to care, not to a plan. "Recent" is a product rule (the last 14 days), not a health figure.
public enum RedFlagHold {
    public static let days = 14

    /// The days whose red flags hold on `today`: the `days` days ending today, today included.
    public static func window(endingOn today: CalendarDay) -> ClosedRange<CalendarDay> {
        today.adding(days: 1 - days)...today
    }

    /// Red flags marked from `days` days ending `today` (today included), newest first.
    public static func recent(in journal: Journal, today: CalendarDay) -> [RecordedRedFlag] {
        let window = window(endingOn: today)
        return recorded(in: journal, from: window.lowerBound, through: window.upperBound)
    }

    /// Red flags marked between two days (both included), newest first.
    public static func recorded(in journal: Journal, from first: CalendarDay, through last: CalendarDay) -> [RecordedRedFlag] {
        journal.entries(from: first, through: last).reversed().compactMap { entry in
            guard case .redFlag(let flag) = entry.kind else { return nil }
            return RecordedRedFlag(entryID: entry.id, day: entry.day, flagID: flag)
        }
    }

    /// The last day a red flag holds supplement suggestions back.
    public static func heldThrough(_ flag: RecordedRedFlag) -> CalendarDay { flag.day.adding(days: days - 1) }
}
