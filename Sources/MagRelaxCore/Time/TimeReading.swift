/// A reading of the clocks, taken by the run loop and passed in: the domain never reads a clock.
public struct TimeReading: Sendable, Hashable {
    /// Seconds on a monotonic clock (never jumps; for timers and the breathing pacer).
    public var monotonic: Double
    /// Wall-clock seconds since 1970-01-01 UTC (for journal dates).
    public var wallClock: Double
    /// The local time zone's offset from UTC at `wallClock`, in seconds.
    public var utcOffsetSeconds: Int

    public init(monotonic: Double, wallClock: Double, utcOffsetSeconds: Int) {
        self.monotonic = monotonic
        self.wallClock = wallClock
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}
