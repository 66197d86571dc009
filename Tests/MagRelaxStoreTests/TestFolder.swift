import Foundation
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
