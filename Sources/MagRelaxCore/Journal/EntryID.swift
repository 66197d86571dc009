/// Makes journal entry ids: RFC 4122 version-4 UUID strings in lowercase, e.g.
/// "0f8fad5b-d9cb-469f-a165-70867728950e".
///
/// Core has no randomness of its own, so the generator is seeded: the executable from the system's
/// random source, tests from fixed seeds (the same seed gives the same ids).
///
/// Why two ids never clash: each id carries 122 bits from a xoshiro256** stream (the other 6 bits
/// say "version 4, RFC 4122 variant").
/// - Two quick actions take consecutive ids from one stream, which does not repeat within 2^256 − 1
///   steps: no clock is involved, so two actions in the same millisecond still get different ids.
/// - Two machines (or two runs) seeded from their system random source start at unrelated points of
///   the stream; a clash is then as likely as two random 122-bit numbers being equal (for a
///   million ids on each side, under 1 in 10^24). `init(using:)` fills the whole 256-bit state;
///   with `init(seed:)` two random seeds are equal once in 2^64 pairs, far rarer than any disk fault.
public struct IDGenerator: Sendable, Hashable {
    private var s0, s1, s2, s3: UInt64

    /// A generator whose 256-bit state is expanded from `seed` with SplitMix64.
    public init(seed: UInt64) {
        var expand = SplitMix64(seed: seed)
        self.init(using: &expand)
    }

    /// A generator whose whole state comes from `source` (the executable passes the system's random source).
    public init<Source: RandomNumberGenerator>(using source: inout Source) {
        repeat {
            (s0, s1, s2, s3) = (source.next(), source.next(), source.next(), source.next())
        } while s0 | s1 | s2 | s3 == 0  // the one state xoshiro never leaves
    }

    /// The next id.
    public mutating func next() -> String {
        var high = nextWord()
        var low = nextWord()
        // Version 4 in the top nibble of byte 6, variant 10xx in the top bits of byte 8.
        high = (high & ~0xF000) | 0x4000
        low = (low & ~(0xC000_0000_0000_0000)) | 0x8000_0000_0000_0000
        return hex(high >> 32, 8) + "-" + hex(high >> 16 & 0xFFFF, 4) + "-" + hex(high & 0xFFFF, 4) + "-"
            + hex(low >> 48, 4) + "-" + hex(low & 0xFFFF_FFFF_FFFF, 12)
    }

    /// xoshiro256** (Blackman and Vigna): fast, 256 bits of state, period 2^256 − 1.
    private mutating func nextWord() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    private func hex(_ value: UInt64, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: digits - text.count) + text
    }
}

/// SplitMix64 (Steele, Lea and Flood): small, seedable, the same sequence on every machine. It
/// expands an id generator's seed; tests draw their random steps from it so a seed replays them.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
