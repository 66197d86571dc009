import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// The Food pane's lists rendered to text and compared with recorded snapshots.
@Suite struct FoodScreenTests {
    /// The foods list (`a` from the day), then `keys`.
    func foodState(width: Int, height: Int, _ keys: [Key] = []) throws -> AppState {
        var state = try makeState(width: width, height: height)
        press([.char("3"), .char("a")] + keys, &state)
        return state
    }

    /// Keys that move from the top of the list on screen to the item with this id.
    func keys(toSelect id: String, in state: AppState) throws -> [Key] {
        let shown = state.food.browser.visible(state.food.items(state.context)).map(\.id)
        return Array(repeating: .down, count: try #require(shown.firstIndex(of: id)))
    }

    @Test func foodsAt80x24() throws {
        assertSnapshot(view(try foodState(width: 80, height: 24)), named: "foods-80x24")
    }

    @Test func selectedRowAndSortedColumnAreStyled() throws {
        let state = try foodState(width: 80, height: 24, [.down, .down])
        let canvas = view(state)
        let runs = canvas.styleRuns.map { $0.described(as: state.theme.styleNames[$0.style] ?? "\($0.style)") }
        #expect(runs.contains("row 6 col 1-78: selected"), "the whole row, from the margin to the list's edge")
        #expect(runs.contains("row 3 col 64-70: heading"), "mg/serv, the sorted column's title")
        assertStyledSnapshot(canvas, named: "foods-styled-80x24", theme: state.theme)
    }

    @Test func foodsAt120x40() throws {
        assertSnapshot(view(try foodState(width: 120, height: 40)), named: "foods-120x40")
    }

    @Test func foodsByKcalAt80x24() throws {
        assertSnapshot(view(try foodState(width: 80, height: 24, [.char("o"), .char("o")])), named: "foods-kcal-80x24")
    }

    @Test func foodDetail() throws {
        let state = try foodState(width: 80, height: 24)
        let path = try keys(toSelect: "pumpkin_seeds_roasted", in: state)
        assertSnapshot(view(try foodState(width: 80, height: 24, path + [.enter])), named: "food-detail-80x24")
    }

    /// The first row: energy from FoodData Central, calcium and potassium not known.
    @Test func hempDetail() throws {
        let screen = view(try foodState(width: 80, height: 24, [.enter]))
        #expect(screen.text.contains("553 kcal per 100 g"))
        #expect(screen.text.contains("Calcium         not known"))
        assertSnapshot(screen, named: "hemp-detail-80x24")
    }

    @Test func formsList() throws {
        assertSnapshot(view(try foodState(width: 80, height: 24, [.char("s")])), named: "forms-80x24")
        assertSnapshot(view(try foodState(width: 120, height: 40, [.char("s")])), named: "forms-120x40")
    }

    @Test func formDetail() throws {
        let state = try foodState(width: 80, height: 24, [.char("s")])
        let path = try keys(toSelect: "oxide", in: state)
        let keys: [Key] = [.char("s")] + path + [.enter, .char("-"), .char("-")]
        assertSnapshot(view(try foodState(width: 80, height: 24, keys)), named: "form-detail-80x24")
    }

    @Test func topicalFormDetail() throws {
        let state = try foodState(width: 80, height: 24, [.char("s")])
        let topical = try #require(state.catalogue.forms.first { $0.topical })
        let path = try keys(toSelect: topical.id, in: state)
        assertSnapshot(view(try foodState(width: 80, height: 24, [.char("s")] + path + [.enter])), named: "form-topical-80x24")
    }

    @Test func helpOverlay() throws {
        assertSnapshot(view(try foodState(width: 80, height: 24, [.char("?")])), named: "help-80x24")
    }

    @Test func filteredFoods() throws {
        assertSnapshot(view(try foodState(width: 80, height: 24, [.char("/")] + typed("seeds"))), named: "filter-80x24")
    }

    @Test func asciiTerminalGetsOnlyASCIIFromThePane() throws {
        var state = AppState(catalogue: try Catalogue.embedded(), width: 120, height: 40, unicode: false)
        press([.char("3"), .char("a")], &state)
        let list = view(state).lines.dropFirst(2).dropLast().map { $0.prefix(46) }
        #expect(list.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(list)")
        #expect(list.contains { $0.contains("...") }, "long names end in ASCII dots")
    }
}
