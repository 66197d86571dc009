import ArgumentParser
import FoundationEssentials
import MagRelaxApp
import MagRelaxCore
import TerminalUI

/// `magrelax breathe PATTERN [--minutes N | --cycles N] [--bell]` opens the app straight into a session;
/// `magrelax breathe --list` prints the patterns.
struct BreatheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breathe",
        abstract: "Start a paced breathing session, or list the patterns.",
        discussion: "When the session ends you land in the Breathe pane. Stop if you feel dizzy or light-headed.")

    @OptionGroup var data: DataDirOption
    @Argument(help: ArgumentHelp(
        "diaphragmatic, box, 4-7-8, coherent, nadi-shodhana, bhramari, ujjayi, or the name of your own pattern.",
        valueName: "pattern"))
    var pattern: String?
    @Option(help: ArgumentHelp("Length in minutes (ends on a whole breath).", valueName: "n")) var minutes: Double?
    @Option(help: ArgumentHelp("Length in breaths (rounds for nadi-shodhana).", valueName: "n")) var cycles: Int?
    @Flag(help: "Ring the terminal bell at each phase: once for in, twice for out.") var bell = false
    @Flag(help: "Print the patterns and exit.") var list = false

    func validate() throws {
        if list { return }
        guard pattern != nil else { throw ValidationError("Name a pattern, or use --list to see them.") }
        if minutes != nil && cycles != nil { throw ValidationError("Give --minutes or --cycles, not both.") }
        if let m = minutes, !BreatheSetup.minuteRange.contains(m) {
            throw ValidationError("--minutes must be from 1 to 60.")
        }
        if let c = cycles, !BreatheSetup.cycleRange.contains(c) {
            throw ValidationError("--cycles must be from 1 to \(BreatheSetup.cycleRange.upperBound).")
        }
    }

    func run() throws {
        let catalogue = StoreAccess.catalogue()
        let hasData = FileManager.default.fileExists(atPath: data.resolvedPath())
        let store = hasData ? StoreAccess.open(data, readOnly: true) : nil
        let library = Library(catalogue: catalogue, journal: store?.journal ?? Journal())
        if list {
            print(BreatheCommand.listing(library.patterns).joined(separator: "\n"))
            return
        }
        _ = StoreAccess.profile(of: store, for: "breathe")
        let name = pattern ?? ""
        guard library.pattern(named: name) != nil else {
            let ids = library.patterns.map(\.id).joined(separator: ", ")
            fail("no breathing pattern \"\(name)\"; the patterns are: \(ids)")
        }
        // The app opens the folder for writing itself.
        store?.close()
        let length: SessionLength? = minutes.map { .minutes($0) } ?? cycles.map { .cycles($0) }
        MagRelaxCommand.runApp(data) { state in
            _ = state.startBreathing(name, length: length, bell: bell)
        }
    }

    /// One line a pattern: id, name, seconds in · hold · out · hold, dose.
    static func listing(_ patterns: [BreathingPattern]) -> [String] {
        let idWidth = max(14, (patterns.map { TextWidth.width($0.id) }.max() ?? 0) + 2)
        return patterns.map { p in
            let timing = [p.inhale, p.holdIn, p.exhale, p.holdOut].map { $0 == $0.rounded() ? "\(Int($0))" : "\($0)" }
                .joined(separator: "·")
            let unit = p.dose.unit == .minutes ? "min" : (p.alternateNostril ? "rounds" : "breaths")
            var dose = p.isCustom ? "your own" : (p.dose.min == p.dose.max ? "\(p.dose.min)" : "\(p.dose.min)–\(p.dose.max)") + " " + unit
            if let later = p.dose.maxAfterFirstMonth { dose += " (up to \(later) after the first month)" }
            return p.id.column(idWidth) + p.name.column(16) + timing.column(14) + dose
        }
    }
}
