import CNcursesw
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The last quit signal received (0: none). Handlers may only touch atomics.
private let pendingQuitSignal = Atomic<Int32>(0)
/// True while ncurses owns the terminal, so a crash handler knows whether to restore it.
let cursesActive = Atomic<Bool>(false)

/// Signal handling: SIGINT, SIGTERM and SIGHUP become a clean quit; crashes restore the terminal first.
public enum Signals {
    public static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    // SIGTRAP: a Swift runtime trap on arm64 (x86-64 traps with SIGILL).
    public static let fatalSignals: [Int32] = [SIGSEGV, SIGABRT, SIGILL, SIGBUS, SIGFPE, SIGTRAP]

    /// The signal mask while waiting for input: nothing blocked.
    nonisolated(unsafe) static var waitMask = sigset_t()

    /// Installs the handlers. Quit signals stay blocked except while waiting for input, so one that
    /// arrives between the loop's check and the wait still ends the wait. Every other signal is
    /// unblocked: a parent may have left some blocked (SIGWINCH among them), and the app needs them.
    public static func install() {
        var quitSet = sigset_t()
        sigemptyset(&quitSet)
        for sig in quitSignals {
            sigaddset(&quitSet, sig)
            // No SA_RESTART: the wait must return when the signal arrives.
            setHandler(sig, flags: 0) { sig in pendingQuitSignal.store(sig, ordering: .relaxed) }
        }
        sigprocmask(SIG_SETMASK, &quitSet, nil)
        sigemptyset(&waitMask)

        let resetAndDefer = Int32(bitPattern: UInt32(SA_RESETHAND)) | Int32(SA_NODEFER)
        for sig in fatalSignals {
            // SA_RESETHAND puts the default action back, so re-raising ends the process as the crash would.
            setHandler(sig, flags: resetAndDefer) { sig in
                if cursesActive.load(ordering: .relaxed) { endwin() }
                raise(sig)
            }
        }
    }

    /// A write past the file-size limit (`ulimit -f`) then fails with EFBIG, which a save reports and
    /// survives, instead of SIGXFSZ ending the process mid-save with the terminal still taken over.
    /// Call before the data folder is opened: taking its lock writes too.
    public static func ignoreFileSizeLimit() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// The quit signal that arrived, if any.
    public static var pendingQuit: Int32? {
        let sig = pendingQuitSignal.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }

    /// Ends the process the way `sig` would have without a handler (so the shell sees 128 + sig).
    /// Call after the terminal is restored.
    public static func terminate(bySignal sig: Int32) -> Never {
        signal(sig, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        exit(128 + sig)
    }

    private static func setHandler(_ sig: Int32, flags: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        sigaction(sig, &action, nil)
    }
}
