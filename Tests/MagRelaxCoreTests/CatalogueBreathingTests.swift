import Testing

@testable import MagRelaxCore

@Suite struct CatalogueBreathingTests {
    func pattern(_ id: String) throws -> BreathingPattern { try #require(shipped.breathing.first { $0.id == id }) }

    @Test func nadiShodhanaRoundStartsAndEndsOnTheLeft() throws {
        let nadi = try pattern("nadi-shodhana")
        let round = [(0, false), (0, true), (1, false), (1, true)].map { nadi.nostril(breath: $0.0, exhaling: $0.1) }
        #expect(round == [.left, .right, .right, .left])
        #expect(nadi.nostril(breath: 2, exhaling: false) == .left)
        #expect(nadi.breathsPerCycle == 2 && nadi.cycleSeconds == 16)
        #expect(try pattern("box").nostril(breath: 0, exhaling: false) == nil)
    }

    @Test func holdsAndDoses() throws {
        #expect(try pattern("box").hasHolds && pattern("4-7-8").hasHolds)
        #expect(try !pattern("coherent").hasHolds && !pattern("nadi-shodhana").hasHolds)
        let dose = try pattern("4-7-8").dose
        #expect(dose.allowedMax(inFirstMonth: true) == 4 && dose.allowedMax(inFirstMonth: false) == 8)
        #expect(dose.clamped(8, inFirstMonth: true) == 4 && dose.clamped(8, inFirstMonth: false) == 8)
        #expect(dose.clamped(0, inFirstMonth: false) == 1)
        #expect(try pattern("coherent").dose.allowedMax(inFirstMonth: false) == 20)
    }

    @Test func shippedPatternsHaveShortNamesAndASubtitle() {
        for p in shipped.breathing {
            #expect(p.name.count <= 14 && p.subtitle?.isEmpty == false, "\(p.id)")
        }
    }

    /// The breathing patterns that hold are exactly the ones whose cautions mention holds.
    @Test func patternsWithHoldsWarnAboutThem() {
        for p in shipped.breathing {
            #expect(p.hasHolds == p.cautions.contains { $0.contains("Holds are left out") }, "\(p.id)")
        }
    }
}
