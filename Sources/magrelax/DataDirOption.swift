import ArgumentParser
import FoundationEssentials

/// `--data-dir`, shared by the app and every subcommand (`@OptionGroup var data: DataDirOption`).
struct DataDirOption: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "The folder that holds your data (default: $XDG_DATA_HOME/magrelax, else ~/.local/share/magrelax).",
            valueName: "path"))
    var dataDir: String?

    /// The folder to use, as an absolute path.
    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dataDir, !dataDir.isEmpty {
            return URL(fileURLWithPath: dataDir).standardizedFileURL.path
        }
        // The XDG spec says to ignore a relative XDG_DATA_HOME.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("magrelax").standardizedFileURL.path
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/magrelax").standardizedFileURL.path
    }
}
