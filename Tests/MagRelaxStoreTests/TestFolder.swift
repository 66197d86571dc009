import Foundation
import MagRelaxCore
@testable import MagRelaxStore

/// A fresh temporary data folder, removed when the test ends.
final class TestFolder {
    let path: String
    var location: DataLocation { DataLocation(path: path) }

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "magrelax-test-\(safe)-\(UUID().uuidString.prefix(8))"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    func read(_ name: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: file(name)))).map { String(decoding: $0, as: UTF8.self) }
    }

    func list(_ sub: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : file(sub))) ?? []).sorted()
    }
}

/// The StoreError a call throws, or nil when it succeeds. (Matching enum payloads in `catch`
/// clauses crashes the 6.3 compiler, so tests match on the returned value instead.)
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch {
        return error as? StoreError
    }
}

/// Changing data the way the app does: the caller holds the journal, applies an action's changes
/// as one batch and saves the files they touched.
final class Session {
    let store: Store
    var journal: Journal

    init(_ store: Store) {
        self.store = store
        journal = store.journal
    }

    func change(_ changes: JournalChange...) throws {
        try change(changes)
    }

    func change(_ changes: [JournalChange]) throws {
        var next = journal
        let touched = try next.apply(changes)
        try store.save(next, touched: touched)
        journal = next
    }

    /// Loads more months and merges them, as a history view would.
    func load(_ months: Set<String>) throws {
        journal.merge(try store.loadMonths(months))
    }
}

/// Every file under the folder (backups and damaged copies too) with its bytes.
func snapshot(_ folder: TestFolder) -> [String: Data] {
    var out: [String: Data] = [:]
    let base = URL(fileURLWithPath: folder.path)
    guard let names = FileManager.default.enumerator(atPath: folder.path) else { return out }
    for case let name as String in names {
        if let data = try? Data(contentsOf: base.appendingPathComponent(name)) { out[name] = data }
    }
    return out
}
