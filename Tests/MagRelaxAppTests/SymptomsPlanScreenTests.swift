import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// Screens of the Plan pane and of the shell, at 80×24 and 120×40, against snapshots (the Symptoms pane's
/// are in SymptomsScreenTests).
@Suite struct SymptomsPlanScreenTests {
    @Test func planPaneListsEveryGoalAndShowsTheFourWeeks() throws {
        var s = try makeState()
        press([.char("2")], &s)
        let list = view(s).text
        for goal in Goal.allCases {
            let title = try #require(s.catalogue.plan(for: goal)?.title)
            #expect(list.contains(title))
        }
        assertSnapshot(view(s), named: "list-80x24")
        press([.enter], &s)
        var text = view(s).text
        #expect(text.contains("Week 1"))
        // The expected relief is the guide's claim, shown beside the evidence.
        #expect(text.contains("the guide's claim") && text.contains("Evidence"))
        assertSnapshot(view(s), named: "detail-top-80x24")
        press([.end], &s)
        text = view(s).text
        #expect(text.contains("Source:"))
        assertSnapshot(view(s), named: "detail-end-80x24")
        _ = update(&s, .resize(width: 120, height: 40))
        press([.escape], &s)
        assertSnapshot(view(s), named: "list-120x40")
    }

    @Test func helpOverlay() throws {
        var s = try makeState()
        press([.char("?")], &s)
        assertSnapshot(view(s), named: "80x24")
    }

    @Test func tooSmall() throws {
        var s = try makeState()
        _ = update(&s, .resize(width: 40, height: 10))
        assertSnapshot(view(s), named: "40x10")
    }
}
