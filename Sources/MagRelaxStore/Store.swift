import Foundation
import MagRelaxCore

/// Where the person's data lives: `--data-dir`, else `$XDG_DATA_HOME/magrelax`, else `~/.local/share/magrelax`.
public struct DataLocation: Sendable, Hashable {
    public var path: String
    public init(path: String) { self.path = path }

    public static func resolve(dataDir: String?, environment: [String: String]) -> DataLocation {
        if let dataDir, !dataDir.isEmpty { return DataLocation(path: dataDir) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return DataLocation(path: xdg + "/magrelax")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DataLocation(path: home + "/.local/share/magrelax")
    }
}

/// A file that could not be read and what was done about it, for the app to show.
public struct DamageReport: Sendable, Hashable, CustomStringConvertible {
    /// File name inside the data folder, e.g. "journal-2026-11.json".
    public var file: String
    public var problem: FileProblem
    /// Full path of the damaged copy, moved aside (nil in read-only mode, where nothing is moved).
    public var movedTo: String?
    /// The backup whose content was put back in place, if one could be read.
    public var restoredFrom: String?

    public var description: String {
        var text = "\(file): \(problem)."
        if let movedTo { text += " The damaged copy is at \(movedTo)." }
        text +=
            restoredFrom.map { " Restored the last good backup (\($0))." }
            ?? " No readable backup: its data is missing until you repair the damaged copy."
        return text
    }
}

public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another magrelax holds the folder; open read-only instead.
    case locked(folder: String, pid: Int32?)
    /// A file is from a newer magrelax; nothing was changed.
    case newerVersion(file: String, problem: FileProblem)
    case cannotOpen(FileFailure)
    /// Saving failed; the change is kept in memory and saved on the next attempt.
    case saveFailed(file: String, failure: FileFailure)
    case readOnly
    case invalidChange(JournalChangeError)
    /// An import file was refused as a whole; nothing changed.
    case invalidImport(String)

    public var description: String {
        switch self {
        case .locked(let folder, let pid):
            "The data folder \(folder) is held by another magrelax" + (pid.map { " (pid \($0))" } ?? "")
                + "; opening it read-only."
        case .newerVersion(let file, let problem):
            "\(file) was written by a newer magrelax (\(problem.detail)). It was left untouched."
        case .cannotOpen(let failure):
            "Cannot open the data folder: \(failure)."
        case .saveFailed(let file, let failure):
            "Could not save \(file): \(failure.reason). The change is kept while magrelax runs; it will retry."
        case .readOnly:
            "Read-only: another magrelax holds the data folder, so changes cannot be saved."
        case .invalidChange(let error):
            error.description
        case .invalidImport(let reason):
            "Import refused, nothing changed: \(reason)"
        }
    }
}

/// The person's profile and journal as JSON files in one folder.
///
/// Layout (all files 0600, folder 0700; every file starts with "schemaVersion"):
/// - `profile.json` — the profile
/// - `custom.json` — custom foods and breathing patterns
/// - `journal-YYYY-MM.json` — one month of entries, so a save rewrites one small file
/// - `backups/<file>.1` … `.3` — the previous versions, newest first
/// - `damaged/<file>.damaged-<UTC time>` — files that could not be read, moved aside
/// - `magrelax.lock` — the advisory lock, holding the writer's pid
public final class Store {
    public let location: DataLocation
    public let isReadOnly: Bool
    public private(set) var profile: Profile?
    public private(set) var journal: Journal
    /// Files that could not be read at open, for the app to show.
    public private(set) var damage: [DamageReport] = []
    /// The pid of the magrelax holding the folder when this one is read-only because of it.
    public private(set) var lockHolder: Int32?

    public static let backupGenerations = 3
    static let profileFile = "profile.json"
    static let customFile = "custom.json"

    private let registry: SchemaRegistry
    private let now: @Sendable () -> Double
    private var lock: FolderLock?
    private var pending: Set<StoredFile> = []

    enum StoredFile: Hashable, Comparable {
        case profile, custom
        case month(String)

        var name: String {
            switch self {
            case .profile: Store.profileFile
            case .custom: Store.customFile
            case .month(let key): "journal-\(key).json"
            }
        }

        init?(name: String) {
            if name == Store.profileFile {
                self = .profile
            } else if name == Store.customFile {
                self = .custom
            } else if name.hasPrefix("journal-"), name.hasSuffix(".json"), name.count == "journal-YYYY-MM.json".count {
                let key = String(name.dropFirst(8).dropLast(5))
                guard CalendarDay(iso: key + "-01") != nil else { return nil }
                self = .month(key)
            } else {
                return nil
            }
        }
    }

    public enum Mode: Sendable { case readWrite, readOnly }

    /// Opens (creating if needed) the data folder. In `.readWrite` mode a folder held by another
    /// magrelax throws `.locked`; open again with `.readOnly` to look without writing.
    public init(
        location: DataLocation, mode: Mode = .readWrite, registry: SchemaRegistry = .standard,
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) throws(StoreError) {
        self.location = location
        self.registry = registry
        self.now = now
        self.journal = Journal()
        let folder = location.path
        do {
            if mode == .readWrite {
                try FileIO.makeDirectory(folder)
                switch try FolderLock.acquire(folder: folder) {
                case .acquired(let lock): self.lock = lock
                case .held(let pid): throw StoreError.locked(folder: folder, pid: pid)
                }
            } else if !FileIO.isDirectory(folder) {
                throw StoreError.cannotOpen(FileFailure(operation: "open folder", path: folder, code: ENOENT))
            } else if case .held(let pid) = FolderLock.probe(folder: folder) {
                lockHolder = pid
            }
        } catch let error as StoreError {
            throw error
        } catch let failure as FileFailure {
            throw .cannotOpen(failure)
        } catch {
            throw .cannotOpen(FileFailure(operation: "open", path: folder, code: EIO))
        }
        isReadOnly = mode == .readOnly
        if !isReadOnly { removeStaleTemporaries() }
        try load()
    }

    /// Releases the lock; the store can still be read but no longer saves.
    public func close() {
        lock?.release()
        lock = nil
    }

    /// Names of files with changes not yet on disk (after a failed save).
    public var unsavedFiles: [String] { pending.sorted().map(\.name) }

    // MARK: Changes

    public func setProfile(_ profile: Profile) throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        self.profile = profile
        pending.insert(.profile)
        try flush()
    }

    /// Applies a journal change in memory, then saves the files it touched. When saving fails the
    /// change stays in memory (and is retried by the next save) and the error says which file.
    public func apply(_ change: JournalChange) throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        let touch: JournalTouch
        do {
            touch = try journal.apply(change)
        } catch {
            throw .invalidChange(error)
        }
        for key in touch.months { pending.insert(.month(key)) }
        if touch.custom { pending.insert(.custom) }
        try flush()
    }

    /// Writes every file with unsaved changes; throws the first failure after trying them all.
    public func flush() throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        var firstError: StoreError?
        for file in pending.sorted() {
            do {
                try write(file)
                pending.remove(file)
            } catch {
                if firstError == nil { firstError = .saveFailed(file: file.name, failure: error) }
            }
        }
        if let firstError { throw firstError }
    }

    // MARK: Export and import

    /// Everything as one JSON document (a full backup).
    public func exportJSON() throws(StoreError) -> Data {
        do {
            return try BackupDocument(schemaVersion: registry.current, profile: profile, journal: journal).encoded()
        } catch {
            throw .invalidImport("cannot encode: \(error)")
        }
    }

    /// The journal as CSV (RFC 4180), one row per entry.
    public func exportCSV() -> String { JournalCSV.render(journal) }

    /// Checks a backup file whole without changing anything; returns what it holds.
    public func validateBackup(_ data: Data, knownFormIDs: Set<String>) throws(StoreError) -> BackupDocument {
        let backup: BackupDocument
        do {
            backup = try Codec.decode(BackupDocument.self, from: data, registry: registry).document
        } catch {
            throw .invalidImport(error.description)
        }
        guard backup.format == BackupDocument.formatName else {
            throw .invalidImport("not a magrelax backup (format \"\(backup.format)\")")
        }
        if let profile = backup.profile {
            let errors = profile.validate(knownFormIDs: knownFormIDs).filter { $0.severity == .error }
            if let first = errors.first { throw .invalidImport("profile: \(first.message)") }
        }
        let problems = backup.journal.problems
        if !problems.isEmpty {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            throw .invalidImport(problems[0] + more)
        }
        return backup
    }

    /// Replaces all data with a backup after validating it whole; a bad file changes nothing.
    public func importBackup(_ data: Data, knownFormIDs: Set<String>) throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        let backup = try validateBackup(data, knownFormIDs: knownFormIDs)
        let oldMonths = Set(journal.months).union(monthFilesOnDisk())
        profile = backup.profile
        journal = backup.journal
        pending.insert(.profile)
        pending.insert(.custom)
        for key in oldMonths.union(journal.months) { pending.insert(.month(key)) }
        try flush()
    }

    // MARK: Loading

    private func load() throws(StoreError) {
        var entries: [JournalEntry] = []
        var migrated: [StoredFile] = []
        let names = FileIO.list(location.path).sorted()
        for name in names {
            guard let file = StoredFile(name: name) else { continue }
            switch file {
            case .profile:
                if let (doc, wasMigrated) = try read(ProfileDocument.self, file) {
                    profile = doc.profile
                    if wasMigrated { migrated.append(file) }
                }
            case .custom:
                if let (doc, wasMigrated) = try read(CustomDocument.self, file) {
                    journal.customFoods = doc.customFoods
                    journal.customPatterns = doc.customPatterns
                    if wasMigrated { migrated.append(file) }
                }
            case .month(let key):
                if let (doc, wasMigrated) = try read(MonthDocument.self, file) {
                    // An entry filed under the wrong month still loads; the next save of that month files it right.
                    entries.append(contentsOf: doc.entries)
                    if wasMigrated || doc.month != key || doc.entries.contains(where: { $0.day.monthKey != key }) {
                        migrated.append(file)
                        for e in doc.entries { migrated.append(.month(e.day.monthKey)) }
                    }
                }
            }
        }
        journal = Journal(entries: entries, customFoods: journal.customFoods, customPatterns: journal.customPatterns)
        if !isReadOnly && !migrated.isEmpty {
            // Rewrite upgraded files now, keeping the old ones as backups; a failure here is retried later.
            pending.formUnion(migrated)
            try? flush()
        }
    }

    /// Reads one file; a damaged one is moved aside and replaced by its newest readable backup.
    private func read<T: VersionedDocument>(_ type: T.Type, _ file: StoredFile) throws(StoreError) -> (T, Bool)? {
        let path = location.path + "/" + file.name
        let problem: FileProblem
        do {
            let data = try FileIO.read(path)
            return try Codec.decode(T.self, from: data, registry: registry)
        } catch let failure as FileFailure {
            problem = FileProblem(kind: .notJSON, detail: "cannot read: \(failure.reason)")
        } catch let decoded as FileProblem {
            if decoded.kind == .newerVersion { throw .newerVersion(file: file.name, problem: decoded) }
            problem = decoded
        } catch {
            problem = FileProblem(kind: .notJSON, detail: "\(error)")
        }
        var report = DamageReport(file: file.name, problem: problem)
        var restored: (T, Bool)?
        for generation in 1...Store.backupGenerations {
            let backupPath = backupFolder + "/" + file.name + ".\(generation)"
            guard let data = try? FileIO.read(backupPath),
                let decoded = try? Codec.decode(T.self, from: data, registry: registry)
            else { continue }
            if !isReadOnly {
                do {
                    report.movedTo = try moveAside(file)
                    try FileIO.atomicWrite(data, to: path)
                } catch {
                    // Could not repair on disk: keep the backup's content in memory and save it later.
                    pending.insert(file)
                }
            }
            report.restoredFrom = "backups/" + file.name + ".\(generation)"
            restored = decoded
            break
        }
        if restored == nil && !isReadOnly {
            report.movedTo = try? moveAside(file)
        }
        damage.append(report)
        return restored
    }

    private var backupFolder: String { location.path + "/backups" }
    private var damagedFolder: String { location.path + "/damaged" }

    /// Moves a damaged file into damaged/ under a timestamped name; never overwrites one.
    private func moveAside(_ file: StoredFile) throws(FileFailure) -> String {
        try FileIO.makeDirectory(damagedFolder)
        let t = now()
        let stamp =
            CalendarDay(unixSeconds: t, utcOffsetSeconds: 0).description.replacingOccurrences(of: "-", with: "") + "T"
            + TimeOfDay(unixSeconds: t, utcOffsetSeconds: 0).description.replacingOccurrences(of: ":", with: "") + "Z"
        var target = damagedFolder + "/" + file.name + ".damaged-" + stamp
        var n = 2
        while FileIO.exists(target) {
            target = damagedFolder + "/" + file.name + ".damaged-" + stamp + "-\(n)"
            n += 1
        }
        try FileIO.move(location.path + "/" + file.name, target)
        try FileIO.syncFolder(location.path)
        return target
    }

    private func monthFilesOnDisk() -> [String] {
        FileIO.list(location.path).compactMap {
            if case .month(let key) = StoredFile(name: $0) { return key }
            return nil
        }
    }

    private func removeStaleTemporaries() {
        for name in FileIO.list(location.path) where name.hasPrefix(FileIO.tempPrefix) {
            try? FileIO.remove(location.path + "/" + name)
        }
    }

    // MARK: Saving

    private func write(_ file: StoredFile) throws(FileFailure) {
        let path = location.path + "/" + file.name
        let data: Data
        do {
            switch file {
            case .profile:
                guard let profile else {
                    try retire(file)
                    return
                }
                data = try ProfileDocument(schemaVersion: registry.current, profile: profile).encoded()
            case .custom:
                data = try CustomDocument(
                    schemaVersion: registry.current, customFoods: journal.customFoods,
                    customPatterns: journal.customPatterns
                ).encoded()
            case .month(let key):
                let entries = Array(journal.entries(inMonth: key))
                guard !entries.isEmpty else {
                    try retire(file)
                    return
                }
                data = try MonthDocument(schemaVersion: registry.current, month: key, entries: entries).encoded()
            }
        } catch let failure as FileFailure {
            throw failure
        } catch {
            throw FileFailure(operation: "encode", path: path, code: EINVAL)
        }
        try FileIO.atomicWrite(data, to: path) { () throws(FileFailure) in try rotateBackups(of: file) }
    }

    /// A file whose content is now empty: keep it as the newest backup, then remove it.
    private func retire(_ file: StoredFile) throws(FileFailure) {
        let path = location.path + "/" + file.name
        guard FileIO.exists(path) else { return }
        try rotateBackups(of: file)
        try FileIO.remove(path)
        try FileIO.syncFolder(location.path)
    }

    /// backups/<file>.1 → .2 → .3, then the current file becomes .1 (a hard link: no copying, and
    /// the rename that follows replaces the name, never the linked content).
    private func rotateBackups(of file: StoredFile) throws(FileFailure) {
        let current = location.path + "/" + file.name
        guard FileIO.exists(current) else { return }
        try FileIO.makeDirectory(backupFolder)
        let base = backupFolder + "/" + file.name
        for generation in stride(from: Store.backupGenerations - 1, through: 1, by: -1) {
            try FileIO.move(base + ".\(generation)", base + ".\(generation + 1)", missingOK: true)
        }
        try FileIO.remove(base + ".1")
        try FileIO.hardLink(current, base + ".1")
    }
}
