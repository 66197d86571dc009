import CNcursesw
import TerminalUI

public enum NcursesBackend {
    public static func version() -> String { String(cString: curses_version()) }
}
