/// Random access to the bytes of one log file, so a log of any size can be read from its end.
///
/// The live implementation is `LogFileDescriptor` (`pread` on an open descriptor); other front ends
/// adapt their own file access (DoctorRun reads through its injected file system).
public protocol LogFileAccess {
    /// The size of the file in bytes, when it was opened; nothing past it is read.
    var size: Int64 { get }
    /// Up to `count` bytes at `offset` (fewer only at the end of the file).
    func read(offset: Int64, count: Int) throws -> [UInt8]
}

/// A log that can only be read forward, such as standard input.
public protocol LogByteStream {
    /// Up to `maxCount` more bytes; empty at the end of the stream.
    mutating func read(maxCount: Int) throws -> [UInt8]
}

/// Why a log could not be read: the path (or `standard input`) and the system's reason.
public struct LogReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path, or `standard input`.
    public var source: String
    /// The system's reason (`No such file or directory`).
    public var reason: String

    /// Creates an error.
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}

/// A log held in memory (pasted text, tests): both a file and a stream.
public struct InMemoryLog: LogFileAccess, LogByteStream {
    /// The bytes.
    public let bytes: [UInt8]
    private var position = 0

    /// Creates the log from `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var size: Int64 { Int64(bytes.count) }

    public func read(offset: Int64, count: Int) throws -> [UInt8] {
        let start = Int(min(max(offset, 0), size))
        return Array(bytes[start..<min(bytes.count, start + count)])
    }

    public mutating func read(maxCount: Int) throws -> [UInt8] {
        let chunk = try read(offset: Int64(position), count: maxCount)
        position += chunk.count
        return chunk
    }
}
