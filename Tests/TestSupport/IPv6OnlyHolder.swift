import Foundation

/// A port held by a listener on [::1] only, while 127.0.0.1 refuses on the same port: a program
/// on the other address family. Both sockets live as long as this value.
///
/// 127.0.0.1:port is reserved first (bound, never listening: connecting there is refused, and no
/// other test can take it); then [::1]:port listens with IPV6_V6ONLY and never accepts (the kernel
/// completes connections in the backlog).
public final class IPv6OnlyHolder: @unchecked Sendable {
    /// The port.
    public let port: Int
    private let reserved: RefusingPort
    private let listening: Int32  // owned; closed in deinit

    /// Reserves a free port on 127.0.0.1 and listens on [::1] at the same port.
    public init() throws {
        reserved = try RefusingPort()
        port = reserved.port
        (listening, _) = try LoopbackSocket.listening(on: "::1", port: reserved.port, backlog: 8)
    }

    deinit { close(listening) }
}
