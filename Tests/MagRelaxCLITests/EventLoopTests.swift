import Foundation
import MagRelaxApp
import MagRelaxCore
import NcursesBackend
import Testing
import TerminalUI

@testable import magrelax

/// A screen that plays back events and records what the loop did with it.
final class ScriptedScreen: TerminalScreen {
    var width = 100
    var height = 30
    var events: [TerminalEvent]
    var timeouts: [Int32] = []
    var frames: [Canvas] = []
    var beeps = 0

    init(_ events: [TerminalEvent]) { self.events = events }

    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent {
        timeouts.append(timeoutMilliseconds)
        // Out of script: end the run as a lost terminal would.
        return events.isEmpty ? .hangUp : events.removeFirst()
    }

    func draw(_ canvas: Canvas) { frames.append(canvas) }
    func beep() { beeps += 1 }
}

/// A clock that advances one second per reading.
final class SteppingClock: @unchecked Sendable {
    var seconds = 1000.0
    func read() -> TimeReading {
        seconds += 1
        return TimeReading(monotonic: seconds, wallClock: 1_800_000_000 + seconds, utcOffsetSeconds: 3600)
    }
}

struct EventLoopTests {
    let catalogue: Catalogue

    init() throws { catalogue = try Catalogue.embedded() }

    func loop(_ screen: ScriptedScreen, clock: SteppingClock = SteppingClock(), signal: @escaping () -> Int32? = { nil })
        -> EventLoop<ScriptedScreen>
    {
        EventLoop(screen: screen, clock: clock.read, pendingSignal: signal)
    }

    @Test func keysReachTheAppAndQReturnsQuit() {
        let screen = ScriptedScreen([.key(.char("2")), .key(.char("q"))])
        var state = AppState(catalogue: catalogue, width: 100, height: 30)
        #expect(loop(screen).run(&state) == .quit)
        #expect(state.pane == .plan)
        // The first frame, the one after start-up loading, then one after "2"; none after the quit.
        #expect(screen.frames.count == 3)
        #expect(screen.frames.last?.lines.first?.contains(" 2 Plan ") == true)
        // Idle: nothing scheduled, so the loop blocks on input.
        #expect(screen.timeouts.allSatisfy { $0 == -1 })
    }

    @Test func everyKeyComesAfterAFreshTimeReading() {
        let clock = SteppingClock()
        let screen = ScriptedScreen([.key(.char("3"))])
        var state = AppState(catalogue: catalogue)
        _ = loop(screen, clock: clock).run(&state)
        // The reading taken for the key (the second one of that turn) is what the app holds.
        #expect(state.now.monotonic == 1002)
        #expect(state.now.utcOffsetSeconds == 3600)
    }

    @Test func resizeRelaysOutTheNextFrame() {
        let screen = ScriptedScreen([.resize(width: 60, height: 20)])
        var state = AppState(catalogue: catalogue, width: 100, height: 30)
        _ = loop(screen).run(&state)
        #expect(state.width == 60 && state.height == 20)
        #expect(screen.frames.last?.width == 60)
        #expect(screen.frames.last?.height == 20)
    }

    @Test func aQuitSignalEndsTheRunBeforeTheNextWait() {
        let screen = ScriptedScreen([.key(.char("2")), .key(.char("3"))])
        var state = AppState(catalogue: catalogue)
        var calls = 0
        let outcome = loop(screen, signal: {
            calls += 1
            return calls > 1 ? SIGTERM : nil
        }).run(&state)
        #expect(outcome == .signal(SIGTERM))
        #expect(state.pane == .plan)
        #expect(screen.events == [.key(.char("3"))])
    }

    @Test func aDeadTerminalEndsTheRunLikeSIGHUP() {
        let screen = ScriptedScreen([.nothing, .hangUp, .key(.char("2"))])
        var state = AppState(catalogue: catalogue)
        #expect(loop(screen).run(&state) == .signal(SIGHUP))
        #expect(state.pane == .symptoms)
        // `.nothing` with nothing scheduled changes nothing, so nothing is redrawn after the start.
        #expect(screen.frames.count == 2)
    }

    @Test func effectsAreCarriedOutAndTheirResultsFedBackInOrder() throws {
        let screen = ScriptedScreen([])
        var state = AppState(catalogue: catalogue)
        state.profile = Profile(
            ageYears: 40, sex: .female, goal: .tensionHeadache, planStart: CalendarDay(iso: "2026-11-02")!,
            disclaimerAccepted: CalendarDay(iso: "2026-11-02")!)
        let started = state.startBreathing("box", length: .cycles(1), bell: true)
        #expect(started)
        guard case .session(let run) = state.breathe.screen else { Issue.record("no session"); return }
        let start = run.session.startedAt
        func at(_ t: Double) -> Action { .tick(TimeReading(monotonic: start + t, wallClock: 1_795_000_000 + t, utcOffsetSeconds: 0)) }
        var performed: [Effect] = []
        var runLoop = loop(screen)
        runLoop.perform = { effect in
            performed.append(effect)
            return [.storage(.saveFailed("Could not save journal-2026-11.json: disk full."))]
        }
        // The first in-breath rings once, the out-breath twice; the end of the cycle shows the summary.
        #expect(!runLoop.drain([at(Pacer.getReadySeconds), at(Pacer.getReadySeconds + 8), at(Pacer.getReadySeconds + 16)], &state))
        #expect(screen.beeps == 3 && performed.isEmpty)
        guard case .done = state.breathe.screen else { Issue.record("no summary"); return }
        // Enter saves: the effect is carried out and its (failed) result reaches the app in the same drain.
        #expect(!runLoop.drain([.key(.enter)], &state))
        #expect(performed.count == 1)
        guard case .saveJournal(let saved, _)? = performed.first else {
            Issue.record("no journal save: \(performed)")
            return
        }
        #expect(saved.entries.contains { if case .breathing = $0.kind { true } else { false } })
        #expect(state.journal.entries.isEmpty)  // undone, as the disk has it
        #expect(state.notices.first?.text.contains("disk full") == true)
        #expect(runLoop.drain([.key(.ctrl("c"))], &state))
    }

    /// Saves are flushed after the frame that shows them; a flush that reports a problem has it drawn
    /// in a frame of its own at once.
    @Test func savesAreFlushedAfterTheFrameThatShowsThem() {
        let screen = ScriptedScreen([.key(.char("2")), .key(.char("3")), .key(.escape), .key(.char("q"))])
        var state = AppState(catalogue: catalogue, width: 100, height: 30)
        var runLoop = loop(screen)
        var flushedAfter: [Int] = []
        runLoop.flush = {
            flushedAfter.append(screen.frames.count)
            guard flushedAfter.count == 3 else { return [] }
            return [.notify(StorageNotice(title: "Your disk reported a problem", text: "flush failed"))]
        }
        #expect(runLoop.run(&state) == .quit)
        // Frames: first, after loading, "2", "3", the problem, Esc (it closes the notice); none after "q".
        #expect(screen.frames.count == 6)
        #expect(flushedAfter == [2, 3, 4, 6])
        #expect(!screen.frames[3].text.contains("Your disk reported a problem"))
        #expect(screen.frames[4].text.contains("Your disk reported a problem"))
        #expect(!screen.frames[5].text.contains("Your disk reported a problem"))
    }

    @Test func timeoutBlocksWhenIdleAndRoundsUpToTheWakeup() {
        #expect(EventLoop<ScriptedScreen>.timeoutMilliseconds(until: nil, now: 5) == -1)
        #expect(EventLoop<ScriptedScreen>.timeoutMilliseconds(until: 5.0101, now: 5) == 11)
        #expect(EventLoop<ScriptedScreen>.timeoutMilliseconds(until: 4, now: 5) == 0)
        #expect(EventLoop<ScriptedScreen>.timeoutMilliseconds(until: 1e12, now: 0) == 86_400_000)
    }

    @Test func eventsBecomeATickThenTheAction() {
        let now = TimeReading(monotonic: 7, wallClock: 8, utcOffsetSeconds: 0)
        typealias L = EventLoop<ScriptedScreen>
        #expect(L.actions(for: .key(.enter), wakeup: nil, now: now) == [.tick(now), .key(.enter)])
        #expect(L.actions(for: .resize(width: 80, height: 24), wakeup: nil, now: now)
            == [.tick(now), .resize(width: 80, height: 24)])
        #expect(L.actions(for: .nothing, wakeup: nil, now: now).isEmpty)
        #expect(L.actions(for: .nothing, wakeup: 7, now: now) == [.tick(now)])
        #expect(L.actions(for: .hangUp, wakeup: 7, now: now).isEmpty)
    }
}
