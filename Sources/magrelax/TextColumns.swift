extension String {
    /// Padded with spaces or cut to `length` UTF-16 units, as NSString's `padding(toLength:withPad:startingAt:)`
    /// made the command line's columns.
    func column(_ length: Int) -> String {
        let units = Array(utf16)
        if units.count >= length { return String(decoding: units.prefix(length), as: UTF16.self) }
        return self + String(repeating: " ", count: length - units.count)
    }
}
