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
        (fast(bytes, version: version), codable(Data(bytes), version: version))
    }

    /// The fast reader alone (the benchmarks time each reader on its own).
    public static func fast(_ bytes: [UInt8], version: Int = SchemaRegistry.standard.current) -> Reading? {
        bytes.withUnsafeBytes { FastMonthDecoder.decode($0, version: version) }.map(Reading.init)
    }

    /// The Codable path alone, for a file of this version.
    public static func codable(_ data: Data, version: Int = SchemaRegistry.standard.current) -> Reading? {
        (try? JSONDecoder().decode(MonthDocument.self, from: data)).flatMap {
            $0.schemaVersion == version ? Reading($0) : nil
        }
    }
}

extension MonthDecoding.Reading {
    init(_ document: MonthDocument) { self.init(month: document.month, entries: document.entries) }
}
