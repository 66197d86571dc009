import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Food pane's day and prompts rendered to text: the list with the day's log, the amount prompt,
/// the totals with a warning, the 7-day chart, a dose with cautions, a food of one's own.
@Suite struct FoodDayScreenTests {
    typealias F = FoodLogFixture

    @Test(arguments: [(80, 24), (120, 40)])
    func theDayWithItsGaugesLogChartAndGap(width: Int, height: Int) throws {
        let state = try F.state(width: width, height: height, entries: F.week)
        let screen = view(state)
        #expect(screen.text.contains("Last 7 days"))
        #expect(screen.text.contains("Fill the gap"))
        assertSnapshot(screen, named: "day-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theFoodsListWithTheDaysLog(width: Int, height: Int) throws {
        var state = try F.state(width: width, height: height, entries: F.week)
        press([.char("a")], &state)
        assertSnapshot(view(state), named: "foods-log-\(width)x\(height)")
    }

    @Test func theAmountPrompt() throws {
        var state = try F.state(entries: F.week)
        press([.char("/")] + typed("chia") + [.enter, .char("a"), .backspace, .char("2")], &state)
        assertSnapshot(view(state), named: "amount-80x24")
    }

    /// Past the limit: the supplement bar past its mark and the warning in the warning style.
    @Test func theTotalsWithAWarning() throws {
        var state = try F.state(entries: F.week + [F.supplement("t3", 200), F.supplement("t4", 200)])
        press([.down, .down], &state)
        let canvas = view(state)
        let names = state.theme.styleNames
        let runs = canvas.styleRuns.map { $0.described(as: names[$0.style] ?? "\($0.style)") }
        #expect(runs.contains { $0.hasPrefix("row 7 col 2-") && $0.hasSuffix(": warning") }, "the warning's first line")
        #expect(runs.contains { $0.hasPrefix("row 5 col") && $0.hasSuffix(": danger") }, "the supplements past the limit")
        assertStyledSnapshot(canvas, named: "day-warning-80x24", theme: state.theme)
    }

    @Test func aDoseWithTheCautions() throws {
        var profile = F.profile()
        profile.medicines = [.tetracyclineOrQuinolone]
        profile.lifeStage = .pregnant
        var state = try F.state(entries: F.week, profile: profile)
        press([.char("s")], &state)
        let glycinate = try #require(state.food.items(state.context).items.firstIndex { $0.id == "glycinate" })
        press(Array(repeating: .down, count: glycinate) + [.char("a")], &state)
        let screen = view(state)
        #expect(screen.text.contains("Pregnancy: ask your clinician before taking supplements"))
        assertSnapshot(screen, named: "dose-80x24")
    }

    @Test func aFoodOfYourOwnWithItsProblems() throws {
        var state = try F.state()
        press([.char("a"), .char("N")] + typed("Seed bar") + [.down, .down] + typed("0") + [.enter], &state)
        assertSnapshot(view(state), named: "custom-food-80x24")
    }

    @Test func asciiTerminalGetsOnlyASCIIFromTheDay() throws {
        var state = try F.state(width: 120, height: 40, entries: F.week)
        state.unicode = false
        state.theme = Theme(unicode: false)
        let lines = view(state).lines.dropFirst(2)
        #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(lines.filter { !$0.allSatisfy(\.isASCII) })")
        press([.char("a")], &state)
        #expect(view(state).lines.dropFirst(2).allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}

/// Every view and prompt of the Food pane draws at the smallest size and at odd ones without a crash,
/// and the pane's rows stay inside the pane.
@Suite struct FoodPaneSizeTests {
    @Test(arguments: [(60, 18), (61, 19), (99, 30), (100, 25), (200, 60)])
    func everyViewAndPromptFits(width: Int, height: Int) throws {
        let flows: [[Key]] = [
            [], [.char("a")], [.char("a"), .char("a")], [.char("s"), .char("a")], [.char("a"), .char("N"), .enter],
            [.char("x")], [.enter], [.char("s"), .enter], [.char("a"), .char("c")],
        ]
        for keys in flows {
            var state = try FoodLogFixture.state(width: width, height: height, entries: FoodLogFixture.week)
            press(keys, &state)
            let lines = view(state).lines
            #expect(lines.count == height)
            #expect(lines.allSatisfy { TextWidth.width($0) <= width }, "\(keys) at \(width)x\(height)")
        }
    }
}
