import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Why the terminal could not be used; `description` is the one line shown to the person.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case unusableTerm(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "needs an interactive terminal: standard input and output must both be a terminal"
        case .unusableTerm(let name):
            "the terminal type TERM=\(name.isEmpty ? "(unset)" : name) is unknown or cannot move the cursor; "
                + "try TERM=xterm-256color"
        }
    }
}

/// How colours reach the screen.
public enum ColorMode: Sendable, Hashable {
    /// No colours (NO_COLOR or a terminal without them): bold, dim, underline and reverse only.
    case monochrome
    /// The eight ANSI colours with fewer colour pairs than combinations (pairs made as first used).
    case eight
    /// 256 colours or more: every combination of the nine `Color`s has a pair.
    case extended
}

/// The ncurses screen. Only one exists; use it from the main thread only.
public final class Terminal: TerminalScreen {
    /// False when the locale's character set is not UTF-8: the app should then draw with ASCII.
    public let unicode: Bool
    public let colorMode: ColorMode
    public private(set) var width: Int
    public private(set) var height: Int

    private let window: UnsafeMutablePointer<WINDOW>
    private var active = true
    private var needsClear = false
    private var pairs: [Int: Int16] = [:]
    private var nextPair: Int16 = 1
    private let defaultColors: Bool
    private var glyph = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    /// Takes over the terminal. `noColor`: the NO_COLOR convention (any non-empty value turns colour off).
    /// Whether standard input and output are both a terminal.
    public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    public static func start(noColor: Bool) throws(TerminalError) -> Terminal {
        guard isInteractive else { throw .notATerminal }
        setlocale(LC_ALL, "")
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        // newterm returns nil on an unknown TERM where initscr would print and exit.
        guard !termName.isEmpty, let screen = newterm(nil, shim_stdout(), shim_stdin()) else {
            throw .unusableTerm(termName)
        }
        set_term(screen)
        guard shim_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw .unusableTerm(termName)
        }
        return Terminal(noColor: noColor)
    }

    private init(noColor: Bool) {
        window = shim_stdscr()!
        unicode = String(cString: shim_codeset()).uppercased().filter { $0 != "-" } == "UTF8"
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        if !noColor && has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colorMode = shim_colors() >= 256 && shim_color_pairs() > Color.allCases.count * Color.allCases.count
                ? .extended : .eight
        } else {
            defaultColors = false
            colorMode = .monochrome
        }
        width = Int(getmaxx(window))
        height = Int(getmaxy(window))
        cursesActive.store(true, ordering: .relaxed)
    }

    /// Gives the terminal back (leaves the alternate screen, shows the cursor). Safe to call twice.
    public func stop() {
        guard active else { return }
        active = false
        cursesActive.store(false, ordering: .relaxed)
        endwin()
    }

    deinit { stop() }

    public func beep() { _ = CNcursesw.beep() }

    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent {
        // ncurses may already hold bytes it read (after an Esc, say): take those before waiting.
        if let event = readAvailable() { return event }
        if Signals.pendingQuit != nil { return .nothing }
        let ready = shim_wait_readable(STDIN_FILENO, timeoutMilliseconds, &Signals.waitMask)
        // A signal (EINTR) may be SIGWINCH, which ncurses turns into KEY_RESIZE on the next read.
        guard ready != 0 else { return .nothing }
        if let event = readAvailable() { return event }
        // Readable yet nothing read: either half a character (more will come) or a dead terminal,
        // which would otherwise wake the loop again at once, forever.
        return shim_hung_up(STDIN_FILENO) != 0 ? .hangUp : .nothing
    }

    /// One key, resize or nothing, without blocking (beyond ncurses' short wait after an Esc).
    private func readAvailable() -> TerminalEvent? {
        wtimeout(window, 0)
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case shim_key_code_yes where Int32(bitPattern: code) == shim_key_resize:
            width = Int(getmaxx(window))
            height = Int(getmaxy(window))
            needsClear = true
            return .resize(width: width, height: height)
        case shim_key_code_yes:
            return KeyDecoder.decode(keyCode: Int32(bitPattern: code)).map(TerminalEvent.key) ?? .nothing
        case OK where code == 27:
            return escapeOrUnknownSequence()
        case OK:
            return KeyDecoder.decode(character: code).map(TerminalEvent.key) ?? .nothing
        default:
            return nil
        }
    }

    /// An Esc ncurses handed over as itself. When a sequence the terminal description does not know
    /// follows it at once, the whole sequence is dropped; otherwise it is Esc, and the byte after it
    /// is put back to be read next.
    private func escapeOrUnknownSequence() -> TerminalEvent {
        var next: wint_t = 0
        let read = wget_wch(window, &next)
        if read == shim_key_code_yes {
            // Esc, then a key ncurses knows (an arrow typed right after): both count.
            ungetch(Int32(bitPattern: next))
            return .key(.escape)
        }
        guard read == OK else { return .key(.escape) }
        switch KeyDecoder.afterEscape(next) {
        case .key:
            unget_wch(wchar_t(bitPattern: next))
            return .key(.escape)
        case .ss3:
            _ = wget_wch(window, &next)
        case .csi:
            // Bounded: a sequence is short, and a runaway one must not hold the loop.
            for _ in 0..<32 {
                guard wget_wch(window, &next) == OK, !KeyDecoder.endsCSI(next) else { break }
            }
        }
        return .nothing
    }

    public func draw(_ canvas: Canvas) {
        guard active else { return }
        // A canvas that does not match the screen would leave old cells around it.
        if needsClear || canvas.width != width || canvas.height != height {
            wclear(window)
            needsClear = false
        }
        let rows = min(canvas.height, height)
        let columns = min(canvas.width, width)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if cell.width == 2 && x + 1 >= columns {
                    put(" ", style: cell.style, x: x, y: y)
                } else if !put(cell.character, style: cell.style, x: x, y: y) && cell.width == 2 {
                    put(" ", style: cell.style, x: x + 1, y: y)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one character; returns false when it had to be replaced by "?" (its second column, if
    /// it was wide, is then the caller's to fill).
    @discardableResult
    private func put(_ character: Character, style: Style, x: Int, y: Int) -> Bool {
        var count = 0
        var drawable = true
        for scalar in character.unicodeScalars where count < Int(CCHARW_MAX) {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || (!unicode && v > 0x7E) {
                drawable = false
                break
            }
            glyph[count] = wchar_t(bitPattern: v)
            count += 1
        }
        if !drawable || count == 0 {
            glyph[0] = wchar_t(UInt8(ascii: "?"))
            count = 1
        }
        glyph[count] = 0
        let (attributes, pair) = attributesAndPair(for: style)
        var cell = cchar_t()
        setcchar(&cell, glyph, attributes, pair, nil)
        // Writing the bottom-right cell reports ERR although it draws: nothing to do about it.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
        return drawable
    }

    private func attributesAndPair(for style: Style) -> (attr_t, Int16) {
        var attributes = shim_a_normal
        if style.bold { attributes |= shim_a_bold }
        if style.dim { attributes |= shim_a_dim }
        if style.underline { attributes |= shim_a_underline }
        switch colorMode {
        case .monochrome:
            // Without colour a coloured background (a highlight) is shown in reverse video.
            if style.reverse || style.bg != .default { attributes |= shim_a_reverse }
            return (attributes, 0)
        case .eight, .extended:
            if style.reverse { attributes |= shim_a_reverse }
            return (attributes, pair(fg: style.fg, bg: style.bg))
        }
    }

    /// The colour pair for fg/bg, made the first time it is needed and never changed afterwards.
    /// When the terminal has no pairs left, the background is dropped.
    private func pair(fg: Color, bg: Color) -> Int16 {
        if fg == .default && bg == .default { return 0 }
        let key = Int(fg.rawValue) * Color.allCases.count + Int(bg.rawValue)
        if let known = pairs[key] { return known }
        guard Int(nextPair) < shim_color_pairs() else {
            return bg == .default ? 0 : pair(fg: fg, bg: .default)
        }
        let made = nextPair
        init_pair(made, cursesColor(fg, foreground: true), cursesColor(bg, foreground: false))
        nextPair += 1
        pairs[key] = made
        return made
    }

    /// The ANSI colour number; `default` is the terminal's own colour when it allows that.
    private func cursesColor(_ color: Color, foreground: Bool) -> Int16 {
        guard color != .default else {
            if defaultColors { return -1 }
            return foreground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
        }
        return Int16(color.rawValue) - 1
    }
}
