import ArgumentParser
import Foundation
import MagRelaxCore
import MagRelaxStore

/// `magrelax export --format json|csv [--output FILE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a full JSON backup, or the journal as CSV.",
        discussion: "JSON is a complete backup that `magrelax import` restores; CSV has one row per journal entry.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var data: DataDirOption
    @Option(help: "json (full backup) or csv (journal).") var format: Format
    @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        // Read-only: exporting works while the app is open.
        let store = StoreAccess.open(data, readOnly: true)
        let bytes: Data
        switch format {
        case .json:
            do {
                bytes = try store.exportJSON()
            } catch {
                fail(error.description)
            }
        case .csv:
            do {
                bytes = Data(try store.exportCSV().utf8)
            } catch {
                fail(error.description)
            }
        }
        guard let output else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            try PrivateFile.write(bytes, to: URL(fileURLWithPath: output).standardizedFileURL.path)
        } catch {
            fail("cannot write \(output): \(error.reason)")
        }
        warn("exported \(store.journal.entries.count) entries to \(output)")
    }
}

/// `magrelax import FILE`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace all your data with a JSON backup made by `magrelax export --format json`.",
        discussion: "The file is checked whole first; if anything in it is wrong, nothing changes.")

    @OptionGroup var data: DataDirOption
    @Argument(help: ArgumentHelp("The backup file.", valueName: "file")) var file: String

    func run() throws {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            fail("cannot read \(file): \(error.localizedDescription)")
        }
        let store = StoreAccess.open(data)
        do {
            try store.importBackup(bytes, catalogue: StoreAccess.catalogue())
        } catch {
            fail(error.description)
        }
        let profile = store.profile == nil ? "no profile" : "the profile"
        print("Imported \(store.journal.entries.count) entries and \(profile) from \(file).")
    }
}
