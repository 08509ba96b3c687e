import Foundation

/// A port on a loopback address that refuses connections, reserved for as long as this value lives.
///
/// The socket is bound but never listens: connecting gets ECONNREFUSED, and no other test can
/// bind the same port in the meantime (a port that was merely closed could be reused at once).
public final class RefusingPort: @unchecked Sendable {
    /// The reserved port.
    public let port: Int
    private let fd: Int32  // owned; closed in deinit

    /// Reserves a free port on `ip` ("127.0.0.1" or "::1").
    public init(on ip: String = "127.0.0.1") throws {
        (fd, port) = try LoopbackSocket.bound(.stream, on: ip)  // bound, never listening
    }

    deinit { close(fd) }

    /// A refusing port on 127.0.0.1 reserved until the test process ends, for a test that only
    /// passes the number on (nothing it holds could be released before the code under test runs).
    public static func reservedForProcess() throws -> Int {
        let reserved = try RefusingPort()
        heldLock.lock()
        defer { heldLock.unlock() }
        held.append(reserved)
        return reserved.port
    }

    private static let heldLock = NSLock()
    nonisolated(unsafe) private static var held: [RefusingPort] = []  // guarded by heldLock
}
