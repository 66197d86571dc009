import Foundation
import MagRelaxAssets
import PropertyBased
import Testing

@testable import MagRelaxCore

/// The text rules that replaced Foundation's give what Foundation gave.
@Suite struct TextRulesTests {
    @Test func fixedRoundsAsStringFormatDoes() async {
        // Ties and values just either side of one, where rounding the decimal text would differ.
        for value in [0, -0.0, 0.05, 0.25, 0.35, 2.45, -0.05, 1.005, 99.95, 123_456.789, 1e21, .infinity, -.infinity, .nan] {
            for decimals in 0...3 {
                #expect(value.fixed(decimals) == String(format: "%.\(decimals)f", value), "\(value) to \(decimals)")
            }
        }
        await propertyCheck(count: 500, input: Gen.double(in: -5000...5000), Gen.int(in: 0...4)) { value, decimals in
            #expect(value.fixed(decimals) == String(format: "%.\(decimals)f", value))
        }
    }

    @Test func equalsIgnoringCaseAsCaseInsensitiveCompareDoes() async {
        let pieces = ["a", "A", "ß", "SS", "ss", "Σ", "σ", "ς", "é", "É", "e\u{301}", "İ", "i", "ǅ", "Ǆ", "ﬁ", "FI", " ", "4-7-8", "Box"]
        let gen = Gen.element(of: pieces).map { $0! }.array(of: 0...4)
        await propertyCheck(count: 500, input: gen, gen) { a, b in
            let x = a.joined()
            let y = b.joined()
            #expect(x.equalsIgnoringCase(y) == (x.caseInsensitiveCompare(y) == .orderedSame), "\(x.debugDescription) \(y.debugDescription)")
        }
        #expect("STRASSE".equalsIgnoringCase("Straße"))
        #expect(!"Box".equalsIgnoringCase("Boxes"))
    }

    /// Damaged JSON is refused where JSONSerialization refused it, and a cut-off text is found to end too soon.
    @Test func jsonSyntaxAgreesWithJSONSerialization() throws {
        let whole = Array(try #require(EmbeddedAssets.files["symptoms.json"]).prefix(900))
        // A well-formed start of the file: up to its first complete entry, then closed.
        let text = String(decoding: whole, as: UTF8.self)
        let cut = try #require(text.range(of: "},", options: .backwards)).lowerBound
        let bytes = Array((String(text[..<cut]) + "}]}").utf8)
        #expect(JSONSyntax.firstProblem(in: bytes) == nil)
        func serializationError(_ b: [UInt8]) -> String? {
            do {
                _ = try JSONSerialization.jsonObject(with: Data(b), options: .fragmentsAllowed)
                return nil
            } catch {
                return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            }
        }
        for i in bytes.indices {
            for replacement in Array("{}[],:\"\\x0 -e.n".utf8) + [0x01, 0xFF] where replacement != bytes[i] {
                var damaged = bytes
                damaged[i] = replacement
                let problem = JSONSyntax.firstProblem(in: damaged)
                #expect((problem == nil) == (serializationError(damaged) == nil), "byte \(i) as \(replacement)")
            }
        }
        for length in bytes.indices {
            let problem = JSONSyntax.firstProblem(in: Array(bytes[..<length]))
            let error = serializationError(Array(bytes[..<length]))
            #expect(problem?.reason == .endOfText, "cut at \(length)")
            #expect(error?.contains("end of") == true, "cut at \(length): \(error ?? "read as whole")")
        }
        let deep = Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)
        #expect(JSONSyntax.firstProblem(in: deep) == JSONSyntax.Problem(offset: JSONSyntax.maxDepth, reason: .tooDeep))
    }
}
