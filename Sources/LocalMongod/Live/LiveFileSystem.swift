public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through `stat`, `statvfs`, `open`/`read` and `flock`.
public struct LiveFileSystem: FileSystemProbe {
    /// Creates the probe.
    public init() {}

    public func status(ofPath path: String) -> FileStatus? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Self.status(st)
    }

    public func linkStatus(ofPath path: String) -> FileStatus? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return Self.status(st)
    }

    static func status(_ st: stat) -> FileStatus {
        let mode = UInt32(st.st_mode)
        let kind: FileKind = switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFDIR): .directory
        case UInt32(S_IFREG): .regular
        case UInt32(S_IFSOCK): .socket
        case UInt32(S_IFLNK): .symlink
        default: .other
        }
        return FileStatus(
            kind: kind, uid: UInt32(st.st_uid), gid: UInt32(st.st_gid), permissions: mode & 0o7777,
            size: Int64(st.st_size), inode: UInt64(st.st_ino), device: UInt64(st.st_dev))
    }

    public func freeBytes(atPath path: String) -> UInt64? {
        var vfs = statvfs()
        guard statvfs(path, &vfs) == 0 else { return nil }
        // A FUSE or network file system can report absurd sizes: saturate instead of trapping.
        let (bytes, overflow) = UInt64(vfs.f_bavail).multipliedReportingOverflow(by: UInt64(vfs.f_frsize))
        return overflow ? UInt64.max : bytes
    }

    public func contentsOfDirectory(atPath path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    public func readFile(atPath path: String, maxBytes: Int) throws(FileReadError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, reason: Self.lastError()) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count < maxBytes {
            let wanted = min(buffer.count, maxBytes - data.count)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: Self.lastError())
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    public func readFile(atPath path: String, offset: Int64, maxBytes: Int) throws(FileReadError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, reason: Self.lastError()) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: max(0, maxBytes))
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(offset) + off_t(filled)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: Self.lastError())
            }
            if count == 0 { break }
            filled += count
        }
        return Data(buffer[0..<filled])
    }

    public func lockState(ofFile path: String) -> LockState {
        // Where the kernel lists its locks (/proc/locks), read them: looking must not take the lock,
        // even for an instant, or a mongod starting at that moment would fail with DBPathInUse.
        if let lockTable = ProcFile.text("/proc/locks") {
            guard let file = status(ofPath: path) else { return .unknown(Self.lastError()) }
            let holder = ProcLocks.holder(inode: file.inode, device: file.device, text: lockTable)
            return holder.map { .held(pid: $0) } ?? .free
        }
        // Elsewhere, a non-blocking try is the only way to know; it is released at once.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unknown(Self.lastError()) }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return .free
        }
        guard errno == EWOULDBLOCK || errno == EAGAIN else { return .unknown(Self.lastError()) }
        return .held(pid: nil)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
