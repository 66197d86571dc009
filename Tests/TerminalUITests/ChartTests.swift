import PropertyBased
import Testing
import TerminalUI

@Suite struct ChartTests {
    @Test func sparklineScalesAndLeavesGapsForMissingDays() {
        #expect(Sparkline([0, 2, nil, 4], maxValue: 4).text == "▁▅ █")
        #expect(Sparkline([0, 2, nil, 4], maxValue: 4, ascii: true).text == "_- #")
    }

    @Test func sparklineScalesToItsLargestValueWithoutAMaximum() {
        #expect(Sparkline([1, 2, 4]).text == "▃▅█")
        #expect(Sparkline([0, 0]).text == "▁▁", "all zero: the lowest level")
        #expect(Sparkline([nil, nil]).text == "  ")
        #expect(Sparkline([9, -1], maxValue: 4).text == "█▁", "outside 0…max: clamped")
    }

    @Test func sparklineShowsTheLastValuesThatFit() {
        var c = Canvas(width: 3, height: 1)
        Sparkline([4, 0, 0, 4, 4], maxValue: 4).render(into: &c, area: c.bounds)
        #expect(c.text == "▁██")
    }

    @Test func sparklineLevelsRiseWithTheValue() async {
        let values = Gen.double(in: -5...30).optional.array(of: 1...30)
        await propertyCheck(input: values, Gen.bool) { values, ascii in
            let line = Sparkline(values, maxValue: 20, ascii: ascii)
            let levels = line.levelIndices
            #expect(line.text.count == values.count)
            for (a, b) in zip(values, levels) {
                #expect((a == nil) == (b == nil), "a gap exactly where a value is missing")
            }
            let known = zip(values, levels).compactMap { v, l in v.flatMap { v in l.map { (v, $0) } } }
            for (x, y) in zip(known, known.dropFirst()) where x.0 <= y.0 {
                #expect(x.1 <= y.1)
            }
            #expect(known.allSatisfy { $0.0 < 20 || $0.1 == line.levels.count - 1 }, "max and above: the top level")
        }
    }

    @Test func gaugeFillsInEighthsWithATargetMark() {
        var c = Canvas(width: 10, height: 1)
        BarGauge(value: 260, maximum: 400, target: 320).render(into: &c, area: c.bounds)
        // 6.5 cells filled, the target at cell 8.
        #expect(c.text == "██████▌░│░")
    }

    @Test func asciiGaugeUsesHashDashAndBar() {
        var c = Canvas(width: 10, height: 1)
        BarGauge(value: 260, maximum: 400, target: 320, ascii: true).render(into: &c, area: c.bounds)
        #expect(c.text == "#######-|-")
    }

    @Test func thePartPastTheTargetHasItsOwnStyle() {
        let over = Style(fg: .red, bold: true)
        var c = Canvas(width: 10, height: 1)
        BarGauge(value: 400, maximum: 400, target: 200, style: Style(fg: .green), overStyle: over, markStyle: Style(bold: true))
            .render(into: &c, area: c.bounds)
        #expect(c.text == "█████│████")
        #expect(c.styleRuns.map(\.description) == ["row 0 col 0-4: green", "row 0 col 5-5: bold", "row 0 col 6-9: red bold"])
    }

    @Test func aGaugeWithoutAValueOrAMaximumIsEmpty() {
        #expect(BarGauge(value: .nan, maximum: 10).filledSteps(width: 5) == 0)
        #expect(BarGauge(value: 5, maximum: 0).filledSteps(width: 5) == 0)
        #expect(BarGauge(value: 5, maximum: 0, target: 3).markColumn(width: 5) == nil)
    }

    @Test func gaugeFillGrowsWithTheValueAndStaysInItsWidth() async {
        await propertyCheck(input: Gen.double(in: -10...500), Gen.double(in: -10...500), Gen.int(in: 1...40)) { a, b, width in
            let (low, high) = (min(a, b), max(a, b))
            let g1 = BarGauge(value: low, maximum: 400, target: 320)
            let g2 = BarGauge(value: high, maximum: 400, target: 320)
            #expect(g1.filledSteps(width: width) <= g2.filledSteps(width: width))
            #expect(g2.filledSteps(width: width) <= width * 8)
            #expect(g1.markColumn(width: width).map { (0..<width).contains($0) } == true)
            var c = Canvas(width: width + 2, height: 1)
            g2.render(into: &c, area: Rect(x: 1, y: 0, width: width, height: 1))
            #expect(c[0, 0] == .blank && c[width + 1, 0] == .blank, "nothing drawn outside its area")
        }
    }
}
