import BlockingWork
public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `SetupFiles` on this machine: POSIX calls on a dedicated thread (never the cooperative pool).
public struct LiveSetupFiles: SetupFiles {
    /// Creates the file access.
    public init() {}

    public func read(_ path: String) async throws -> Data? {
        try await BlockingExecutor.dedicatedThread { () throws(SetupFileError) -> Data? in
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else { throw SetupFileError("\(path): cannot be read") }
            return data
        }
    }

    public func createNew(_ path: String, contents: Data, mode: UInt32) async throws {
        try await BlockingExecutor.dedicatedThread { () throws(SetupFileError) in
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
            guard fd >= 0 else {
                throw SetupFileError(errno == EEXIST ? "\(path) exists; it is never overwritten" : "\(path): \(Self.lastError())")
            }
            defer { close(fd) }
            try Self.writeAll(fd, contents, path: path)
            guard fchmod(fd, mode_t(mode)) == 0 else { throw SetupFileError("chmod \(path): \(Self.lastError())") }
        }
    }

    public func replace(_ path: String, contents: Data, mode: UInt32) async throws {
        try await BlockingExecutor.dedicatedThread { () throws(SetupFileError) in
            let directory = (path as NSString).deletingLastPathComponent
            let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).mongo-doctor-\(getpid())"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
            guard fd >= 0 else { throw SetupFileError("\(temporary): \(Self.lastError())") }
            var renamed = false
            defer {
                close(fd)
                if !renamed { unlink(temporary) }
            }
            try Self.writeAll(fd, contents, path: temporary)
            guard fchmod(fd, mode_t(mode)) == 0 else { throw SetupFileError("chmod \(temporary): \(Self.lastError())") }
            guard fsync(fd) == 0 else { throw SetupFileError("fsync \(temporary): \(Self.lastError())") }
            guard rename(temporary, path) == 0 else { throw SetupFileError("rename to \(path): \(Self.lastError())") }
            renamed = true
        }
    }

    private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(SetupFileError) {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SetupFileError("write \(path): \(lastError())")
            }
            offset += written
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
