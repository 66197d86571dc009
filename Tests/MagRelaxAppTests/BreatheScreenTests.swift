import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Breathe pane at fixed times, rendered to text and compared with recorded snapshots.
@Suite struct BreatheScreenTests {
    @Test func patternsAndPoses() throws {
        assertSnapshot(view(try breatheState()), named: "list-80x24")
        assertSnapshot(view(try breatheState(width: 120, height: 40)), named: "list-120x40")
        var withStats = try breatheState(profile: breatheProfile())
        _ = update(&withStats, .key(.end))
        assertSnapshot(view(withStats), named: "poses-stats-80x24")
    }

    @Test func poseDetail() throws {
        var state = try breatheState()
        try select("pose:" + (state.catalogue.yoga.first?.id ?? ""), &state)
        press([.enter], &state)
        assertSnapshot(view(state), named: "pose-detail-80x24")
    }

    @Test func setupOf478() throws {
        var state = try breatheState()
        try select("4-7-8", &state)
        press([.enter, .up, .up, .up], &state)
        assertSnapshot(view(state), named: "setup-478-80x24")
    }

    /// Box breathing: the countdown, then each of its four phases one second in.
    @Test func boxBreathingPhases() throws {
        var state = try breatheState()
        try startSession("box", &state)
        tick(&state, 1)
        assertSnapshot(view(state), named: "box-get-ready")
        for (name, t) in [("inhale", 4.5), ("hold-full", 8.0), ("exhale", 12.0), ("hold-empty", 16.0)] {
            tick(&state, t)
            assertSnapshot(view(state), named: "box-" + name)
        }
    }

    @Test func nadiShodhanaLeftAndRight() throws {
        var state = try breatheState()
        try startSession("nadi-shodhana", &state)
        tick(&state, 4)
        assertSnapshot(view(state), named: "nadi-in-left")
        tick(&state, 8)
        assertSnapshot(view(state), named: "nadi-out-right")
    }

    @Test func bhramariShowsItsCue() throws {
        var state = try breatheState()
        try startSession("bhramari", &state)
        tick(&state, 9)
        assertSnapshot(view(state), named: "bhramari-exhale")
    }

    @Test func pauseScreen() throws {
        var state = try breatheState()
        try startSession("box", &state)
        tick(&state, 6)
        press([.char(" ")], &state)
        tick(&state, 60)
        assertSnapshot(view(state), named: "box-paused")
    }

    @Test func confirmEndAndSummary() throws {
        var state = try breatheState(profile: breatheProfile())
        try startSession("coherent", &state, setupKeys: [.up, .up, .up, .up, .up, .up])
        tick(&state, 200)
        press([.escape], &state)
        assertSnapshot(view(state), named: "coherent-confirm-end")
        press([.char("y"), .up, .up, .up], &state)
        assertSnapshot(view(state), named: "coherent-summary-early")
    }

    @Test func summaryOfAFullSession() throws {
        var state = try breatheState(profile: breatheProfile())
        try startSession("box", &state)
        let end = try Pacer.getReadySeconds + #require(state.breatheRun).session.pacer.practiceSeconds
        tick(&state, end)
        assertSnapshot(view(state), named: "box-summary")
    }

    @Test func patternEditor() throws {
        var state = try breatheState(profile: breatheProfile(pregnant: true))
        press([.char("n")] + typed("Evening") + [.down, .left, .left, .left, .left, .left, .down, .right, .enter], &state)
        assertSnapshot(view(state), named: "editor-refused")
    }
}
