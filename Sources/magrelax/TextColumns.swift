import TerminalUI

extension String {
    /// The text in a column `width` terminal cells wide: padded with spaces (before it when `right`),
    /// or, when it does not fit, cut to leave one space so the next column stays apart. Widths are
    /// terminal cells, so wide characters and emoji line up and are never split.
    func column(_ width: Int, right: Bool = false) -> String {
        let text = TextWidth.width(self) >= width ? TextWidth.truncated(self, to: width - 1, ellipsis: "") + " " : self
        let fill = String(repeating: " ", count: max(0, width - TextWidth.width(text)))
        return right ? fill + text : text + fill
    }
}
