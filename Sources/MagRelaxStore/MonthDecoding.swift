import FoundationEssentials
import MagRelaxCore

/// Month-file bytes read by both readers, each `nil` when that reader refuses them. The fuzz target
/// in Fuzz/ and the tests use it to hold the fast reader to the Codable path: whenever the fast one
/// reads a file, the Codable one reads it too and to the same month and entries.
public enum MonthDecoding {
    public struct Reading: Sendable, Hashable {
        public var month: String
        public var entries: [JournalEntry]
    }

    public static func bothWays(_ bytes: [UInt8], version: Int = SchemaRegistry.standard.current)
        -> (fast: Reading?, codable: Reading?)
    {
        let fast = bytes.withUnsafeBytes { FastMonthDecoder.decode($0, version: version) }
        let codable = (try? JSONDecoder().decode(MonthDocument.self, from: Data(bytes))).flatMap {
            $0.schemaVersion == version ? $0 : nil
        }
        return (fast.map(Reading.init), codable.map(Reading.init))
    }
}

extension MonthDecoding.Reading {
    init(_ document: MonthDocument) { self.init(month: document.month, entries: document.entries) }
}
