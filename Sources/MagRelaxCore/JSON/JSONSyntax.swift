/// Where a JSON text (RFC 8259) stops being one. JSONDecoder says only that it is not valid; this
/// names the place, for messages about a damaged data file or a hand-edited catalogue file.
public enum JSONSyntax {
    public struct Problem: Error, Hashable {
        /// The offset of the first byte that cannot continue the text (the text's length when it ends
        /// too soon).
        public var offset: Int
        public var reason: Reason
    }

    public enum Reason: Sendable, Hashable {
        case unexpected(UInt8)
        case endOfText
        case notUTF8
        case tooDeep
    }

    /// Arrays and objects nested deeper than this are refused, as JSONSerialization refused them.
    public static let maxDepth = 512

    /// The first problem, or nil when the text is well-formed. Iterative, so nesting cannot exhaust the stack.
    public static func firstProblem(in b: [UInt8]) -> Problem? {
        enum Expect { case value, valueOrClose, keyOrClose, colon, commaOrClose, end }
        var open: [UInt8] = []  // the `{` and `[` not yet closed
        var expect = Expect.value
        var i = 0
        func afterValue() -> Expect { open.isEmpty ? .end : .commaOrClose }
        func problem(_ at: Int, _ reason: Reason? = nil) -> Problem {
            Problem(offset: at, reason: reason ?? (at < b.count ? .unexpected(b[at]) : .endOfText))
        }

        while true {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
            guard i < b.count else { return expect == .end ? nil : problem(i) }
            let c = b[i]
            switch expect {
            case .value, .valueOrClose:
                if expect == .valueOrClose, c == UInt8(ascii: "]") {
                    open.removeLast()
                    i += 1
                    expect = afterValue()
                    continue
                }
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard open.count < maxDepth else { return problem(i, .tooDeep) }
                    open.append(c)
                    i += 1
                    expect = c == UInt8(ascii: "{") ? .keyOrClose : .valueOrClose
                    continue
                case UInt8(ascii: "\""):
                    switch string(b, from: i) {
                    case .success(let end): i = end
                    case .failure(let p): return p
                    }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    switch number(b, from: i) {
                    case .success(let end): i = end
                    case .failure(let p): return p
                    }
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word = c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null"
                    for (k, expected) in word.utf8.enumerated() where i + k >= b.count || b[i + k] != expected {
                        return problem(i + k)
                    }
                    i += word.utf8.count
                default:
                    return problem(i)
                }
                expect = afterValue()
            case .keyOrClose:
                if c == UInt8(ascii: "}") {
                    open.removeLast()
                    i += 1
                    expect = afterValue()
                    continue
                }
                guard c == UInt8(ascii: "\"") else { return problem(i) }
                switch string(b, from: i) {
                case .success(let end): i = end
                case .failure(let p): return p
                }
                expect = .colon
            case .colon:
                guard c == UInt8(ascii: ":") else { return problem(i) }
                i += 1
                expect = .value
            case .commaOrClose:
                let inObject = open.last == UInt8(ascii: "{")
                if c == UInt8(ascii: ",") {
                    i += 1
                    // A comma before the close is accepted, as JSONDecoder and JSONSerialization accept it.
                    expect = inObject ? .keyOrClose : .valueOrClose
                } else if c == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    open.removeLast()
                    i += 1
                    expect = afterValue()
                } else {
                    return problem(i)
                }
            case .end:
                return problem(i)
            }
        }
    }

    /// A string from the quote at `start`: the offset after its closing quote.
    private static func string(_ b: [UInt8], from start: Int) -> Result<Int, Problem> {
        var i = start + 1
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\""):
                return .success(i + 1)
            case UInt8(ascii: "\\"):
                guard i + 1 < b.count else { return .failure(Problem(offset: b.count, reason: .endOfText)) }
                let escaped = b[i + 1]
                if escaped == UInt8(ascii: "u") {
                    for k in 2...5 {
                        guard i + k < b.count else { return .failure(Problem(offset: b.count, reason: .endOfText)) }
                        guard isHex(b[i + k]) else { return .failure(Problem(offset: i, reason: .unexpected(b[i + k]))) }
                    }
                    i += 6
                } else if #""\/bfnrt"#.utf8.contains(escaped) {
                    i += 2
                } else {
                    return .failure(Problem(offset: i, reason: .unexpected(escaped)))
                }
            case 0..<0x20:
                return .failure(Problem(offset: i, reason: .unexpected(b[i])))
            case 0x20..<0x80:
                i += 1
            default:
                var bytes = b[i...].makeIterator()
                var parser = Unicode.UTF8.ForwardParser()
                guard case .valid(let scalar) = parser.parseScalar(from: &bytes) else {
                    return .failure(Problem(offset: i, reason: .notUTF8))
                }
                i += scalar.count
            }
        }
        return .failure(Problem(offset: b.count, reason: .endOfText))
    }

    /// A number from `start`: the offset after it.
    private static func number(_ b: [UInt8], from start: Int) -> Result<Int, Problem> {
        var i = start
        func digits() -> Problem? {
            let first = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i == first else { return nil }
            return Problem(offset: i, reason: i < b.count ? .unexpected(b[i]) : .endOfText)
        }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "0") {
            i += 1
        } else if let p = digits() {
            return .failure(p)
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if let p = digits() { return .failure(p) }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if let p = digits() { return .failure(p) }
        }
        return .success(i)
    }

    private static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }

    private static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c)
    }
}

extension JSONSyntax.Problem {
    /// "unexpected 'x'", "the text ends too soon", …
    public var explanation: String {
        switch reason {
        case .unexpected(let byte):
            (0x21..<0x7F).contains(byte) ? "unexpected '\(Character(Unicode.Scalar(byte)))'" : "unexpected byte \(byte)"
        case .endOfText: "the text ends too soon"
        case .notUTF8: "not UTF-8 text"
        case .tooDeep: "nested more than \(JSONSyntax.maxDepth) deep"
        }
    }

    /// 1-based line and column (in characters) of the offset.
    public func lineColumn(in b: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in b.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
