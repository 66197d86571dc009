import Foundation
import Testing

/// A failed end-to-end check; the message carries the screen as it was.
struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String
}

/// The magrelax binary under test: $MAGRELAX_BIN, else <package root>/.build/debug/magrelax.
func magrelaxBinary() throws -> String {
    let path = ProcessInfo.processInfo.environment["MAGRELAX_BIN"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/magrelax").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
        throw EndToEndFailure(description: "no magrelax binary at \(path): run `swift build` first, or set MAGRELAX_BIN")
    }
    return path
}

/// Runs the magrelax binary without a terminal to its end: `magrelax profile set …`, `export`, `--help`.
@discardableResult
func runMagrelax(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    try runProcess(try magrelaxBinary(), arguments)
}

/// Tests that take more than a few seconds of real time (paced sessions, a 20-second cost measurement)
/// run only with MAGRELAX_LONG_TESTS=1, as the README's test command sets it; plain `swift test` stays short.
extension Trait where Self == ConditionTrait {
    static var longTest: Self {
        .enabled(if: ProcessInfo.processInfo.environment["MAGRELAX_LONG_TESTS"] == "1",
                 "takes real time: set MAGRELAX_LONG_TESTS=1")
    }
}

/// Finds a program on PATH.
func executable(named name: String) -> String? {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program (stdin from /dev/null) to its end and returns its exit status (128 + n when signal n ended it), stdout
/// and stderr. posix_spawn rather than Foundation's Process: Process leaves most signals blocked in the
/// child, and a tmux server started that way cannot be stopped. Output goes through files, so a
/// daemon that keeps the descriptors open cannot hold the reader up either.
@discardableResult
func runProcess(_ path: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-e2e-io-\(UUID().uuidString)")
    let outPath = scratch.path + ".out", errPath = scratch.path + ".err"
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    let pid = try spawnProcess(path, arguments, out: outPath, err: errPath)
    let code = try waitStatus(pid, path)
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return (code, out, err)
}

/// Starts `path` (stdin from /dev/null, stdout and stderr to the files named) with every signal at
/// its default and none blocked, and returns at once with its pid.
func spawnProcess(_ path: String, _ arguments: [String], out: String = "/dev/null", err: String = "/dev/null") throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
        throw EndToEndFailure(description: "could not start \(path): \(String(cString: strerror(spawned)))")
    }
    return pid
}

/// Waits for `pid`: its exit status, or 128 + the signal that ended it.
func waitStatus(_ pid: pid_t, _ path: String = "the child") throws -> Int32 {
    var status: Int32 = 0
    var waited: pid_t
    repeat { waited = waitpid(pid, &status, 0) } while waited == -1 && errno == EINTR
    guard waited == pid else {
        throw EndToEndFailure(description: "waiting for \(path) failed: \(String(cString: strerror(errno)))")
    }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
}

/// The real magrelax binary in a private tmux server, with its own temporary data folder.
/// The server and the folder go away when the session does.
///
///     let s = try TmuxSession(width: 100, height: 30)
///     try s.send("2")
///     try s.waitFor("Plan")
///
/// More instances on the same folder open in windows of their own (`openWindow`); the methods that
/// take `window` act on one of those instead of the first.
final class TmuxSession {
    /// Holds the data folder and the tmux socket; removed at the end.
    let scratch: URL
    let dataDir: URL
    private let socket: String
    private let tmux: String
    /// How long `waitFor` and friends poll before failing.
    var deadline: TimeInterval = 10
    private let environment: [String: String]
    private let shellSetup: String

    /// Starts `magrelax --data-dir <temp> <arguments>` in a `width`×`height` pane. `environment` is added
    /// to TERM=xterm-256color, LANG=C.UTF-8 and SWIFT_BACKTRACE=interactive=no (and may override them).
    /// With `profile` (the default) a profile with the disclaimer accepted is saved first, so the app
    /// opens on its panes rather than the first-start welcome; without it the data folder does not exist
    /// until the app makes it. `prepare` gets the data folder's path before the app starts. `shellSetup`
    /// runs in the pane's shell before the app (e.g. `ulimit -f 8`). Unless `waitForStart` is false,
    /// returns once the tab bar shows.
    init(width: Int = 100, height: Int = 30, arguments: [String] = [], environment: [String: String] = [:],
         profile: Bool = true, prepare: (URL) throws -> Void = { _ in }, shellSetup: String = "",
         waitForStart: Bool = true) throws {
        guard let tmux = executable(named: "tmux") else {
            throw EndToEndFailure(description: "tmux is not installed, and the end-to-end tests need it (apt-get install tmux)")
        }
        self.tmux = tmux
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-e2e-\(UUID().uuidString)")
        dataDir = scratch.appendingPathComponent("data")
        socket = scratch.appendingPathComponent("tmux.sock").path
        self.environment = environment
        self.shellSetup = shellSetup
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        if profile {
            let saved = try runMagrelax([
                "--data-dir", dataDir.path, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female",
                "--goal", "soreness",
            ])
            guard saved.status == 0 else {
                throw EndToEndFailure(description: "magrelax profile set failed (\(saved.status)): \(saved.err)")
            }
        }
        try prepare(dataDir)
        try tmuxCommand(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", try appScript(arguments)])
        if waitForStart { try waitFor(" 1 Symptoms") }
    }

    /// Starts another `magrelax --data-dir <the same folder> <arguments>` in a new window called `name`.
    func openWindow(_ name: String, arguments: [String] = []) throws {
        try tmuxCommand(["new-window", "-d", "-n", name, try appScript(arguments)])
    }

    /// The shell line a pane runs: the app with the session's environment, then its exit line.
    private func appScript(_ arguments: [String]) throws -> String {
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "", "SWIFT_BACKTRACE": "interactive=no"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        let command = ([try magrelaxBinary(), "--data-dir", dataDir.path] + arguments).map(shellQuoted)
        // The shell ignores Ctrl-C so that it lives to print the exit line; NO_COLOR from the test's own
        // environment must not leak in.
        return "trap '' INT; \(shellSetup.isEmpty ? "" : shellSetup + "; ")env -u NO_COLOR \(assignments.joined(separator: " ")) \(command.joined(separator: " "));"
            + " echo EXIT:$?; sleep 600"
    }

    /// tmux's target for a window opened with `openWindow`, or the current pane.
    private func target(_ window: String?) -> [String] { window.map { ["-t", ":" + $0] } ?? [] }

    deinit {
        _ = try? runProcess(tmux, ["-S", socket, "kill-server"])
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Sends tmux key names: "2", "Tab", "BTab", "Down", "Enter", "Escape", "C-c", "q"…
    func send(_ keys: String..., to window: String? = nil) throws {
        try send(keys: keys, to: window)
    }

    /// The same for a list of keys, sent in one go.
    func send(keys: [String], to window: String? = nil) throws {
        try tmuxCommand(["send-keys"] + target(window) + keys)
    }

    /// Types `text` literally, character by character.
    func type(_ text: String) throws {
        try tmuxCommand(["send-keys", "-l", text])
    }

    /// The screen as text, one line per row, trailing spaces trimmed.
    func screen(in window: String? = nil) throws -> String {
        try tmuxCommand(["capture-pane", "-p"] + target(window))
    }

    /// Polls until `predicate` holds for the screen; returns that screen, or throws with the last one.
    @discardableResult
    func waitUntil(_ what: String, in window: String? = nil, _ predicate: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(deadline)
        var last = ""
        repeat {
            last = try screen(in: window)
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < end
        throw EndToEndFailure(description: "timed out after \(deadline) s waiting for \(what); the screen:\n\(framed(last))")
    }

    /// Polls until `text` shows anywhere on the screen.
    @discardableResult
    func waitFor(_ text: String, in window: String? = nil) throws -> String {
        try waitUntil("\"\(text)\"", in: window) { $0.contains(text) }
    }

    /// Polls until `text` is gone from the screen.
    @discardableResult
    func waitForAbsence(of text: String, in window: String? = nil) throws -> String {
        try waitUntil("\"\(text)\" to go", in: window) { !$0.contains(text) }
    }

    /// Waits for the binary to end and returns its exit status (128 + n when signal n ended it).
    func waitForExit(in window: String? = nil) throws -> Int32 {
        let screen = try waitUntil("the exit line", in: window) { exitStatus(in: $0) != nil }
        return exitStatus(in: screen)!
    }

    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane shows the alternate screen (the app's, not the shell's).
    func alternateScreenOn() throws -> Bool {
        try tmuxCommand(["display-message", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the running magrelax process (the child of the pane's shell).
    func appPID(in window: String? = nil) throws -> Int32 {
        let shell = try tmuxCommand(["display-message", "-p"] + target(window) + ["#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw EndToEndFailure(description: "magrelax is not running under the pane's shell (pid \(shell)); the screen:\n\(framed(try screen(in: window)))")
        }
        return pid
    }

    /// Sends `sig` to the app.
    func signal(_ sig: Int32) throws {
        let pid = try appPID()
        guard kill(pid, sig) == 0 else { throw EndToEndFailure(description: "kill(\(pid), \(sig)) failed: errno \(errno)") }
    }

    /// Runs a tmux command on this session's server; returns what it printed.
    @discardableResult
    func tmuxCommand(_ arguments: [String]) throws -> String {
        let result = try runProcess(tmux, ["-S", socket] + arguments)
        guard result.status == 0 else {
            throw EndToEndFailure(description: "tmux \(arguments.first ?? "") failed (\(result.status)): \(result.err)")
        }
        return result.out
    }
}

/// The status on an "EXIT:<n>" line, printed by the pane's shell when magrelax ends. Without an
/// alternate screen (vt100) the app's last frame stays, and the line may overwrite only its start.
func exitStatus(in screen: String) -> Int32? {
    for line in screen.split(separator: "\n") where line.hasPrefix("EXIT:") {
        return Int32(String(line.dropFirst(5).prefix { $0.isASCII && $0.isNumber }))
    }
    return nil
}

/// Single-quotes `s` for sh.
func shellQuoted(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// The screen between rules, so its edges show in a failure message.
func framed(_ screen: String) -> String {
    let rule = String(repeating: "-", count: 40)
    return rule + "\n" + screen + "\n" + rule
}

/// The processor time a process has used, in clock ticks (user and system), from /proc/<pid>/stat;
/// nil when it is gone.
func processCPUTicks(_ pid: Int32) -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
    else { return nil }
    // After the command's name: state, then 10 fields, then utime and stime.
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
    return user + system
}
