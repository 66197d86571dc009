import FoundationEssentials
import MagRelaxCore
import MagRelaxStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Opening the data folder for a subcommand: reports damaged files on stderr, fails with one line.
enum StoreAccess {
    static func open(_ data: DataDirOption, readOnly: Bool = false) -> Store {
        let location = DataLocation(path: data.resolvedPath())
        if readOnly && !FileManager.default.fileExists(atPath: location.path) {
            fail("no data yet in \(location.path): start magrelax, or run `magrelax profile set`")
        }
        let store: Store
        do {
            store = try Store(location: location, mode: readOnly ? .readOnly : .readWrite)
        } catch .locked(let folder, let pid) {
            fail("the data folder \(folder) is held by another magrelax" + (pid.map { " (pid \($0))" } ?? "")
                + "; quit it first")
        } catch {
            fail(error.description)
        }
        for report in store.damage { warn(report.description) }
        return store
    }

    /// Records one batch as the app does: checked whole in Core, new entries named, then one save of
    /// every file it touches. A refused batch or a failed save ends the command with one line, and
    /// nothing is written. Returns the journal as saved.
    @discardableResult
    static func record(_ changes: [JournalChange], in store: Store) -> Journal {
        var random = SystemRandomNumberGenerator()
        var ids = IDGenerator(using: &random)
        var journal = store.journal
        do {
            let touched = try journal.apply(changes.map { $0.naming(with: &ids) })
            try store.save(journal, touched: touched)
        } catch let error as StoreError {
            fail(error.description)
        } catch {
            fail("\(error)")
        }
        return journal
    }

    /// The profile a command needs, with its disclaimer accepted (as the screens ask before anything
    /// else); without one the command ends with one line that says how to make it.
    static func profile(of store: Store?, for command: String) -> Profile {
        guard let profile = store?.profile, profile.disclaimerAccepted != nil else {
            fail("no profile yet: start magrelax once, or run `magrelax profile set`, before `magrelax \(command)`")
        }
        return profile
    }

    static func catalogue() -> Catalogue {
        do {
            return try Catalogue.embedded()
        } catch {
            fail("the built-in catalogue is invalid: \(error)")
        }
    }
}

/// A line on stderr that does not stop the command.
func warn(_ message: String) {
    try? PrivateFile.write(Data("magrelax: \(message)\n".utf8), toDescriptor: STDERR_FILENO)
}
