import ArgumentParser
import FoundationEssentials
import MagRelaxApp
import MagRelaxCore
import MagRelaxStore
import NcursesBackend

#if canImport(Glibc)
    import CMalloc
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The version `--version` prints.
let magrelaxVersion = "0.1.0"

/// `magrelax` opens the app; subcommands (each in its own file) are listed in `subcommands`.
/// A synchronous root on purpose: the run loop must own the main thread, the only thread, so that
/// SIGINT/SIGTERM/SIGHUP always interrupt its wait for input.
@main
struct MagRelaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "magrelax",
        abstract: "Self-care for muscle tension: magnesium, gentle yoga, paced breathing and a private journal.",
        discussion: "Education, not medical advice. Your data stays in plain JSON files in the data folder.",
        version: magrelaxVersion,
        subcommands: [
            ProfileCommand.self, TodayCommand.self, DoneCommand.self, ExportCommand.self, ImportCommand.self,
            BreatheCommand.self, RateCommand.self, SymptomsCommand.self, LogCommand.self,
        ]
    )

    @OptionGroup var data: DataDirOption

    /// Every command may write files: past a file-size limit (a full disk) a write must fail and be
    /// reported, not end the process with SIGXFSZ. Set once, before any command runs.
    static func main() {
        Signals.ignoreFileSizeLimit()
        #if canImport(Glibc)
            // Blocks from 512 KB up (a year of journal entries) come from mmap and go back to the system
            // when freed. Left to itself glibc raises this limit after the first such block is freed, and
            // the arrays a load grows and replaces stay behind in the heap (0.9 MB with 10 years).
            mallopt(M_MMAP_THRESHOLD, 512 * 1024)
        #endif
        main(nil)
    }

    func run() throws {
        MagRelaxCommand.runApp(data)
    }

    /// Starts the screens; `prepare` changes the loaded state first (e.g. `magrelax breathe` opens a session).
    static func runApp(_ data: DataDirOption, prepare: (inout AppState) -> Void = { _ in }) {
        // Checked first: without a terminal nothing else matters.
        guard Terminal.isInteractive else { fail(TerminalError.notATerminal.description) }
        let catalogue: Catalogue
        do {
            catalogue = try Catalogue.embedded()
        } catch {
            fail("the built-in catalogue is invalid: \(error)")
        }
        // Before the screen: a folder that cannot be opened ends the start with one line.
        let link = StoreLink(data, today: CalendarDay(SystemClock.now()))
        let terminal: Terminal
        do {
            terminal = try Terminal.start(noColor: !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)
        } catch {
            fail(error.description)
        }
        // After newterm, so these replace the handlers ncurses installs for SIGINT and SIGTERM.
        Signals.install()
        var state = AppState(
            catalogue: catalogue, width: terminal.width, height: terminal.height, unicode: terminal.unicode,
            now: SystemClock.now())
        var random = SystemRandomNumberGenerator()
        state.ids = IDGenerator(using: &random)
        link.load(into: &state)
        prepare(&state)
        let outcome = EventLoop(
            screen: terminal, clock: SystemClock.now, pendingSignal: { Signals.pendingQuit }, perform: link.perform,
            flush: link.flush
        ).run(&state)
        terminal.stop()
        // What was saved since the last frame (the quit key's own saves), flushed with the screen given back,
        // so a disk that refuses it is said on the terminal.
        for case .notify(let notice) in link.flush() { warn(notice.title + ": " + notice.text) }
        if case .signal(let sig) = outcome { Signals.terminate(bySignal: sig) }
    }
}

/// One line on stderr and a non-zero exit: how magrelax reports that it cannot start.
func fail(_ message: String) -> Never {
    try? PrivateFile.write(Data("magrelax: \(message)\n".utf8), toDescriptor: STDERR_FILENO)
    exit(1)
}
