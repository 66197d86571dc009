import FoundationEssentials

/// JSON's null in a tree, as a store migration step sees it.
public struct JSONNull: Sendable, Hashable {
    public init() {}
}

/// A JSON document as a plain tree, for the store's migrations: `[String: Any]`, `[Any]`, `String`, `Int`, `Double`,
/// `Bool` and `JSONNull`. Read and written through JSONDecoder and JSONEncoder. Also read where a
/// file is known to be wrong (the catalogue's error messages name the entry).
public enum JSONTree {
    public static func parse(_ data: Data) throws -> Any {
        try JSONDecoder().decode(Node.self, from: data).value
    }

    /// Fails on a value that is not one of the tree's types.
    public static func data(_ tree: Any) throws -> Data {
        try JSONEncoder().encode(Node(tree))
    }

    private struct Node: Codable {
        var value: Any

        init(_ value: Any) { self.value = value }

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                value = JSONNull()
            } else if let b = try? c.decode(Bool.self) {
                value = b
            } else if let i = try? c.decode(Int.self) {
                value = i
            } else if let d = try? c.decode(Double.self) {
                value = d
            } else if let s = try? c.decode(String.self) {
                value = s
            } else if let a = try? c.decode([Node].self) {
                value = a.map(\.value)
            } else {
                value = try c.decode([String: Node].self).mapValues(\.value)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch value {
            case is JSONNull: try c.encodeNil()
            case let b as Bool: try c.encode(b)
            case let i as Int: try c.encode(i)
            case let d as Double: try c.encode(d)
            case let s as String: try c.encode(s)
            case let a as [Any]: try c.encode(a.map(Node.init))
            case let o as [String: Any]: try c.encode(o.mapValues(Node.init))
            default:
                throw EncodingError.invalidValue(
                    value, .init(codingPath: encoder.codingPath, debugDescription: "not a JSON value: \(type(of: value))"))
            }
        }
    }
}
