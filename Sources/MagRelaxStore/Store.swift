#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import FoundationEssentials
import MagRelaxCore

/// The folder that holds the person's data (the executable chooses it).
public struct DataLocation: Sendable, Hashable {
    public var path: String
    public init(path: String) { self.path = path }
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
            restoredFrom.map {
                movedTo == nil
                    ? " Showing the last good backup (\($0)); the file itself was left as it was."
                    : " Restored the last good backup (\($0))."
            }
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
    /// Saving failed; every file on disk is as it was before the save.
    case saveFailed(file: String, failure: FileFailure)
    /// A save touched a month that has a file but was never loaded: writing it would erase its entries.
    case monthNotLoaded(String)
    /// The load window names a month that is not "YYYY-MM", or a negative number of months.
    case invalidWindow(String)
    case readOnly
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
            "Could not save \(file): \(failure.reason). Nothing was changed on disk."
        case .monthNotLoaded(let key):
            "Not saved: the entries of \(key) were not loaded yet, and saving that month now would erase them."
        case .invalidWindow(let reason):
            "Cannot open the data folder with that load window: \(reason)."
        case .readOnly:
            "Read-only: another magrelax holds the data folder, so changes cannot be saved."
        case .invalidImport(let reason):
            "Import refused, nothing changed: \(reason)"
        }
    }
}


/// Which month files a store reads when it opens; the others are listed and read on demand.
public enum LoadWindow: Sendable, Hashable {
    /// Every month file.
    case all
    /// The `months` months ending with `through` ("YYYY-MM"), and the months named in `also`
    /// (e.g. an older month a screen needs, like the plan's baseline week).
    case recent(months: Int, through: String, also: Set<String>)

    func includes(_ key: String) -> Bool {
        switch self {
        case .all:
            return true
        case .recent(let months, let through, let also):
            if also.contains(key) { return true }
            guard let end = LoadWindow.index(through), let index = LoadWindow.index(key) else { return false }
            return index <= end && index > end - months
        }
    }

    /// What is wrong with the window, or nil.
    var problem: String? {
        guard case .recent(let months, let through, _) = self else { return nil }
        if months < 0 { return "\(months) months" }
        if LoadWindow.index(through) == nil { return "\"\(through)\" is not a month (YYYY-MM)" }
        return nil
    }

    /// Months since the start of year 0, for "YYYY-MM"; nil for anything else.
    static func index(_ key: String) -> Int? {
        guard key.count == 7, let first = CalendarDay(iso: key + "-01") else { return nil }
        return first.year * 12 + first.month - 1
    }
}

/// The person's profile and journal as JSON files in one folder.
///
/// Layout (all files 0600, folder 0700; every file starts with "schemaVersion"):
/// - `profile.json` — the profile
/// - `custom.json` — custom foods and breathing patterns, the person's symptom list, marks on foods, and
///   plan blocks (past plans, keep-going blocks)
/// - `journal-YYYY-MM.json` — one month of entries, so a save rewrites only the months it touched
/// - `backups/<file>.1` … `.3` — the previous versions, newest first
/// - `damaged/<file>.damaged-<UTC time>` — files that could not be read, moved aside
/// - `magrelax.lock` — the advisory lock, holding the writer's pid
///
/// The store reads; the caller owns the journal. It takes `journal` after opening (the app with
/// `handOver()`, so it holds the only copy) and merges what `loadMonths` returns, applies an action's
/// changes with `Journal.apply(_:)`, and hands the result to `save`, which writes the files the changes
/// touched, all or nothing: flushed to disk before it returns, or, with `flushesLater` (the screens),
/// at the next `flush()`.
public final class Store {
    public let location: DataLocation
    public let isReadOnly: Bool
    public private(set) var profile: Profile?
    /// The journal as on disk, as far as read: the months in `loadedMonths` and the person-made lists.
    /// A save makes it the journal saved (the caller's, which stays the one that changes). Empty
    /// after `handOver()`.
    public private(set) var journal: Journal
    /// The caller took the journal for good (`handOver()`): saves and loads leave `journal` alone.
    private var handedOver = false
    /// When set, a save renames its files into place at once but leaves flushing them to disk to
    /// `flush()`: the app draws the frame first and flushes right after, so a key that records is
    /// not kept waiting for the disk. Written data is in the kernel's cache before the rename, so
    /// even a killed process loses nothing; only a power cut in the moment before `flush` could.
    public var flushesLater = false
    /// Files renamed into place and not flushed yet, and whether the folder needs flushing.
    private var unflushed: Set<String> = []
    private var folderUnflushed = false
    /// Months read so far (or written by `save`): the caller's journal holds each of them whole.
    public private(set) var loadedMonths: Set<String> = []
    /// Months that have a file, read or not.
    public private(set) var monthsOnDisk: Set<String> = []
    /// Files that could not be read (at open or by a later load), for the app to show.
    public private(set) var damage: [DamageReport] = []
    /// The pid of the magrelax holding the folder when this one is read-only because of it.
    public private(set) var lockHolder: Int32?

    public static let backupGenerations = 3
    static let profileFile = "profile.json"
    static let customFile = "custom.json"

    private let registry: SchemaRegistry
    private let now: @Sendable () -> Double
    private var lock: FolderLock?

    /// Test seam: an errno that fails a step of a save, given the step and the file name.
    var injectedFault: ((SaveStep, String) -> Int32?)?

    enum SaveStep: Sendable { case writeTemporary, rotateBackups, replace }

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

        var monthKey: String? {
            if case .month(let key) = self { return key }
            return nil
        }

        init?(name: String) {
            if name == Store.profileFile {
                self = .profile
            } else if name == Store.customFile {
                self = .custom
            } else if name.hasPrefix("journal-"), name.hasSuffix(".json"), name.count == "journal-YYYY-MM.json".count {
                let key = String(name.dropFirst(8).dropLast(5))
                guard LoadWindow.index(key) != nil else { return nil }
                self = .month(key)
            } else {
                return nil
            }
        }
    }

    public enum Mode: Sendable { case readWrite, readOnly }

    /// Opens (creating if needed) the data folder and reads the profile, the custom foods and
    /// patterns, and the month files in `window`. In `.readWrite` mode a folder held by another
    /// magrelax throws `.locked`; open again with `.readOnly` to look without writing.
    public init(
        location: DataLocation, mode: Mode = .readWrite, window: LoadWindow = .all,
        registry: SchemaRegistry = .standard, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) throws(StoreError) {
        if let problem = window.problem { throw .invalidWindow(problem) }
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
                let code = FileIO.exists(folder) ? ENOTDIR : ENOENT
                throw StoreError.cannotOpen(FileFailure(operation: "open folder", path: folder, code: code))
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
        try load(window)
    }

    /// Releases the lock; the store can still be read but no longer saves.
    public func close() {
        try? flush()
        lock?.release()
        lock = nil
    }

    // MARK: Loading

    private func load(_ window: LoadWindow) throws(StoreError) {
        let files = Set(FileIO.list(location.path).compactMap(StoredFile.init(name:)))
        monthsOnDisk = Set(files.compactMap(\.monthKey))
        var upgraded: [StoredFile] = []
        if files.contains(.profile), let (doc, migrated) = try read(ProfileDocument.self, .profile) {
            profile = doc.profile
            if migrated { upgraded.append(.profile) }
        }
        var custom: CustomDocument?
        if files.contains(.custom), let (doc, migrated) = try read(CustomDocument.self, .custom) {
            custom = doc
            if migrated { upgraded.append(.custom) }
        }
        let (entries, monthRewrites) = try readMonths(monthsOnDisk.filter(window.includes))
        journal = Journal(entries: entries)
        custom?.apply(to: &journal)
        guard !isReadOnly else { return }
        var rewrites = monthRewrites
        for file in upgraded {
            guard let data = try? contents(of: file, journal: journal, profile: profile) else { continue }
            rewrites.append((file, data))
        }
        // Upgraded files are rewritten now, the old ones kept as backups; a failure here is retried at the next load.
        if !rewrites.isEmpty { try? commit(rewrites) }
    }

    /// Reads more month files (e.g. older history), with the same handling of damaged and older
    /// files as at open. Returns their entries for the caller to merge into its journal; months
    /// already loaded or without a file are skipped.
    public func loadMonths(_ keys: Set<String>) throws(StoreError) -> [JournalEntry] {
        let (entries, rewrites) = try readMonths(keys.intersection(monthsOnDisk).subtracting(loadedMonths))
        if !isReadOnly && !rewrites.isEmpty { try? commit(rewrites) }
        if !handedOver { journal.merge(entries) }
        return entries
    }

    /// Gives the journal read so far to the caller, who from now on holds the only copy: it merges
    /// what `loadMonths` returns and saves with `save`. A copy kept here would make the caller's next
    /// change copy every entry (years of them) instead of changing them in place.
    public func handOver() -> Journal {
        defer {
            journal = Journal()
            handedOver = true
        }
        return journal
    }

    /// Reads every month not read yet (and those saved since they were read) and returns the whole
    /// journal as it is on disk, for export, import and the command line.
    public func loadAll() throws(StoreError) -> Journal {
        precondition(!handedOver, "the journal was handed over")
        let (entries, rewrites) = try readMonths(monthsOnDisk.subtracting(loadedMonths))
        if !isReadOnly && !rewrites.isEmpty { try? commit(rewrites) }
        journal.merge(entries)
        return journal
    }

    /// Reads the month files `keys` (and, when one holds entries filed under another month, that
    /// month too), marks them loaded, and returns their entries with the rewrites they need: files
    /// of an older schema, and entries moved to the file of their own month.
    private func readMonths(_ keys: Set<String>) throws(StoreError) -> ([JournalEntry], [(StoredFile, Data?)]) {
        let loadedBefore = loadedMonths.subtracting(keys)
        var queue = keys.sorted()
        var chosen = keys
        var entries: [JournalEntry] = []
        var rewrite: Set<String> = []
        var next = 0
        while next < queue.count {
            let key = queue[next]
            next += 1
            guard let (doc, migrated) = try read(MonthDocument.self, .month(key)) else {
                if !FileIO.exists(path(.month(key))) { monthsOnDisk.remove(key) }
                continue
            }
            entries += doc.entries
            let index = LoadWindow.index(key)
            let misfiled = doc.entries.contains { $0.day.year * 12 + $0.day.month - 1 != index }
            guard migrated || doc.month != key || misfiled else { continue }
            let elsewhere = Set(doc.entries.map(\.day.monthKey)).subtracting([key])
            rewrite.insert(key)
            rewrite.formUnion(elsewhere)
            // An entry filed under the wrong month loads and moves to its own month's file, so read that one too.
            for other in elsewhere.sorted()
            where monthsOnDisk.contains(other) && !loadedBefore.contains(other) && chosen.insert(other).inserted {
                queue.append(other)
            }
        }
        // A month without a file whose entries were filed elsewhere is now whole in `entries` too.
        loadedMonths.formUnion(chosen.union(rewrite.subtracting(monthsOnDisk)))
        guard !isReadOnly, !rewrite.isEmpty else { return (entries, []) }
        var content = Journal()
        content.merge(entries)
        for key in rewrite.subtracting(chosen) where loadedBefore.contains(key) && monthsOnDisk.contains(key) {
            // A month read earlier is taken as it is on disk (the caller saved any change to it).
            guard let data = try? FileIO.read(path(.month(key))),
                let (doc, _) = try? Codec.decode(MonthDocument.self, from: data, registry: registry)
            else { return (entries, []) }
            content.merge(doc.entries)
        }
        var rewrites: [(StoredFile, Data?)] = []
        for key in rewrite.sorted() {
            guard let data = try? contents(of: .month(key), journal: content, profile: nil) else { return (entries, []) }
            rewrites.append((.month(key), data))
        }
        return (entries, rewrites)
    }

    /// Reads one file; a damaged one is moved aside and replaced by its newest readable backup.
    private func read<T: VersionedDocument>(_ type: T.Type, _ file: StoredFile) throws(StoreError) -> (T, Bool)? {
        let path = path(file)
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
            if !isReadOnly, let moved = try? moveAside(file) {
                // When the repair on disk fails (a full disk), the damaged file goes back in place, so
                // the next start finds it and tries again; the backup's content is used meanwhile.
                do {
                    try FileIO.atomicWrite(data, to: path)
                    report.movedTo = moved
                } catch {
                    try? FileIO.move(moved, path)
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

    private func path(_ file: StoredFile) -> String { location.path + "/" + file.name }
    private var backupFolder: String { location.path + "/backups" }
    private var damagedFolder: String { location.path + "/damaged" }

    /// Moves a damaged file into damaged/ under a timestamped name; never overwrites one.
    private func moveAside(_ file: StoredFile) throws(FileFailure) -> String {
        try FileIO.makeDirectory(damagedFolder)
        let t = now()
        let stamp =
            CalendarDay(unixSeconds: t, utcOffsetSeconds: 0).description.filter { $0 != "-" } + "T"
            + TimeOfDay(unixSeconds: t, utcOffsetSeconds: 0).description.filter { $0 != ":" } + "Z"
        var target = damagedFolder + "/" + file.name + ".damaged-" + stamp
        var n = 2
        while FileIO.exists(target) {
            target = damagedFolder + "/" + file.name + ".damaged-" + stamp + "-\(n)"
            n += 1
        }
        try FileIO.move(path(file), target)
        try FileIO.syncFolder(location.path)
        return target
    }

    private func removeStaleTemporaries() {
        for name in FileIO.list(location.path) where name.hasPrefix(FileIO.tempPrefix) {
            try? FileIO.remove(location.path + "/" + name)
        }
    }

    // MARK: Saving

    /// Writes the files `touched` names (its months, and custom.json when `touched.custom`) from
    /// `journal`, all or nothing: on any failure every file stays as it was and `.saveFailed` names
    /// the file. A touched month that has a file but was not loaded throws `.monthNotLoaded`.
    public func save(_ journal: Journal, touched: JournalTouch) throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        let months = touched.months.sorted()
        if let bad = months.first(where: { LoadWindow.index($0) == nil }) {
            let name = StoredFile.month(bad).name
            throw .saveFailed(file: name, failure: FileFailure(operation: "name", path: location.path + "/" + name, code: EINVAL))
        }
        if let unread = months.first(where: { monthsOnDisk.contains($0) && !loadedMonths.contains($0) }) {
            throw .monthNotLoaded(unread)
        }
        var files: [(StoredFile, Data?)] = []
        for file in months.map(StoredFile.month) + (touched.custom ? [.custom] : []) {
            files.append((file, try contents(of: file, journal: journal, profile: profile)))
        }
        try commit(files)
        loadedMonths.formUnion(months)
        // What was written is now what the store holds, so `loadAll` need not read it again.
        if !handedOver { self.journal = journal }
    }

    public func setProfile(_ profile: Profile) throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        try commit([(.profile, try contents(of: .profile, journal: journal, profile: profile))])
        self.profile = profile
    }

    /// The bytes `file` holds for this journal and profile; nil when the file should not exist
    /// (no profile, or a month without entries).
    private func contents(of file: StoredFile, journal: Journal, profile: Profile?) throws(StoreError) -> Data? {
        do throws(FileProblem) {
            switch file {
            case .profile:
                guard let profile else { return nil }
                return try ProfileDocument(schemaVersion: registry.current, profile: profile).encoded()
            case .custom:
                return try CustomDocument(schemaVersion: registry.current, journal: journal).encoded()
            case .month(let key):
                let entries = Array(journal.entries(inMonth: key))
                if entries.isEmpty { return nil }
                return try MonthDocument(schemaVersion: registry.current, month: key, entries: entries).encoded()
            }
        } catch {
            throw .saveFailed(file: file.name, failure: FileFailure(operation: "encode", path: path(file), code: EINVAL))
        }
    }

    /// A month file's bytes, as a save writes them: the CPU part of a save, for the benchmarks.
    public static func monthFileBytes(month: String, entries: [JournalEntry]) throws(FileProblem) -> Data {
        try MonthDocument(schemaVersion: SchemaRegistry.standard.current, month: month, entries: entries).encoded()
    }

    /// Writes several files as one. Every new version goes to a flushed temporary first; only when
    /// all are written do the backups rotate (one generation per file) and the temporaries get
    /// renamed over (nil data retires the file). A failure before the renames changes no file; a
    /// failure during them puts back the files already replaced from the backup links just made.
    private func commit(_ files: [(StoredFile, Data?)]) throws(StoreError) {
        guard !files.isEmpty else { return }
        var temporaries: [StoredFile: String] = [:]
        func discardTemporaries() {
            for temp in temporaries.values { try? FileIO.remove(temp) }
        }
        for (file, data) in files {
            guard let data else { continue }
            do throws(FileFailure) {
                try injectFault(.writeTemporary, file)
                temporaries[file] = try FileIO.writeTemporary(data, for: path(file), flush: !flushesLater)
            } catch {
                discardTemporaries()
                throw .saveFailed(file: file.name, failure: error)
            }
        }
        var backedUp: Set<StoredFile> = []
        for (file, _) in files where FileIO.exists(path(file)) {
            do throws(FileFailure) {
                try injectFault(.rotateBackups, file)
                try rotateBackups(of: file)
            } catch {
                discardTemporaries()
                throw .saveFailed(file: file.name, failure: error)
            }
            backedUp.insert(file)
        }
        var replaced: [StoredFile] = []
        var current = files[0].0
        do throws(FileFailure) {
            for (file, data) in files {
                current = file
                try injectFault(.replace, file)
                if data != nil {
                    try FileIO.move(temporaries[file]!, path(file))
                } else {
                    try FileIO.remove(path(file))
                }
                replaced.append(file)
            }
            if flushesLater {
                for (file, data) in files where data != nil { unflushed.insert(path(file)) }
                folderUnflushed = true
            } else {
                try FileIO.syncFolder(location.path)
            }
        } catch {
            for file in replaced { putBack(file, fromBackup: backedUp.contains(file)) }
            discardTemporaries()
            try? FileIO.syncFolder(location.path)
            throw .saveFailed(file: current.name, failure: error)
        }
        for case (.month(let key), let data) in files {
            if data == nil { monthsOnDisk.remove(key) } else { monthsOnDisk.insert(key) }
        }
    }

    /// Flushes to disk what saves wrote since the last flush (see `flushesLater`). A failure here
    /// means the disk could not confirm data already in place; what the app shows is what the files hold.
    public func flush() throws(StoreError) {
        defer {
            unflushed = []
            folderUnflushed = false
        }
        for path in unflushed.sorted() {
            do throws(FileFailure) {
                try FileIO.syncFile(path)
            } catch {
                throw .saveFailed(file: FileIO.name(of: path), failure: error)
            }
        }
        if folderUnflushed {
            do throws(FileFailure) {
                try FileIO.syncFolder(location.path)
            } catch {
                throw .saveFailed(file: FileIO.name(of: location.path), failure: error)
            }
        }
    }

    private func injectFault(_ step: SaveStep, _ file: StoredFile) throws(FileFailure) {
        if let code = injectedFault?(step, file.name) {
            throw FileFailure(operation: "\(step)", path: path(file), code: code)
        }
    }

    /// Undoes a replace: the backup link just made is the old file, byte for byte.
    private func putBack(_ file: StoredFile, fromBackup: Bool) {
        guard fromBackup else {
            try? FileIO.remove(path(file))
            return
        }
        let temp = location.path + "/" + FileIO.tempPrefix + "restore-" + file.name
        try? FileIO.remove(temp)
        guard (try? FileIO.hardLink(backupFolder + "/" + file.name + ".1", temp)) != nil else { return }
        if (try? FileIO.move(temp, path(file))) == nil { try? FileIO.remove(temp) }
    }

    /// backups/<file>.1 → .2 → .3, then the current file becomes .1 (a hard link: no copying, and
    /// the rename that follows replaces the name, never the linked content).
    private func rotateBackups(of file: StoredFile) throws(FileFailure) {
        let current = path(file)
        guard FileIO.exists(current) else { return }
        try FileIO.makeDirectory(backupFolder)
        let base = backupFolder + "/" + file.name
        for generation in stride(from: Store.backupGenerations - 1, through: 1, by: -1) {
            try FileIO.move(base + ".\(generation)", base + ".\(generation + 1)", missingOK: true)
        }
        try FileIO.remove(base + ".1")
        try FileIO.hardLink(current, base + ".1")
    }

    // MARK: Export and import

    /// Everything on disk as one JSON document (a full backup); reads the months not loaded yet.
    public func exportJSON() throws(StoreError) -> Data {
        let whole = try loadAll()
        do {
            return try BackupDocument(schemaVersion: registry.current, profile: profile, journal: whole).encoded()
        } catch {
            throw .invalidImport("cannot encode: \(error)")
        }
    }

    /// The whole journal as CSV (RFC 4180), one row per entry; reads the months not loaded yet.
    public func exportCSV() throws(StoreError) -> String { JournalCSV.render(try loadAll()) }

    /// Checks a backup file whole without changing anything; returns what it holds. The profile is
    /// checked as the profile form checks it: the catalogue's supplement forms and the supplement
    /// limit for the person's age.
    public func validateBackup(_ data: Data, catalogue: Catalogue) throws(StoreError) -> BackupDocument {
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
            let errors = profile.validate(catalogue: catalogue).filter { $0.severity == .error }
            if let first = errors.first { throw .invalidImport("profile: \(first.message)") }
        }
        let problems = backup.journal.problems
        if !problems.isEmpty {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            throw .invalidImport(problems[0] + more)
        }
        return backup
    }

    /// Replaces all data with a backup after validating it whole, in one all-or-nothing save; a bad
    /// file changes nothing. Every month is loaded first, so damaged files are moved aside as usual.
    /// Afterwards `journal` is the imported journal.
    public func importBackup(_ data: Data, catalogue: Catalogue) throws(StoreError) {
        guard !isReadOnly else { throw .readOnly }
        let backup = try validateBackup(data, catalogue: catalogue)
        _ = try loadAll()
        let months = monthsOnDisk.union(backup.journal.months).sorted().map(StoredFile.month)
        var files: [(StoredFile, Data?)] = []
        for file in [.profile, .custom] + months {
            files.append((file, try contents(of: file, journal: backup.journal, profile: backup.profile)))
        }
        try commit(files)
        profile = backup.profile
        journal = backup.journal
        loadedMonths = Set(backup.journal.months)
    }
}
