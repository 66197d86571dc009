import FoundationEssentials
import MagRelaxCore

/// The kinds of file in the data folder; all share one schema version number.
public enum FileKind: String, Sendable, Hashable, CaseIterable {
    case profile, custom, month, backup
}

/// Upgrades older files step by step: `steps[n]` turns a version-n document into version n+1.
/// Documents are handled as JSON trees so a step can rename, move or fill in fields.
public struct SchemaRegistry: Sendable {
    public typealias Step = @Sendable (FileKind, inout [String: Any]) throws -> Void

    public var current: Int
    public var steps: [Int: Step]

    public init(current: Int, steps: [Int: Step] = [:]) {
        self.current = current
        self.steps = steps
    }

    /// Version 1 is the first and current shape; add a step here when a shape changes.
    public static let standard = SchemaRegistry(current: 1)

    /// Runs the steps from `version` up to `current` on a parsed document.
    func upgrade(_ tree: inout [String: Any], kind: FileKind, from version: Int) throws(FileProblem) {
        var v = version
        while v < current {
            guard let step = steps[v] else {
                throw FileProblem(
                    kind: .wrongShape,
                    detail: "no migration from schema version \(v) to \(v + 1)")
            }
            do {
                try step(kind, &tree)
            } catch {
                throw FileProblem(kind: .wrongShape, detail: "migration from version \(v) failed: \(error)")
            }
            v += 1
            tree["schemaVersion"] = v
        }
    }
}

/// What is wrong with one file's content.
public struct FileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case empty
        case truncated
        case notJSON
        case wrongShape
        /// Written by a newer magrelax: refused, never rewritten.
        case newerVersion
    }

    public var kind: Kind
    /// Where, as "line L, column C" or a field path like "entries[3].day".
    public var location: String?
    public var detail: String

    public init(kind: Kind, location: String? = nil, detail: String) {
        self.kind = kind
        self.location = location
        self.detail = detail
    }

    public var description: String {
        let what: String
        switch kind {
        case .empty: what = "the file is empty"
        case .truncated: what = "the file ends too early (cut off)"
        case .notJSON: what = "not valid JSON"
        case .wrongShape: what = "unexpected content"
        case .newerVersion: what = "written by a newer magrelax"
        }
        var text = what
        if let location { text += " at \(location)" }
        if !detail.isEmpty { text += ": " + detail }
        return text
    }
}

// The documents on disk. `schemaVersion` is encoded first so a person reading the file sees it first.

struct ProfileDocument: Codable {
    var schemaVersion: Int
    var profile: Profile
}

struct CustomDocument: Codable {
    var schemaVersion: Int
    var customFoods: [Food]
    var customPatterns: [BreathingPattern]
    /// Absent until the person changes their symptom list (and in older files).
    var trackedSymptoms: [String]?
    /// Favourites and "not for me"; files written before marks existed have none.
    var foodMarks: [String: FoodMark]
    /// Past plans and keep-going blocks; absent from files written before there were any.
    var planBlocks: [PlanBlock]?

    init(
        schemaVersion: Int, customFoods: [Food], customPatterns: [BreathingPattern], trackedSymptoms: [String]? = nil,
        foodMarks: [String: FoodMark] = [:], planBlocks: [PlanBlock]? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.customFoods = customFoods
        self.customPatterns = customPatterns
        self.trackedSymptoms = trackedSymptoms
        self.foodMarks = foodMarks
        self.planBlocks = planBlocks
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, customFoods, customPatterns, trackedSymptoms, foodMarks, planBlocks
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            schemaVersion: try c.decode(Int.self, forKey: .schemaVersion),
            customFoods: try c.decode([Food].self, forKey: .customFoods),
            customPatterns: try c.decode([BreathingPattern].self, forKey: .customPatterns),
            trackedSymptoms: try c.decodeIfPresent([String].self, forKey: .trackedSymptoms),
            foodMarks: try c.decodeIfPresent([String: FoodMark].self, forKey: .foodMarks) ?? [:],
            planBlocks: try c.decodeIfPresent([PlanBlock].self, forKey: .planBlocks))
    }
}

struct MonthDocument: Codable, Equatable {
    var schemaVersion: Int
    var month: String
    var entries: [JournalEntry]

    enum CodingKeys: String, CodingKey, CaseIterable { case schemaVersion, month, entries }
}

/// A full backup: everything in one file (export and import).
public struct BackupDocument: Codable, Sendable, Hashable {
    public var schemaVersion: Int
    public var format: String
    public var profile: Profile?
    public var journal: Journal

    public static let formatName = "magrelax-backup"

    public init(schemaVersion: Int, profile: Profile?, journal: Journal) {
        self.schemaVersion = schemaVersion
        self.format = BackupDocument.formatName
        self.profile = profile
        self.journal = journal
    }
}

protocol VersionedDocument: Codable {
    static var kind: FileKind { get }
    var schemaVersion: Int { get }
    func encoded() throws(FileProblem) -> Data
    /// A quicker reader for well-formed current files; nil hands the file to the Codable path.
    static func fastDecode(_ data: Data, version: Int) -> Self?
}

extension VersionedDocument {
    static func fastDecode(_ data: Data, version: Int) -> Self? { nil }
}

extension ProfileDocument: VersionedDocument {
    static var kind: FileKind { .profile }
    func encoded() throws(FileProblem) -> Data { try Codec.document(version: schemaVersion, [("profile", profile)]) }
}

extension CustomDocument {
    /// A journal's person-made lists, as custom.json holds them: the one place that names them all.
    init(schemaVersion: Int, journal: Journal) {
        self.init(
            schemaVersion: schemaVersion, customFoods: journal.customFoods, customPatterns: journal.customPatterns,
            trackedSymptoms: journal.trackedSymptoms, foodMarks: journal.foodMarks, planBlocks: journal.planBlocks)
    }

    /// Puts the file's lists into a journal; its entries stay as they are.
    func apply(to journal: inout Journal) {
        journal.customFoods = customFoods
        journal.customPatterns = customPatterns
        journal.trackedSymptoms = trackedSymptoms
        journal.foodMarks = foodMarks
        journal.planBlocks = planBlocks ?? []
    }
}

extension CustomDocument: VersionedDocument {
    static var kind: FileKind { .custom }
    func encoded() throws(FileProblem) -> Data {
        var fields: [(String, any Encodable)] = [
            ("customFoods", customFoods), ("customPatterns", customPatterns), ("foodMarks", foodMarks),
        ]
        if let trackedSymptoms { fields.append(("trackedSymptoms", trackedSymptoms)) }
        if let planBlocks, !planBlocks.isEmpty { fields.append(("planBlocks", planBlocks)) }
        return try Codec.document(version: schemaVersion, fields)
    }
}

extension MonthDocument: VersionedDocument {
    static var kind: FileKind { .month }
    static func fastDecode(_ data: Data, version: Int) -> MonthDocument? {
        data.withUnsafeBytes { FastMonthDecoder.decode($0, version: version) }
    }
    func encoded() throws(FileProblem) -> Data {
        if let bytes = FastMonthEncoder.encode(self) { return Data(bytes) }
        return try codableEncoded()
    }

    /// The same bytes through JSONEncoder: the truth the fast writer is tested against.
    func codableEncoded() throws(FileProblem) -> Data {
        try Codec.document(version: schemaVersion, [("month", month), ("entries", entries)])
    }
}

extension BackupDocument: VersionedDocument {
    static var kind: FileKind { .backup }
    /// The whole backup as JSON, ready to write to a file.
    public func encoded() throws(FileProblem) -> Data {
        var fields: [(String, any Encodable)] = [("format", format)]
        if let profile { fields.append(("profile", profile)) }
        fields.append(("journal", journal))
        return try Codec.document(version: schemaVersion, fields)
    }
}

enum Codec {
    /// JSON for one document: `schemaVersion` first (so a person opening the file sees it first),
    /// then the fields in the order given; keys inside are sorted so the same data writes the same bytes.
    static func document(version: Int, _ fields: [(String, any Encodable)]) throws(FileProblem) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data("{\"schemaVersion\":\(version)".utf8)
        do {
            for (key, value) in fields {
                data.append(contentsOf: ",\"\(key)\":".utf8)
                data.append(try encoder.encode(value))
            }
        } catch {
            throw FileProblem(kind: .wrongShape, detail: "cannot encode: \(error)")
        }
        data.append(contentsOf: "}\n".utf8)
        return data
    }

    /// Decodes a document of the current version, upgrading older ones; explains any failure.
    static func decode<T: VersionedDocument>(_ type: T.Type, from data: Data, registry: SchemaRegistry)
        throws(FileProblem) -> (document: T, migrated: Bool)
    {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FileProblem(kind: .empty, detail: "")
        }
        if let fast = T.fastDecode(data, version: registry.current) { return (fast, false) }
        var typedError: (any Error)?
        do {
            let doc = try JSONDecoder().decode(T.self, from: data)
            if doc.schemaVersion == registry.current { return (doc, false) }
            if doc.schemaVersion > registry.current { throw newer(doc.schemaVersion, registry) }
        } catch let problem as FileProblem {
            throw problem
        } catch {
            typedError = error
        }
        // Slow path: the file is older, or something is wrong. Look at it as a plain JSON tree.
        let tree: Any
        do {
            tree = try JSONTree.parse(data)
        } catch {
            throw syntaxProblem(error, data: data)
        }
        guard var object = tree as? [String: Any] else {
            throw FileProblem(kind: .wrongShape, location: "top level", detail: "expected an object {…}")
        }
        guard let version = object["schemaVersion"] as? Int else {
            throw FileProblem(kind: .wrongShape, location: "schemaVersion", detail: "missing or not a whole number")
        }
        if version > registry.current { throw newer(version, registry) }
        if version < 1 {
            throw FileProblem(kind: .wrongShape, location: "schemaVersion", detail: "\(version) is not a version")
        }
        if version == registry.current, let typedError { throw shapeProblem(typedError) }
        try registry.upgrade(&object, kind: T.kind, from: version)
        do {
            let upgraded = try JSONTree.data(object)
            return (try JSONDecoder().decode(T.self, from: upgraded), true)
        } catch {
            throw shapeProblem(error)
        }
    }

    static func newer(_ version: Int, _ registry: SchemaRegistry) -> FileProblem {
        FileProblem(
            kind: .newerVersion, location: "schemaVersion",
            detail: "version \(version), this magrelax reads up to \(registry.current); update magrelax")
    }

    /// A field path such as "entries[3].day" and the decoder's reason.
    static func shapeProblem(_ error: any Error) -> FileProblem {
        guard let error = error as? DecodingError else {
            return FileProblem(kind: .wrongShape, detail: "\(error)")
        }
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue {
                    out += "[\(index)]"
                } else {
                    out += (out.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return out.isEmpty ? "top level" : out
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath + [key])
            return FileProblem(kind: .wrongShape, location: at, detail: "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return FileProblem(kind: .wrongShape, location: path(context.codingPath), detail: context.debugDescription)
        @unknown default:
            return FileProblem(kind: .wrongShape, detail: "\(error)")
        }
    }

    /// Where the text stops being JSON, as a line and column; the decoder's reason when the syntax is sound.
    static func syntaxProblem(_ error: any Error, data: Data) -> FileProblem {
        let bytes = [UInt8](data)
        guard let problem = JSONSyntax.firstProblem(in: bytes) else {
            let reason = (error as? DecodingError).map(shapeProblem)?.detail ?? "\(error)"
            return FileProblem(kind: .notJSON, detail: reason)
        }
        let (line, column) = problem.lineColumn(in: bytes)
        if problem.reason == .endOfText {
            return FileProblem(kind: .truncated, location: "line \(line)", detail: "the JSON stops before it is complete")
        }
        return FileProblem(kind: .notJSON, location: "line \(line), column \(column)", detail: problem.explanation)
    }
}
