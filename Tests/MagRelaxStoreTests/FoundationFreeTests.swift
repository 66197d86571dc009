import Foundation
import MagRelaxCore
import PropertyBased
import Testing

@testable import MagRelaxStore

/// The store's own path, JSON-tree and CSV helpers give what Foundation's did.
@Suite("Store: helpers that replaced Foundation's")
struct FoundationFreeTests {
    @Test func pathPartsAsNSStringGivesThem() {
        // ("a" and "a/" crash NSString's deletingLastPathComponent on Linux; "//" it turns into "".)
        let paths = ["/a/b", "/a/b/", "/a", "/", "a/b", "a//b", "/a//b//", "//a", "", "/tmp/d//journal-2026-11.json", "./x", "../y/z"]
        for path in paths {
            #expect(FileIO.folder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
            #expect(FileIO.name(of: path) == (path as NSString).lastPathComponent, "\(path)")
        }
        #expect(FileIO.folder(of: "a") == "" && FileIO.name(of: "a") == "a")
    }

    @Test func jsonTreeReadsAndWritesWhatJSONSerializationDoes() throws {
        let text = #"""
            {"schemaVersion":1,"month":"2026-11","n":-12,"x":2.5,"big":1e300,"t":true,"f":false,"z":null,
             "list":[1,"two",[3],{"four":4}],"nested":{"a":{"b":[]}},"s":"é\u00e9\n\"🧘"}
            """#
        let data = Data(text.utf8)
        let tree = try JSONTree.parse(data)
        let object = try #require(tree as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["x"] as? Double == 2.5)
        #expect(object["t"] as? Bool == true)
        #expect(object["z"] is JSONNull)
        // Written back, it reads as JSONSerialization reads the original.
        func canonical(_ d: Data) throws -> Data {
            try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: d), options: .sortedKeys)
        }
        #expect(try canonical(try JSONTree.data(tree)) == (try canonical(data)))
        #expect(throws: (any Error).self) { try JSONTree.parse(Data("{\"a\":".utf8)) }
        #expect(throws: (any Error).self) { try JSONTree.data(["a": Date()]) }
    }

    @Test func csvQuotingDoublesEveryQuoteByte() {
        // A quote followed by a combining mark is one Character, but still a quote in the CSV.
        #expect(JournalCSV.quote("a,\"\u{301}b") == "\"a,\"\"\u{301}b\"")
    }
}
