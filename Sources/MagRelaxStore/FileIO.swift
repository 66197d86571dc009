#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FoundationEssentials

/// A failed file operation, with the path and the system's reason.
public struct FileFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public var reason: String { String(cString: strerror(code)) }
    public var description: String { "\(operation) \(path): \(reason)" }
}

/// Thin POSIX wrappers: the store needs fsync, rename, link and modes, which FileManager hides.
enum FileIO {
    static func failure(_ operation: String, _ path: String) -> FileFailure {
        FileFailure(operation: operation, path: path, code: errno)
    }

    /// The folder part of a path, as NSString's `deletingLastPathComponent` gives it: "/a/b/" → "/a",
    /// "/a" → "/", "a" → "".
    static func folder(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        var folder = p[..<slash]
        while folder.count > 1, folder.last == "/" { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last part of a path, as NSString's `lastPathComponent` gives it: "/a/b/" → "b", "/" → "/".
    static func name(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p.removeLast() }
        guard p != "/", let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates the folder and missing parents; the last level gets `mode` (health data: 0700).
    static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws(FileFailure) {
        if isDirectory(path) { return }
        let parent = folder(of: path)
        if !parent.isEmpty && parent != path && !isDirectory(parent) {
            try makeDirectory(parent, mode: 0o755)
        }
        if mkdir(path, mode) != 0 && errno != EEXIST { throw failure("create folder", path) }
        // Something that is not a folder holds the name: leave it, and its mode, alone.
        if !isDirectory(path) { throw FileFailure(operation: "create folder", path: path, code: ENOTDIR) }
        // mkdir honours the umask; set the mode we promised.
        if chmod(path, mode) != 0 { throw failure("set mode of", path) }
    }

    static func read(_ path: String) throws(FileFailure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw failure("open", path) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw failure("stat", path) }
        var data = Data(count: max(Int(st.st_size), 0))
        var total = 0
        while true {
            if total == data.count { data.count += 4096 }
            let n = data.withUnsafeMutableBytes { buf in
                Glibc.read(fd, buf.baseAddress! + total, buf.count - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if n == 0 { break }
            total += n
        }
        data.count = total
        return data
    }

    /// Crash-safe replace: temp file in the same folder, write, fsync, rename over, fsync the folder.
    /// A crash at any point leaves either the old file or the new one, whole.
    static func atomicWrite(_ data: Data, to path: String, mode: mode_t = 0o600) throws(FileFailure) {
        let temp = try writeTemporary(data, for: path, mode: mode)
        if rename(temp, path) != 0 {
            let failed = failure("rename over", path)
            unlink(temp)
            throw failed
        }
        try syncFolder(folder(of: path))
    }

    /// Writes `data` to a new file beside `path` (named with `tempPrefix`) and, when `flush`, flushes
    /// it to disk; returns the temporary's path. On failure nothing is left behind.
    static func writeTemporary(_ data: Data, for path: String, mode: mode_t = 0o600, flush: Bool = true) throws(FileFailure) -> String {
        let temp = folder(of: path) + "/" + tempPrefix + name(of: path) + "-" + String(getpid())
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        if fd < 0 { throw failure("create", temp) }
        defer { close(fd) }
        do throws(FileFailure) {
            if fchmod(fd, mode) != 0 { throw failure("set mode of", temp) }
            try writeAll(fd, data, path: temp)
            if flush && fsync(fd) != 0 { throw failure("flush", temp) }
        } catch {
            unlink(temp)
            throw error
        }
        return temp
    }

    static let tempPrefix = ".tmp-"

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(FileFailure) {
        var failed: FileFailure?
        data.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = failure("write", path)
                    return
                }
                offset += n
            }
        }
        if let failed { throw failed }
    }

    static func syncFolder(_ folder: String) throws(FileFailure) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw failure("open folder", folder) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw failure("flush folder", folder) }
    }

    /// Flushes a file written earlier to disk; a file replaced or removed since needs nothing.
    static func syncFile(_ path: String) throws(FileFailure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return }
            throw failure("open", path)
        }
        defer { close(fd) }
        if fsync(fd) != 0 { throw failure("flush", path) }
    }

    /// rename(2); a missing source is not an error when `missingOK`.
    static func move(_ from: String, _ to: String, missingOK: Bool = false) throws(FileFailure) {
        if rename(from, to) != 0 {
            if missingOK && errno == ENOENT { return }
            throw failure("move", from)
        }
    }

    static func hardLink(_ from: String, _ to: String) throws(FileFailure) {
        if link(from, to) != 0 { throw failure("link", from) }
    }

    static func remove(_ path: String, missingOK: Bool = true) throws(FileFailure) {
        if unlink(path) != 0 {
            if missingOK && errno == ENOENT { return }
            throw failure("remove", path)
        }
    }

    static func list(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
    }
}

/// Health data outside the store: an export written crash-safe and mode 0600, or to standard output;
/// a backup read for import.
public enum PrivateFile {
    public static func read(_ path: String) throws(FileFailure) -> Data {
        try FileIO.read(path)
    }

    public static func write(_ data: Data, to path: String) throws(FileFailure) {
        try FileIO.atomicWrite(data, to: path, mode: 0o600)
    }

    /// Every byte to an open descriptor (a pipe may take them in parts).
    public static func write(_ data: Data, toDescriptor fd: Int32) throws(FileFailure) {
        try FileIO.writeAll(fd, data, path: "descriptor \(fd)")
    }
}
