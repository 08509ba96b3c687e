#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IP address text conversions (`inet_pton`/`inet_ntop`), so `::1` and `0:0::1` compare equal.
enum IPAddressText {
    /// The canonical text of a literal IPv4 or IPv6 address (a `%zone` suffix dropped),
    /// or `nil` when `text` is not an address literal (a host name).
    static func canonical(_ text: String) -> String? {
        let bare = String(text.split(separator: "%", maxSplits: 1).first ?? "")
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 { return ntop(AF_INET, &v4, Int(INET_ADDRSTRLEN)) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, bare, &v6) == 1 { return ntop(AF_INET6, &v6, Int(INET6_ADDRSTRLEN)) }
        return nil
    }

    /// Whether a literal is a loopback address (127.0.0.0/8 or ::1).
    static func isLoopback(_ canonical: String) -> Bool {
        canonical.hasPrefix("127.") || canonical == "::1"
    }

    /// The text of an interface address (IPv4 or IPv6), else `nil`.
    static func string(from address: UnsafeMutablePointer<sockaddr>) -> String? {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var raw = v4.pointee.sin_addr
                return ntop(AF_INET, &raw, Int(INET_ADDRSTRLEN))
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var raw = v6.pointee.sin6_addr
                return ntop(AF_INET6, &raw, Int(INET6_ADDRSTRLEN))
            }
        default:
            return nil
        }
    }

    private static func ntop(_ family: Int32, _ raw: UnsafeMutableRawPointer, _ size: Int) -> String? {
        var buffer = [CChar](repeating: 0, count: size)
        guard inet_ntop(family, raw, &buffer, socklen_t(size)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
