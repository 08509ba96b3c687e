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
    private let reserved: Int32  // owned; closed in deinit
    private let listening: Int32  // owned; closed in deinit

    /// Reserves a free port on 127.0.0.1 and listens on [::1] at the same port.
    public init() throws {
        let (v4, port) = try LoopbackSocket.bound(SOCK_STREAM)
        let v6 = socket(AF_INET6, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard v6 >= 0 else {
            close(v4)
            throw POSIXError(.EAFNOSUPPORT)
        }
        var on: Int32 = 1
        _ = setsockopt(v6, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = in_port_t(UInt16(port).bigEndian)
        address.sin6_addr = in6addr_loopback
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(v6, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
        guard bound == 0, listen(v6, 8) == 0 else {
            close(v4)
            close(v6)
            throw POSIXError(.EADDRINUSE)
        }
        self.port = port
        reserved = v4
        listening = v6
    }

    deinit {
        close(listening)
        close(reserved)
    }
}
