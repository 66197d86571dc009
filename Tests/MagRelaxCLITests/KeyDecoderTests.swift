import NcursesBackend
import Testing
import TerminalUI

/// Raw `wget_wch` results (ncurses 6 key codes written out, so the table is checked independently).
struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .ctrl("a")), (3, .ctrl("c")), (12, .ctrl("l")), (26, .ctrl("z")),
        (0x71, .char("q")), (0x41, .char("A")), (0x20, .char(" ")), (0x2F, .char("/")),
        (0xE9, .char("é")), (0x4E2D, .char("中")),
    ])
    func characters(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(character: code) == key)
    }

    @Test(arguments: [UInt32(0), 28, 31, 0x85, 0x9F, 0xD800])
    func controlAndInvalidCharactersAreDropped(code: UInt32) {
        #expect(KeyDecoder.decode(character: code) == nil)
    }

    @Test(arguments: [
        (Int32(0o403), Key.up), (0o402, .down), (0o404, .left), (0o405, .right), (0o523, .pageUp),
        (0o522, .pageDown), (0o406, .home), (0o550, .end), (0o527, .enter), (0o407, .backspace),
        (0o512, .delete), (0o541, .backTab), (0o411, .function(1)), (0o424, .function(12)),
    ])
    func functionKeys(code: Int32, key: Key) {
        #expect(KeyDecoder.decode(keyCode: code) == key)
    }

    @Test func unknownKeyCodesAreDropped() {
        // KEY_MOUSE and KEY_F0 itself.
        #expect(KeyDecoder.decode(keyCode: 0o631) == nil)
        #expect(KeyDecoder.decode(keyCode: 0o410) == nil)
    }

    @Test func aSequenceTheTerminalDescriptionDoesNotKnowIsDroppedNotReadAsKeys() {
        // Esc [ 4 ~ (End on some terminals): CSI, parameters, then the final byte.
        #expect(KeyDecoder.afterEscape(0x5B) == .csi)
        #expect(!KeyDecoder.endsCSI(0x34) && !KeyDecoder.endsCSI(0x3B))
        #expect(KeyDecoder.endsCSI(0x7E) && KeyDecoder.endsCSI(0x46) && KeyDecoder.endsCSI(0x41))
        // Esc O F (SS3 End) and a plain Esc followed by a key.
        #expect(KeyDecoder.afterEscape(0x4F) == .ss3)
        #expect(KeyDecoder.afterEscape(0x34) == .key && KeyDecoder.afterEscape(0x71) == .key)
    }
}
