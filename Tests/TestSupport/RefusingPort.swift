import Foundation

/// A port on 127.0.0.1 that refuses connections, reserved for as long as this value lives.
///
/// The socket is bound but never listens: connecting gets ECONNREFUSED, and no other test can
/// bind the same port in the meantime (a port that was merely closed could be reused at once).
public final class RefusingPort: @unchecked Sendable {
    /// The reserved port.
    public let port: Int
    private let fd: Int32  // owned; closed in deinit

    /// Reserves a free port.
    public init() throws {
        (fd, port) = try LoopbackSocket.bound(SOCK_STREAM)  // bound, never listening
    }

    deinit { close(fd) }
}
