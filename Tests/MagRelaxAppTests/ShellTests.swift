import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The shell: pane switching, help, quitting, resizing, and keys going to a pane that types text.
@Suite struct ShellTests {
    @Test func numberKeysSwitchPanes() throws {
        var s = try makeState()
        press([.char("2")], &s)
        #expect(s.pane == .plan)
        press([.char("4")], &s)
        #expect(s.pane == .breathe)
        press([.char("1")], &s)
        #expect(s.pane == .symptoms)
        press([.char("9")], &s)
        #expect(s.pane == .symptoms)
    }

    @Test func tabAndShiftTabCycleThroughPanes() throws {
        var s = try makeState()
        press([.tab, .tab], &s)
        #expect(s.pane == .food)
        press([.tab, .tab], &s)
        #expect(s.pane == .symptoms)
        press([.backTab], &s)
        #expect(s.pane == .breathe)
    }

    @Test func qQuitsAndOtherKeysDoNot() throws {
        var s = try makeState()
        #expect(press([.char("z"), .down, .up], &s).isEmpty)
        #expect(press([.char("q")], &s) == [.quit])
    }

    @Test func helpOpensListsThePaneKeysAndEscCloses() throws {
        var s = try makeState()
        press([.char("3"), .char("?")], &s)
        #expect(s.helpScroll == 0)
        let text = view(s).text
        #expect(text.contains("Help: Food"))
        #expect(text.contains("filter as you type"))
        // The keys that work everywhere close the help, below the pane's own.
        press(Array(repeating: .pageDown, count: 6), &s)
        #expect(view(s).text.contains("switch to Symptoms, Plan, Food, Breathe"))
        // Keys do not reach the pane or switch panes while help is open.
        press([.char("2")], &s)
        #expect(s.pane == .food)
        press([.escape], &s)
        #expect(s.helpScroll == nil)
        #expect(!view(s).text.contains("Help: Food"))
    }

    /// Scrolling stops at the help's last line, so ↑ moves it at once however far ↓ was pressed, and
    /// after a resize too (the scroll used to grow without end, and ↑ then did nothing for as many presses).
    @Test func helpScrollStopsAtItsEnd() throws {
        var s = try makeState()
        press([.char("3"), .char("?")] + Array(repeating: .pageDown, count: 20), &s)
        let end = view(s).text
        press([.down], &s)
        #expect(view(s).text == end)
        press([.up], &s)
        #expect(view(s).text != end)
        press(Array(repeating: .pageDown, count: 20), &s)
        _ = update(&s, .resize(width: 80, height: 40))
        let taller = view(s).text
        press([.up], &s)
        #expect(view(s).text != taller)
    }

    @Test func qClosesHelpBeforeItQuits() throws {
        var s = try makeState()
        press([.char("?")], &s)
        #expect(press([.char("q")], &s).isEmpty)
        #expect(s.helpScroll == nil)
        #expect(press([.char("q")], &s) == [.quit])
    }

    @Test func typingAFilterTakesDigitsAndQ() throws {
        var s = try makeState()
        press([.char("3"), .char("/")], &s)
        #expect(s.food.browser.filtering)
        let effects = press(typed("q1"), &s)
        #expect(effects.isEmpty)
        #expect(s.pane == .food)
        #expect(s.food.browser.query == "q1")
        press([.escape], &s)
        #expect(!s.food.browser.filtering)
        #expect(s.food.browser.query.isEmpty)
    }

    @Test func tooSmallTerminalSaysSoAndRecovers() throws {
        var s = try makeState()
        _ = update(&s, .resize(width: 50, height: 12))
        let small = view(s).text
        #expect(small.contains("Terminal too small"))
        #expect(small.contains("50×12"))
        #expect(small.contains("60×18"))
        #expect(press([.char("q")], &s) == [.quit])
        _ = update(&s, .resize(width: 80, height: 24))
        #expect(view(s).text.contains("1 Symptoms"))
    }

    @Test func hintLineAlwaysShowsHelpAndQuit() throws {
        var s = try makeState()
        for pane in Pane.allCases {
            s.pane = pane
            let last = view(s).lines.last ?? ""
            #expect(last.contains("? help"), "pane \(pane)")
            #expect(last.contains("q quit"), "pane \(pane)")
        }
    }

    @Test func asciiModeDrawsNoUnicodeLines() throws {
        var s = AppState(catalogue: try Catalogue.embedded(), width: 80, height: 24, unicode: false)
        press([.char("?")], &s)
        let text = view(s).text
        #expect(!text.contains("─"))
        #expect(!text.contains("↑"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII } || !text.contains("│"))
    }

    @Test func noWakeupWhenNothingMoves() throws {
        let s = try makeState()
        #expect(s.nextWakeup == nil)
    }

    @Test func everyPaneListsItsOwnHelp() throws {
        let s = try makeState()
        for pane in Pane.allCases {
            let sections = s[pane].help(context: s.context)
            #expect(!sections.isEmpty)
            #expect(sections.allSatisfy { !$0.keys.isEmpty })
        }
    }
}
