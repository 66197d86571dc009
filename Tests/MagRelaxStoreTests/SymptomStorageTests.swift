import Foundation
import MagRelaxCore
import Testing

@testable import MagRelaxStore

/// Check-ins with notes and triggers, and the person's symptom list, on disk and in CSV.
@Suite("Store: check-ins and the symptom list")
struct SymptomStorageTests {
    let day = CalendarDay(iso: "2026-11-02")!

    @Test func anOlderCustomFileHasNoListAndASavedListIsReadBack() throws {
        let folder = TestFolder()
        try folder.write("custom.json", #"{"schemaVersion":1,"customFoods":[],"customPatterns":[]}"#)
        let store = try Store(location: folder.location)
        #expect(store.journal.trackedSymptoms == nil)
        #expect(store.damage.isEmpty)
        var journal = store.journal
        let touched = try journal.apply(.setTrackedSymptoms(["cramps", "fatigue"]))
        try store.save(journal, touched: touched)
        #expect(folder.read("custom.json")?.contains(#""trackedSymptoms":["cramps","fatigue"]"#) == true)
        store.close()
        #expect(try Store(location: folder.location).journal.trackedSymptoms == ["cramps", "fatigue"])
        // A journal that never set a list writes none.
        let other = TestFolder("other")
        let fresh = try Store(location: other.location)
        try fresh.save(Journal(customFoods: [customFood()]), touched: JournalTouch(custom: true))
        #expect(other.read("custom.json")?.contains("trackedSymptoms") == false)
    }

    @Test func aCheckInWithNoteAndTriggersIsReadByTheFastPathAndAnUnknownTriggerIsExplained() throws {
        let text = #"""
            {"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","time":"21:05:00","type":"symptoms","ratings":{"soreness":3},"note":"long drive","triggers":["stress","long-sitting"]}]}
            """#
        let fast = try #require(Data(text.utf8).withUnsafeBytes { FastMonthDecoder.decode($0, version: 1) })
        #expect(fast.entries[0].kind == .symptoms(SymptomCheckIn(
            ratings: ["soreness": 3], note: "long drive", triggers: [.longSitting, .stress])))
        let folder = TestFolder()
        try folder.write("journal-2026-11.json", text.replacingOccurrences(of: "\"stress\"", with: "\"moon\""))
        let store = try Store(location: folder.location)
        let report = try #require(store.damage.first)
        #expect(report.description.contains("unknown trigger \"moon\""))
    }

    @Test func csvPutsTriggersThenTheNoteLast() {
        let entry = JournalEntry(id: "1", day: day, time: TimeOfDay(hour: 8, minute: 0), kind: .symptoms(SymptomCheckIn(
            ratings: ["stiffness": 3, "cramps": 1], note: "desk; then a=b", triggers: [.stress, .caffeine])))
        #expect(JournalCSV.fields(entry)
            == ["1", "2026-11-02", "08:00:00", "symptoms", "", "", "", "cramps=1;stiffness=3;triggers=stress,caffeine;note=desk; then a=b"])
    }
}
