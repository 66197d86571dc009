import Foundation

/// Whether a data folder is whole after rough handling: every JSON file in it (backups too) parses, none
/// was set aside as damaged, and magrelax itself exports it all and imports that backup into an empty
/// folder, which checks every entry and the profile as the app does.
enum DataFolderCheck {
    /// What is wrong with the folder's files as they lie, without running magrelax (cheap enough to
    /// call after every kill).
    static func filesProblems(_ folder: URL) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.appendingPathComponent("damaged").path) {
            let names = (try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("damaged").path)) ?? []
            out.append("files set aside as damaged: \(names)")
        }
        guard let names = fm.enumerator(atPath: folder.path) else { return ["cannot list \(folder.path)"] }
        for case let name as String in names where name.contains(".json") {
            let path = folder.appendingPathComponent(name).path
            // Temporary files of a save cut short are not the person's data (the next save replaces them).
            if name.hasPrefix(".") || (name as NSString).lastPathComponent.hasPrefix(".") { continue }
            guard let data = fm.contents(atPath: path) else {
                out.append("\(name): cannot be read")
                continue
            }
            do {
                _ = try JSONSerialization.jsonObject(with: data)
            } catch {
                out.append("\(name) (\(data.count) bytes) is not JSON: \(error)")
            }
        }
        return out
    }

    /// The backup `magrelax export --format json` makes of the folder, checked by importing it into an
    /// empty folder; its entries. Throws with what went wrong.
    static func exportedEntries(_ folder: URL) throws -> [[String: Any]] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let backup = scratch.appendingPathComponent("backup.json").path
        let exported = try runMagrelax(["--data-dir", folder.path, "export", "--format", "json", "--output", backup])
        let said = exported.err.split(separator: "\n")
        guard exported.status == 0, said.count == 1, said[0].hasPrefix("magrelax: exported ") else {
            throw EndToEndFailure(description: "export of \(folder.path) ended \(exported.status): \(exported.err)")
        }
        let imported = try runMagrelax(["--data-dir", scratch.appendingPathComponent("again").path, "import", backup])
        guard imported.status == 0, imported.out.hasPrefix("Imported ") else {
            throw EndToEndFailure(description: "the backup of \(folder.path) does not import (\(imported.status)): \(imported.err)")
        }
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: backup))) as? [String: Any]
        let entries = (document?["journal"] as? [String: Any])?["entries"] as? [[String: Any]]
        guard let entries, imported.out.hasPrefix("Imported \(entries.count) entries") else {
            throw EndToEndFailure(description: "the backup's entries and the import disagree: \(imported.out)")
        }
        return entries
    }
}

/// The day `offset` days from today, local time, as "YYYY-MM-DD" (what magrelax reckons today by).
func localDay(_ offset: Int) -> String {
    let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: offset, to: Date())!
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}
