import Foundation
import Testing

@testable import MagRelaxCore

/// Cross-checks every food against the USDA SR extract the project was built from, when a checkout
/// has it beside the package (shared/data); skipped elsewhere.
@Suite struct NutritionUSDATests {
    static let tsvPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/usda-sr-magnesium.tsv").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: tsvPath)))
    func foodsMatchTheUSDAExtract() throws {
        let text = try String(contentsOfFile: Self.tsvPath, encoding: .utf8)
        var rows: [String: (kcal: Double, mg: Double, calcium: Double?, potassium: Double?)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            if cols.count > 5, let kcal = Double(cols[2]), let mg = Double(cols[3]) {
                rows[String(cols[0])] = (kcal, mg, Double(cols[4]), Double(cols[5]))
            }
        }
        #expect(rows.count > 7000)
        var checked = 0
        for food in shipped.foods where food.source == "usda-sr" {
            let ndb = try #require(food.ndb)
            guard let row = rows[ndb] else {
                // Hemp seeds: SR 12012 is not in the extract (FDC 170148 gives its figures).
                #expect(food.id == "hemp_seeds_hulled", "\(food.id): NDB \(ndb) not in the extract")
                continue
            }
            #expect(food.mgPer100g == row.mg, "\(food.id) mg")
            #expect(food.kcalPer100g == row.kcal, "\(food.id) kcal")
            #expect(food.calciumMgPer100g == row.calcium, "\(food.id) calcium")
            #expect(food.potassiumMgPer100g == row.potassium, "\(food.id) potassium")
            checked += 1
        }
        #expect(checked >= 100)
    }
}
