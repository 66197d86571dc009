/// A key press, decoded by the backend and handled by the app.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control + letter, e.g. `.ctrl("l")`.
    case ctrl(Character)
    case function(Int)
}
