import MagRelaxApp
import MagRelaxCore
import NcursesBackend
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What ended a run.
enum RunOutcome: Equatable {
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
}

/// Feeds terminal events to the app and carries out its effects, until it quits or a signal arrives.
struct EventLoop<Screen: TerminalScreen> {
    let screen: Screen
    let clock: () -> TimeReading
    let pendingSignal: () -> Int32?
    /// Carries out a save effect and returns the app's report of it (see StoreLink).
    var persist: (Effect) -> Action? = { _ in nil }

    func run(_ state: inout AppState) -> RunOutcome {
        screen.draw(view(state))
        while true {
            if let sig = pendingSignal() { return .signal(sig) }
            let timeout = Self.timeoutMilliseconds(until: state.nextWakeup, now: clock().monotonic)
            let event = screen.nextEvent(timeoutMilliseconds: timeout)
            // A dead terminal is handled like the SIGHUP that usually comes with it.
            if event == .hangUp { return .signal(SIGHUP) }
            let actions = Self.actions(for: event, wakeup: state.nextWakeup, now: clock())
            if actions.isEmpty { continue }
            var quit = false
            for action in actions where perform(update(&state, action), &state) {
                quit = true
            }
            if quit { return .quit }
            screen.draw(view(state))
        }
    }

    /// Carries out effects; true when the app asked to quit.
    func perform(_ effects: [Effect], _ state: inout AppState) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .quit:
                quit = true
            case .bell(let count):
                for _ in 0..<max(0, count) { screen.beep() }
            case .saveProfile, .journal:
                if let report = persist(effect), perform(update(&state, report), &state) { quit = true }
            }
        }
        return quit
    }

    /// How long to wait for input: -1 (block, no CPU) when nothing is scheduled, else until the wake-up.
    static func timeoutMilliseconds(until wakeup: Double?, now: Double) -> Int32 {
        guard let wakeup else { return -1 }
        let ms = ((wakeup - now) * 1000).rounded(.up)
        // Capped at a day: a far deadline is still met by waking early and waiting again.
        return Int32(min(max(ms, 0), 86_400_000))
    }

    /// The app's actions for one event; every key and resize comes after a fresh time reading.
    static func actions(for event: TerminalEvent, wakeup: Double?, now: TimeReading) -> [Action] {
        switch event {
        case .key(let key): [.tick(now), .key(key)]
        case .resize(let width, let height): [.tick(now), .resize(width: width, height: height)]
        case .nothing: wakeup == nil ? [] : [.tick(now)]
        case .hangUp: []
        }
    }
}
