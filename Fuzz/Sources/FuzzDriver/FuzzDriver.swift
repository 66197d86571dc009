import CFuzzer

#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer with this process's arguments, calling `test` on every input; a crash or failed
/// precondition inside `test` is what libFuzzer reports and saves.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
