import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Screens of the Symptoms pane at 80×24 and 120×40, against snapshots.
@Suite struct SymptomsScreenTests {
    typealias W = SymptomsWorld

    /// Snapshots the state at both sizes.
    func assertBothSizes(_ state: AppState, _ name: String, testName: String = #function) {
        var s = state
        assertSnapshot(view(s), named: name + "-80x24", testName: testName)
        _ = update(&s, .resize(width: 120, height: 40))
        assertSnapshot(view(s), named: name + "-120x40", testName: testName)
    }

    @Test func emptyFirstDay() throws {
        let s = try W.state()
        let text = view(s).text
        #expect(text.contains("not rated") && text.contains("No check-in on this day"))
        assertBothSizes(s, "empty")
    }

    @Test func aFilledDay() throws {
        let s = try W.state(entries: W.fourWeeks)
        assertBothSizes(s, "filled")
        // The rating is a word, the bar and sparkline are in the accent colour, the selection reversed.
        assertStyledSnapshot(view(s), named: "filled-styled-80x24")
    }

    @Test func aCheckInInProgress() throws {
        var s = try W.state(entries: W.fourWeeks)
        press([.char("c"), .char("2"), .char("3")], &s)
        assertBothSizes(s, "check-in")
    }

    @Test func aRedFlagNotice() throws {
        var s = try W.state(entries: W.fourWeeks)
        press([.char("!")], &s)
        assertSnapshot(view(s), named: "red-flag-list-80x24")
        press(typed("/dark urine") + [.enter, .enter], &s)
        assertBothSizes(s, "red-flag-notice")
        assertStyledSnapshot(view(s), named: "red-flag-notice-styled-80x24")
    }

    @Test func theTrendViewWith28DaysOfData() throws {
        var s = try W.state(entries: W.fourWeeks)
        press([.char("v")], &s)
        let text = view(s).text
        #expect(text.contains("last 28 days") && text.contains("7-day mean") && text.contains("Day's burden"))
        assertBothSizes(s, "trends")
    }

    @Test func beforeAndAfter() throws {
        var s = try W.state(entries: W.fourWeeks)
        press([.char("v"), .char("v")], &s)
        let text = view(s).text
        #expect(text.contains("lower") && text.contains("Breathing") && text.contains("not a diagnosis"))
        assertBothSizes(s, "before-after")
    }

    @Test func aSymptomsDetailKeepsTheCatalogueTextAndTheEvidence() throws {
        var s = try W.state(entries: W.fourWeeks)
        press([.enter], &s)
        let text = view(s).text
        #expect(text.contains("Aching, tender muscles") && text.contains("Evidence        Magnesium eases muscle soreness: plausible"))
        press([.end], &s)
        #expect(view(s).text.contains("Source: The five magnesium guides"))
        assertSnapshot(view(s), named: "detail-80x24")
    }

    @Test func asciiTerminalsGetAsciiBarsAndSparklines() throws {
        var s = AppState(catalogue: try Catalogue.embedded(), width: 80, height: 24, unicode: false, now: W.clock())
        s.profile = W.profile
        s.journal = Journal(entries: W.fourWeeks)
        let text = view(s).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        assertSnapshot(view(s), named: "ascii-80x24")
    }
}
