import ArgumentParser
import FoundationEssentials
import MagRelaxCore
import MagRelaxStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `magrelax export --format json|csv|ics [--output FILE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a full JSON backup, the journal as CSV, or your plan as a calendar (ICS).",
        discussion: """
            JSON is a complete backup that `magrelax import` restores; CSV has one row per journal entry; ICS \
            (RFC 5545) has one all-day event per plan day with its tasks, and exporting again updates the same \
            events in a calendar app.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, ics }

    @OptionGroup var data: DataDirOption
    @Option(help: "json (full backup), csv (journal) or ics (plan calendar).") var format: Format
    @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        // Read-only: exporting works while the app is open.
        let store = StoreAccess.open(data, readOnly: true)
        let bytes: Data
        var what: String?
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
        case .ics:
            let profile = StoreAccess.profile(of: store, for: "export ics")
            let journal: Journal
            do {
                journal = try store.loadAll()
            } catch {
                fail(error.description)
            }
            let plan = PersonalPlan(profile: profile, catalogue: StoreAccess.catalogue(), journal: journal)
            let calendar = plan.calendar(stamp: SystemClock.now().wallClock, productID: ICalendar.magrelaxProductID)
            bytes = Data(calendar.text.utf8)
            what = "\(calendar.events.count) plan days"
        }
        guard let output else {
            try? PrivateFile.write(bytes, toDescriptor: STDOUT_FILENO)
            return
        }
        do {
            try PrivateFile.write(bytes, to: URL(fileURLWithPath: output).standardizedFileURL.path)
        } catch {
            fail("cannot write \(output): \(error.reason)")
        }
        warn("exported \(what ?? "\(store.journal.entries.count) entries") to \(output)")
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
            bytes = try PrivateFile.read(file)
        } catch {
            fail("cannot read \(file): \(error.reason)")
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
