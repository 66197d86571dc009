import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary in tmux: first start, the profile saved to disk, `p` from a pane, and a second
/// instance told that the folder is held.
@Suite("End to end: first start and profile (tmux)")
struct FirstStartTmuxTests {
    final class Session {
        let socket = "magrelax-e2e-store-\(getpid())-\(UUID().uuidString.prefix(6))"

        /// Runs tmux with posix_spawn and waitpid. (Foundation's Process left the tmux client a zombie
        /// once the client had forked the server, and waitUntilExit never returned.)
        @discardableResult
        func tmux(_ arguments: [String], capture: Bool = false) -> String {
            var pipeFDs: [Int32] = [-1, -1]
            if capture { _ = pipe(&pipeFDs) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            if capture {
                posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
                posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            } else {
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            }
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // Test threads block signals, and a spawned tmux server would inherit that mask and then
            // ignore kill-server's signals: start it with none blocked and default handlers.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            var all = sigset_t()
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
            var output = Data()
            if capture {
                close(pipeFDs[1])
                var buffer = [UInt8](repeating: 0, count: 4096)
                while spawned == 0 {
                    let n = read(pipeFDs[0], &buffer, buffer.count)
                    if n <= 0 { break }
                    output.append(contentsOf: buffer[0..<n])
                }
                close(pipeFDs[0])
            }
            if spawned == 0 {
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
            return String(decoding: output, as: UTF8.self)
        }

        func start(_ folder: String, window: String? = nil) {
            let command = "env TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no '\(ProfileCLITests.binary)' --data-dir '\(folder)'; echo EXIT:$?; sleep 10"
            if let window {
                tmux(["new-window", "-d", "-n", window, command])
            } else {
                tmux(["new-session", "-d", "-x", "100", "-y", "30", command])
            }
        }

        func keys(_ keys: String..., target: String? = nil) {
            tmux(["send-keys"] + (target.map { ["-t", $0] } ?? []) + keys)
        }

        func screen(_ target: String? = nil) -> String {
            tmux(["capture-pane", "-p"] + (target.map { ["-t", $0] } ?? []), capture: true)
        }

        /// Polls until the screen shows `text`; records the screen when it never does.
        @discardableResult
        func waitFor(_ text: String, target: String? = nil, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen(target).contains(text) { return true }
                usleep(50_000)
            }
            Issue.record("never showed \"\(text)\":\n\(screen(target))")
            return false
        }

        deinit { tmux(["kill-server"]) }
    }

    func waitForFile(_ path: String, containing text: String) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: path, encoding: .utf8), s.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    @Test(.timeLimit(.minutes(1)))
    func firstStartSavesTheProfileAndPReopensIt() throws {
        let folder = NSTemporaryDirectory() + "magrelax-e2e-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let s = Session()
        s.start(folder)
        guard s.waitFor("Welcome to magrelax") else { return }
        #expect(s.screen().contains("education, not medical advice"))
        s.keys("Enter")
        guard s.waitFor("Your profile (first start)") else { return }
        s.keys("3", "5")
        for _ in 0..<20 { s.keys("Down") }
        s.keys("Enter")
        #expect(waitForFile(folder + "/profile.json", containing: "\"ageYears\":35"))
        s.keys("3", "p")
        guard s.waitFor("Your profile") else { return }
        #expect(!s.screen().contains("first start"))
        s.keys("Escape", "q")
        s.waitFor("EXIT:0")
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test(.timeLimit(.minutes(1)))
    func aSecondInstanceOpensReadOnlyAndSaysWhy() throws {
        let folder = NSTemporaryDirectory() + "magrelax-e2e-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let s = Session()
        s.start(folder)
        guard s.waitFor("Welcome to magrelax") else { return }
        s.start(folder, window: "second")
        let second = ":second"
        // The notice wraps, so look for pieces of it.
        guard s.waitFor("(pid ", target: second) else { return }
        #expect(s.screen(second).contains("is held by another"))
        #expect(s.screen(second).contains("magrelax (read-only)"))
        s.keys("Enter", target: second)
        s.keys("q", target: second)
        s.waitFor("EXIT:0", target: second)
        s.keys("q")
        s.waitFor("EXIT:0")
    }

    @Test(.timeLimit(.minutes(1)))
    func aDamagedProfileIsReportedOnScreenAndRestoredFromItsBackup() throws {
        let folder = NSTemporaryDirectory() + "magrelax-e2e-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cli = ProfileCLITests()
        for age in ["35", "36"] {
            _ = try cli.run(["--data-dir", folder, "profile", "set", "--accept-disclaimer", "--age", age, "--sex", "female", "--goal", "soreness"])
        }
        try Data("{\"schemaVersion\":1,\"profile\":{\"ageYears\":".utf8).write(to: URL(fileURLWithPath: folder + "/profile.json"))
        let s = Session()
        s.start(folder)
        guard s.waitFor("could not be read") else { return }
        let screen = s.screen()
        #expect(screen.contains("profile.json"))
        #expect(screen.contains("cut off"))
        s.keys("Enter", "p")
        // The backup held the profile before the last change: age 35.
        guard s.waitFor("Your profile") else { return }
        #expect(s.screen().contains("35_"))
        s.keys("Escape", "q")
        s.waitFor("EXIT:0")
        let damaged = try FileManager.default.contentsOfDirectory(atPath: folder + "/damaged")
        #expect(damaged.count == 1 && damaged[0].hasPrefix("profile.json.damaged-"))
    }
}
