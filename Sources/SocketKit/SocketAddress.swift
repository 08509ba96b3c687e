#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a stream socket connects: a numeric IPv4 or IPv6 address and port, or a Unix socket path.
///
/// A plain value: the C socket address is kept as bytes and only lent out while a call needs it.
/// No name resolution happens here; host names are refused (resolve them first).
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family.
    public enum Family: Sendable, Hashable {
        /// An IPv4 address and port (AF_INET).
        case ipv4
        /// An IPv6 address and port (AF_INET6), with its scope when the text had a `%zone`.
        case ipv6
        /// A filesystem path of a Unix domain socket (AF_UNIX).
        case unix
    }

    /// The address family.
    public let family: Family
    /// "127.0.0.1:27017", "[::1]:27017", or the Unix socket's path: the text for messages.
    public let description: String
    /// The bytes of the `sockaddr_in`, `sockaddr_in6` or `sockaddr_un`.
    private let bytes: [UInt8]

    /// The address of the numeric IP `ip` (IPv4, or IPv6 with an optional `%zone`) at `port`;
    /// `nil` when `ip` is not a numeric address (a host name, say) or `port` is not in 0...65535.
    public init?(ip: String, port: Int) {
        guard (0...65535).contains(port), !ip.isEmpty else { return nil }
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        hints.ai_socktype = SocketAddress.streamType
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(ip, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        guard let address = first.pointee.ai_addr else { return nil }
        switch first.pointee.ai_family {
        case AF_INET: family = .ipv4
        case AF_INET6: family = .ipv6
        default: return nil
        }
        bytes = Array(UnsafeRawBufferPointer(start: address, count: Int(first.pointee.ai_addrlen)))
        description = IPAddressText.endpoint(ip, port: port)
    }

    /// The address of the Unix domain socket at `path`; `nil` when the path is empty, holds a NUL
    /// byte, or is too long for `sun_path`.
    public init?(unixPath path: String) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let utf8 = Array(path.utf8)
        guard !utf8.isEmpty, !utf8.contains(0), utf8.count < MemoryLayout.size(ofValue: address.sun_path) else {
            return nil
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: utf8)
            raw[utf8.count] = 0
        }
        family = .unix
        bytes = withUnsafeBytes(of: address) { Array($0) }
        description = path
    }

    /// The socket domain to create a socket for this address with (AF_INET, AF_INET6, AF_UNIX).
    var domain: Int32 {
        switch family {
        case .ipv4: AF_INET
        case .ipv6: AF_INET6
        case .unix: AF_UNIX
        }
    }

    /// Lends the C socket address and its length to `body` (only for the duration of the call).
    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(bytes.count)) }
        }
    }

    /// SOCK_STREAM as the C calls want it.
    #if canImport(Darwin)
    static let streamType = SOCK_STREAM
    #else
    static let streamType = Int32(SOCK_STREAM.rawValue)
    #endif
}
