import CNcursesw
import TerminalUI

/// Turns what `wget_wch` returns into a `Key`; nil for input the app has no use for.
public enum KeyDecoder {
    /// A character (`wget_wch` returned OK).
    public static func decode(character code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            // Control + letter arrives as 1–26; Tab, Enter and Backspace were taken above.
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// What follows an Esc that ncurses did not decode: `[` or `O` starts a key sequence the terminal
    /// description does not know (e.g. a terminal that says xterm but sends another's keys). Reading it
    /// as Esc, `[`, `4`, `~` would close a screen and switch panes, so the rest of it is dropped instead.
    public enum AfterEscape: Equatable {
        /// `[`: a CSI sequence, ended by a byte from `@` to `~`.
        case csi
        /// `O`: an SS3 sequence, one more byte.
        case ss3
        /// Anything else: a plain Esc, then that key.
        case key
    }

    public static func afterEscape(_ code: UInt32) -> AfterEscape {
        switch code {
        case 0x5B: .csi
        case 0x4F: .ss3
        default: .key
        }
    }

    /// True for the byte that ends a CSI sequence (parameters and intermediates come before it).
    public static func endsCSI(_ code: UInt32) -> Bool { (0x40...0x7E).contains(code) }

    /// A function key (`wget_wch` returned KEY_CODE_YES). KEY_RESIZE is not a key: the backend handles it.
    public static func decode(keyCode code: Int32) -> Key? {
        switch code {
        case shim_key_up: return .up
        case shim_key_down: return .down
        case shim_key_left: return .left
        case shim_key_right: return .right
        case shim_key_ppage: return .pageUp
        case shim_key_npage: return .pageDown
        case shim_key_home: return .home
        case shim_key_end: return .end
        case shim_key_enter: return .enter
        case shim_key_backspace: return .backspace
        case shim_key_dc: return .delete
        case shim_key_btab: return .backTab
        case (shim_key_f0 + 1)...(shim_key_f0 + 63): return .function(Int(code - shim_key_f0))
        default: return nil
        }
    }
}
