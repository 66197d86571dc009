import MagRelaxApp
import MagRelaxCore
import MagRelaxStore

/// The app's data folder while the screens run: loads the profile and journal into the app state,
/// then saves after each change (the app's save effects) and reports failures back to the app.
final class StoreLink {
    let store: Store

    /// Opens the folder; a folder held by another magrelax is opened read-only. A newer or unreadable
    /// folder ends the start with one line (before the screen is taken over).
    init(_ data: DataDirOption) {
        let location = DataLocation(path: data.resolvedPath())
        var notices: [StorageNotice] = []
        do {
            store = try Store(location: location)
        } catch .locked(let folder, let pid) {
            do {
                store = try Store(location: location, mode: .readOnly)
            } catch {
                fail(error.description)
            }
            notices.append(StorageNotice(
                title: "Read-only", text: StoreError.locked(folder: folder, pid: pid).description
                    + " Changes you make are shown but not saved; quit the other magrelax to save."))
        } catch {
            fail(error.description)
        }
        startNotices = notices + store.damage.map { StorageNotice(title: "A data file could not be read", text: $0.description) }
    }

    private let startNotices: [StorageNotice]

    /// Puts the loaded data and any start-up notices into the app state.
    func load(into state: inout AppState) {
        state.profile = store.profile
        state.journal = store.journal
        state.storage = StorageStatus(readOnly: store.isReadOnly, notices: startNotices)
        if !store.isReadOnly { state.openWelcomeIfNeeded() }
    }

    /// Saves what an effect asks for; the change is already in the app state, and stays in the
    /// store's memory when writing fails (the next save retries it).
    func persist(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .saveProfile(let profile): try store.setProfile(profile)
            case .journal(let change): try store.apply(change)
            default: return nil
            }
            return .storage(.saved)
        } catch {
            return .storage(.saveFailed(error.description))
        }
    }
}
