import Foundation

/// The one place the tests make sockets on the loopback addresses (127.0.0.1 and ::1).
///
/// Every descriptor is close-on-exec, so children that other tests start never inherit it. None
/// gets SO_REUSEADDR: a reserved port (bound, never listening) must stay exclusive. A port that was
/// merely bound and closed can be taken by another test at once, which made tests flaky; see
/// `RefusingPort` for a port nobody listens on.
public enum LoopbackSocket {
    /// The kind of socket.
    public enum Kind: Sendable {
        /// TCP (SOCK_STREAM).
        case stream
        /// UDP (SOCK_DGRAM).
        case datagram
    }

    /// A socket of `kind` bound to `ip` ("127.0.0.1" or "::1") at `port` (0: one the kernel
    /// chooses), and the port it got. IPv6 sockets are IPV6_V6ONLY. The caller owns the descriptor.
    public static func bound(_ kind: Kind = .stream, on ip: String = "127.0.0.1", port: Int = 0) throws -> (fd: Int32, port: Int) {
        let type = kind == .stream ? SOCK_STREAM : SOCK_DGRAM
        return try withLoopbackAddress(ip, port: port) { family, address, length in
            let fd = socket(family, Int32(type.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw currentError() }
            if family == AF_INET6 {
                var on: Int32 = 1
                _ = setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
            }
            guard bind(fd, address, length) == 0, let port = boundPort(fd) else { throw failure(closing: fd) }
            return (fd, port)
        }
    }

    /// A stream socket listening on `ip` at `port` (0: one the kernel chooses) with `backlog`, that
    /// nothing accepts from (the kernel completes up to the backlog's connections by itself).
    /// The caller owns the descriptor.
    public static func listening(on ip: String = "127.0.0.1", port: Int = 0, backlog: Int32 = 16) throws -> (fd: Int32, port: Int) {
        let (fd, port) = try bound(.stream, on: ip, port: port)
        guard listen(fd, backlog) == 0 else { throw failure(closing: fd) }
        return (fd, port)
    }

    /// Whether `ip` can be bound here (IPv6 loopback may be missing in containers).
    public static func isAvailable(_ ip: String) -> Bool {
        guard let (fd, _) = try? bound(.stream, on: ip) else { return false }
        close(fd)
        return true
    }

    /// Lends `ip:port` as a C socket address to `body`, with its family and length; refuses
    /// anything that is not a numeric loopback address (tests never reach beyond this host).
    static func withLoopbackAddress<T>(
        _ ip: String, port: Int, _ body: (Int32, UnsafePointer<sockaddr>, socklen_t) throws -> T
    ) throws -> T {
        precondition(ip == "::1" || ip.hasPrefix("127."), "tests only use loopback addresses, not \(ip)")
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(ip, String(port), &hints, &list) == 0, let first = list, let address = first.pointee.ai_addr else {
            throw POSIXError(.EINVAL)
        }
        defer { freeaddrinfo(list) }
        return try body(first.pointee.ai_family, address, first.pointee.ai_addrlen)
    }

    /// The local port `fd` is bound to (IPv4 or IPv6), or nil.
    private static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        // sin_port and sin6_port both sit right after the 2-byte family.
        let bigEndian = withUnsafeBytes(of: storage) { $0.load(fromByteOffset: 2, as: UInt16.self) }
        return Int(UInt16(bigEndian: bigEndian))
    }

    /// The POSIX error of the last failed call.
    static func currentError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    /// The POSIX error of the last failed call on `fd`, after closing `fd`.
    static func failure(closing fd: Int32) -> POSIXError {
        let error = currentError()
        close(fd)
        return error
    }
}
