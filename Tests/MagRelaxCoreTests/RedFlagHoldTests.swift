import MagRelaxCore
import Testing

@Suite("Red flags hold supplement suggestions for 14 days")
struct RedFlagHoldTests {
    func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    @Test func aFlagHoldsFromItsDayForFourteenDays() throws {
        var journal = Journal()
        try journal.apply([
            .add(JournalEntry(id: "f1", day: day("2026-11-01"), kind: .redFlag("leg-calf-swelling"))),
            .add(JournalEntry(id: "n1", day: day("2026-11-05"), kind: .note("calf fine now"))),
        ])
        #expect(RedFlagHold.recent(in: journal, today: day("2026-10-31")).isEmpty)
        #expect(!RedFlagHold.recent(in: journal, today: day("2026-11-01")).isEmpty)
        #expect(!RedFlagHold.recent(in: journal, today: day("2026-11-14")).isEmpty)
        #expect(RedFlagHold.recent(in: journal, today: day("2026-11-15")).isEmpty)
        #expect(RedFlagHold.heldThrough(RecordedRedFlag(entryID: "f1", day: day("2026-11-01"), flagID: "x")) == day("2026-11-14"))
        #expect(RedFlagHold.recent(in: journal, today: day("2026-11-10"))
            == [RecordedRedFlag(entryID: "f1", day: day("2026-11-01"), flagID: "leg-calf-swelling")])
    }

    @Test func newestFirstAndAnEmptyIdIsRefused() throws {
        var journal = Journal()
        try journal.apply([
            .add(JournalEntry(id: "a", day: day("2026-11-02"), kind: .redFlag("back-night-pain"))),
            .add(JournalEntry(id: "b", day: day("2026-11-09"), kind: .redFlag("head-pattern-change"))),
        ])
        #expect(RedFlagHold.recent(in: journal, today: day("2026-11-10")).map(\.entryID) == ["b", "a"])
        #expect(throws: JournalChangeError.self) {
            try journal.apply(.add(JournalEntry(id: "c", day: day("2026-11-10"), kind: .redFlag(""))))
        }
    }
}
