import Foundation
import MagRelaxCore
import PropertyBased
import Testing

@testable import MagRelaxStore

@Suite("Month files: the fast reader agrees with Codable")
struct FastDecoderTests {
    func fast(_ data: Data) -> MonthDocument? {
        data.withUnsafeBytes { FastMonthDecoder.decode($0, version: 1) }
    }

    /// Every month of random journals holding every entry type, compact and pretty-printed: the
    /// fast reader reads each file (so it handles every field written today) and returns the same
    /// document as the Codable path.
    @Test func readsEveryMonthOfAnyJournalLikeJSONDecoder() async {
        await propertyCheck(count: 150, input: Arbitrary.journals) { journal in
            #expect(Set(journal.entries.map(\.kind.type)) == Set(EntryType.allCases))
            for key in journal.months {
                let document = MonthDocument(schemaVersion: 1, month: key, entries: Array(journal.entries(inMonth: key)))
                let compact = try document.encoded()
                let pretty = try {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted]
                    return try encoder.encode(document)
                }()
                for data in [compact, pretty] {
                    let viaFast = try #require(fast(data))
                    #expect(viaFast == document)
                    #expect(try JSONDecoder().decode(MonthDocument.self, from: data) == viaFast)
                }
            }
        }
    }

    /// The reader's fields are the entry's coding keys; a key added to entries and not here makes
    /// the reader hand every file with that key to the Codable path (correct, but slow).
    @Test func readsEveryKeyAnEntryHas() {
        #expect(FastMonthDecoder.EntryField.allCases.map(\.rawValue) == JournalEntry.fieldNames)
    }

    @Test func aKeyItDoesNotKnowGoesToTheCodablePathWhichIsTheTruth() throws {
        let text = #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":"x","mood":3}]}"#
        #expect(fast(Data(text.utf8)) == nil)
        let (document, migrated) = try Codec.decode(MonthDocument.self, from: Data(text.utf8), registry: .standard)
        #expect(document.entries == [JournalEntry(id: "a", day: day1, kind: .note("x"))])
        #expect(!migrated)
    }

    @Test func escapesAndNumbers() throws {
        let text = #"""
            {"schemaVersion":1,"month":"2026-11","entries":[
             {"id":"\u00e9\ud83e\uddd8\n\"\/","day":"2026-11-02","type":"note","text":"tab\there"},
             {"id":"b","day":"2026-11-02","type":"supplement","form":"oxide","mg":1.5e2},
             {"id":"c","day":"2026-11-02","type":"food","food":"x","servings":0.1}]}
            """#
        let doc = try #require(fast(Data(text.utf8)))
        #expect(doc.entries[0].id == "é🧘\n\"/")
        #expect(doc.entries[0].kind == .note("tab\there"))
        #expect(doc.entries[1].kind == .supplement(SupplementDose(formID: "oxide", elementalMg: 150)))
        #expect(doc.entries[2].kind == .food(FoodServing(foodID: "x", servings: 0.1)))
    }

    @Test(arguments: [
        #"{"schemaVersion":2,"month":"2026-11","entries":[]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":null}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","id":"b","day":"2026-11-02","type":"note","text":"x"}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"symptoms","ratings":{"x":1.5}}]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[]} trailing"#,
        #"{"schemaVersion":1,"month":"2026-11","extra":{"a":[1,true,null,"x"]},"entries":[]}"#,
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"mood","text":"x"}]}"#,
        // A raw control character inside a string is not JSON.
        #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":"raw"# + "\t"
            + #"tab"}]}"#,
    ])
    func anythingUnusualIsLeftToTheCodablePath(text: String) {
        #expect(fast(Data(text.utf8)) == nil)
    }

    /// The public entry the fuzz target in Fuzz/ checks: a current file reads the same both ways; a
    /// key the fast reader does not know is read only by the Codable path; bytes that are not a
    /// month file are refused by both.
    @Test func bothWaysIsWhatTheFuzzTargetHoldsTheReadersTo() throws {
        let entries = [JournalEntry(id: "a", day: day1, kind: .note("x"))]
        let file = try MonthDocument(schemaVersion: 1, month: "2026-11", entries: entries).encoded()
        let read = MonthDecoding.bothWays(Array(file))
        #expect(read.fast == MonthDecoding.Reading(month: "2026-11", entries: entries))
        #expect(read.codable == read.fast)

        let unknownKey = #"{"schemaVersion":1,"month":"2026-11","entries":[{"id":"a","day":"2026-11-02","type":"note","text":"x","mood":3}]}"#
        let onlyCodable = MonthDecoding.bothWays(Array(unknownKey.utf8))
        #expect(onlyCodable.fast == nil)
        #expect(onlyCodable.codable?.entries == entries)

        let refused = MonthDecoding.bothWays(Array(#"{"schemaVersion":1,"month":"#.utf8))
        #expect(refused.fast == nil && refused.codable == nil)
    }
}

@Suite("Month files: the fast writer writes JSONEncoder's bytes")
struct FastEncoderTests {
    /// Random journals of every entry type, with escapes, non-ASCII, odd rating keys and every
    /// shape of number: the fast writer's bytes are the Codable path's, byte for byte.
    @Test func writesTheSameBytesAsJSONEncoder() async {
        await propertyCheck(count: 150, input: Arbitrary.journals) { journal in
            for key in journal.months {
                let document = MonthDocument(schemaVersion: 1, month: key, entries: Array(journal.entries(inMonth: key)))
                let fast = try #require(FastMonthEncoder.encode(document))
                let codable = try document.codableEncoded()
                #expect(String(decoding: fast, as: UTF8.self) == String(decoding: codable, as: UTF8.self))
            }
        }
    }

    @Test func everyControlCharacterAndNumberShape() throws {
        let text = String((0..<0x80).map { Character(UnicodeScalar(UInt8($0))) }) + "\u{2028}é🧘/"
        let amounts = [0, -0.0, -3, 2, 999_999, 1_000_000, 123_456_789, 0.1 + 0.2, 1e-5, 1e20, 1.2345678901234568e21, 100.5, 1e16, .leastNonzeroMagnitude, 12345678.9]
        let day = CalendarDay(iso: "2026-11-02")!
        var entries = amounts.enumerated().map { index, mg in
            JournalEntry(id: "s\(index)", day: day, kind: .supplement(SupplementDose(formID: text, elementalMg: mg, compoundMg: mg * 3)))
        }
        entries.append(JournalEntry(id: "w", day: day, time: TimeOfDay(secondsSinceMidnight: 86_399), kind: .checkOff(TaskCheckOff(goal: .tensionHeadache, week: Int.max, taskID: "t"))))
        entries.append(JournalEntry(id: "y", day: CalendarDay(iso: "0999-01-02") ?? day, kind: .note("")))
        entries.append(JournalEntry(id: text, day: day, kind: .symptoms(SymptomCheckIn(ratings: ["B": 1, "a": 2, "Ab": 3, "_": 4, "é": 0, "a10": 1, "a9": 2], note: text))))
        let document = MonthDocument(schemaVersion: 1, month: "2026-11", entries: entries)
        let fast = try #require(FastMonthEncoder.encode(document))
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: try document.codableEncoded(), as: UTF8.self))
    }

    /// A number JSON cannot hold goes to the Codable path, which names the problem.
    @Test func aNumberThatIsNotFiniteIsLeftToTheCodablePath() {
        let entry = JournalEntry(id: "x", day: CalendarDay(iso: "2026-11-02")!, kind: .supplement(SupplementDose(formID: "citrate", elementalMg: .infinity)))
        #expect(FastMonthEncoder.encode(MonthDocument(schemaVersion: 1, month: "2026-11", entries: [entry])) == nil)
        #expect(throws: FileProblem.self) { try MonthDocument(schemaVersion: 1, month: "2026-11", entries: [entry]).encoded() }
    }
}
