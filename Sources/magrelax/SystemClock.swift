import MagRelaxCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads the machine's clocks for the app, which never reads them itself.
enum SystemClock {
    static func now() -> TimeReading {
        var mono = timespec()
        clock_gettime(CLOCK_MONOTONIC, &mono)
        var wall = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        var seconds = wall.tv_sec
        var local = tm()
        localtime_r(&seconds, &local)
        return TimeReading(
            monotonic: Double(mono.tv_sec) + Double(mono.tv_nsec) / 1e9,
            wallClock: Double(wall.tv_sec) + Double(wall.tv_nsec) / 1e9,
            utcOffsetSeconds: Int(local.tm_gmtoff))
    }
}
