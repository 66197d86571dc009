/// What one wait for input produced.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The wait ended without a key: the timeout passed, a signal arrived, or an unknown key was read.
    case nothing
    /// The terminal is gone (its window closed, the connection dropped): nobody can read the screen.
    case hangUp
}

/// The screen as the run loop sees it; `Terminal` is the ncurses one, tests use a scripted one.
public protocol TerminalScreen: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Waits for input at most `timeoutMilliseconds` (-1: until a key, a resize or a signal).
    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent
    /// Shows `canvas`; only the cells that changed reach the terminal.
    func draw(_ canvas: Canvas)
    func beep()
}
