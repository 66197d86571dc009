// Text rules the standard library lacks and Foundation would bring ICU for: one place for each.
@_spi(_Unicode) import Swift

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension String {
    /// Without leading and trailing white space.
    public var trimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }

    /// Equal ignoring case (full case folding, so "STRASSE" is "Straße").
    public func equalsIgnoringCase(_ other: String) -> Bool {
        caseFolded == other.caseFolded
    }

    var caseFolded: String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars { out.append(contentsOf: scalar.properties._caseFolded.unicodeScalars) }
        return String(out)
    }
}

extension Double {
    /// Fixed-point text with `decimals` places, rounded as C's printf rounds ("%.1f").
    public func fixed(_ decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([self]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
        guard length >= 0 else { return String(self) }
        if Int(length) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = withVaList([self]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
