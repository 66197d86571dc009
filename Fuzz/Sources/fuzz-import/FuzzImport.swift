// Import: validating a backup never crashes; what it accepts has a journal without problems, a
// profile the catalogue allows, and reads back the same after export (encode, validate again).
import Foundation
import FuzzDriver
import MagRelaxCore
import MagRelaxStore

private let catalogue = try! Catalogue.embedded()
private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-fuzz-\(getpid())").path
/// validateBackup changes nothing, so one empty store in a fresh folder serves every input.
private nonisolated(unsafe) let store = try! Store(location: DataLocation(path: folder))

func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard let backup = try? store.validateBackup(input, catalogue: catalogue) else { return 0 }
    precondition(backup.journal.problems.isEmpty, "accepted a journal with problems: \(backup.journal.problems)")
    if let profile = backup.profile {
        precondition(
            !profile.validate(catalogue: catalogue).contains { $0.severity == .error },
            "accepted a profile the profile form refuses")
    }
    let again: BackupDocument
    do {
        again = try store.validateBackup(try backup.encoded(), catalogue: catalogue)
    } catch {
        fatalError("an accepted backup, exported again, is refused: \(error)")
    }
    precondition(again == backup, "an accepted backup reads back differently after export")
    return 0
}

@main enum FuzzImport {
    static func main() {
        atexit { try? FileManager.default.removeItem(atPath: folder) }
        runFuzzer { data, size in fuzzImport(data, size) }
    }
}
