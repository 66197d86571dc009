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
    /// Carries out a save or load effect and returns the actions its result makes (see StoreLink).
    var perform: (Effect) -> [Action] = { _ in [] }
    /// Called after each frame: flushes what the frame's saves wrote (see StoreLink.flush); what it
    /// returns is shown in the next frame. (After the run, the caller flushes what is left.)
    var flush: () -> [Action] = { [] }

    func run(_ state: inout AppState) -> RunOutcome {
        screen.draw(view(state))
        if drain([.started], &state) { return .quit }
        // Only what the loading changed is sent (usually nothing).
        draw(&state)
        while true {
            if let sig = pendingSignal() { return .signal(sig) }
            let timeout = Self.timeoutMilliseconds(until: state.nextWakeup, now: clock().monotonic)
            let event = screen.nextEvent(timeoutMilliseconds: timeout)
            // A dead terminal is handled like the SIGHUP that usually comes with it.
            if event == .hangUp { return .signal(SIGHUP) }
            let actions = Self.actions(for: event, wakeup: state.nextWakeup, now: clock())
            if actions.isEmpty { continue }
            if drain(actions, &state) { return .quit }
            draw(&state)
        }
    }

    /// Draws the state, then flushes the saves behind it; a problem the flush reports is drawn too.
    func draw(_ state: inout AppState) {
        screen.draw(view(state))
        let reported = flush()
        if !reported.isEmpty && !drain(reported, &state) { screen.draw(view(state)) }
    }

    /// Feeds actions to the app in order, carrying out their effects; the actions an effect's result
    /// makes join the queue behind it. True when the app asked to quit.
    func drain(_ actions: [Action], _ state: inout AppState) -> Bool {
        var queue = actions[...]
        var quit = false
        while let action = queue.popFirst() {
            for effect in update(&state, action) {
                switch effect {
                case .quit:
                    quit = true
                case .bell(let count):
                    for _ in 0..<max(0, count) { screen.beep() }
                case .saveProfile, .saveJournal, .writeCalendar, .loadMonths:
                    queue.append(contentsOf: perform(effect))
                }
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
