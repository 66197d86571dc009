#if canImport(Glibc)
    import Glibc
#endif
import FoundationEssentials
import MagRelaxCore

/// An advisory `flock` on the data folder's lock file, holding our pid so a second instance can say who has it.
final class FolderLock {
    static let fileName = "magrelax.lock"
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    enum Outcome {
        case acquired(FolderLock)
        /// Another process (or another Store in this one) holds it; its pid when it wrote one.
        case held(pid: Int32?)
    }

    static func acquire(folder: String) throws(FileFailure) -> Outcome {
        let path = folder + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw FileIO.failure("open", path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            defer { close(fd) }
            if code == EWOULDBLOCK { return .held(pid: holderPID(path)) }
            throw FileFailure(operation: "lock", path: path, code: code)
        }
        fchmod(fd, 0o600)
        let pid = Data("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 { try? FileIO.writeAll(fd, pid, path: path) }
        return .acquired(FolderLock(fd: fd))
    }

    /// Whether someone holds the lock, without taking it or writing anything (read-only opens).
    static func probe(folder: String) -> Outcome? {
        let path = folder + "/" + fileName
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return errno == EWOULDBLOCK ? .held(pid: holderPID(path)) : nil
    }

    private static func holderPID(_ path: String) -> Int32? {
        let text = (try? FileIO.read(path)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        return Int32(text.trimmed)
    }

    func release() {
        guard fd >= 0 else { return }
        // Unlock first: a child forked meanwhile (by anything in this process that spawns) shares the
        // open file description until it execs, and a plain close would leave the lock held by it.
        // The file stays (removing it would race a new locker).
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
