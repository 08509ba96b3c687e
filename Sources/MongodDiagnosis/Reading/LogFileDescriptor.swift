#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A log file opened read-only: its size from `fstat`, its bytes by `pread`. Closed on release.
public final class LogFileDescriptor: LogFileAccess {
    /// The size at open time.
    public let size: Int64
    private let descriptor: Int32
    private let path: String

    /// Opens `path`; throws `LogReadError` naming it and the system's reason.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LogReadError(source: path, reason: Self.lastError()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = Self.lastError()
            close(descriptor)
            throw LogReadError(source: path, reason: reason)
        }
        if (UInt32(status.st_mode) & UInt32(S_IFMT)) == UInt32(S_IFDIR) {
            close(descriptor)
            throw LogReadError(source: path, reason: "is a directory")
        }
        self.descriptor = descriptor
        self.size = Int64(status.st_size)
        self.path = path
    }

    deinit { close(descriptor) }

    public func read(offset: Int64, count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        while filled < buffer.count {
            let got = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filled, raw.count - filled, off_t(offset) + off_t(filled))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw LogReadError(source: path, reason: Self.lastError())
            }
            if got == 0 { break }
            filled += got
        }
        buffer.removeLast(buffer.count - filled)
        return buffer
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// A descriptor read forward with `read` (standard input by default), for logs piped in.
public struct DescriptorStream: LogByteStream {
    private let descriptor: Int32

    /// Reads `descriptor` (not closed: standard input belongs to the process).
    public init(descriptor: Int32 = 0) { self.descriptor = descriptor }

    public mutating func read(maxCount: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let got = buffer.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.read(descriptor, raw.baseAddress, raw.count)
                #else
                Darwin.read(descriptor, raw.baseAddress, raw.count)
                #endif
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw LogReadError(source: "standard input", reason: LogFileDescriptor.lastError())
            }
            buffer.removeLast(buffer.count - got)
            return buffer
        }
    }
}
