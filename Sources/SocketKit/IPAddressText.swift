#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
public import Darwin
#endif

/// Conversions between numeric IP addresses and their text forms (`inet_pton`/`inet_ntop`),
/// so that `::1` and `0:0::1` compare equal and an IPv6 endpoint is written with brackets.
public enum IPAddressText {
    /// Whether `text` is a numeric IPv4 or IPv6 address (not a host name); no `%zone` suffix allowed.
    public static func isNumeric(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// The canonical text of a literal IPv4 or IPv6 address (a `%zone` suffix dropped),
    /// or `nil` when `text` is not an address literal (a host name).
    public static func canonical(_ text: String) -> String? {
        let bare = String(text.split(separator: "%", maxSplits: 1).first ?? "")
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 { return ntop(AF_INET, &v4) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, bare, &v6) == 1 { return ntop(AF_INET6, &v6) }
        return nil
    }

    /// Whether a canonical literal (see `canonical(_:)`) is a loopback address: 127.0.0.0/8 or ::1.
    public static func isLoopback(_ canonical: String) -> Bool {
        canonical.hasPrefix("127.") || canonical == "::1"
    }

    /// The text form of a 4-byte (IPv4) or 16-byte (IPv6) address in network order, or `nil`
    /// for any other length.
    public static func text(fromBytes bytes: [UInt8]) -> String? {
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        var copy = bytes
        return copy.withUnsafeMutableBytes { raw in raw.baseAddress.flatMap { ntop(family, $0) } }
    }

    /// The text of the address in an IPv4 or IPv6 socket address (an interface address from
    /// `getifaddrs`, say); `nil` for any other family.
    public static func text(from address: UnsafePointer<sockaddr>) -> String? {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var raw = v4.pointee.sin_addr
                return ntop(AF_INET, &raw)
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var raw = v6.pointee.sin6_addr
                return ntop(AF_INET6, &raw)
            }
        default:
            return nil
        }
    }

    /// "host:port", with brackets around an IPv6 address ("[::1]:27017").
    public static func endpoint(_ ip: String, port: Int) -> String {
        ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    /// `inet_ntop` into a Swift string.
    private static func ntop(_ family: Int32, _ raw: UnsafeMutableRawPointer) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        guard inet_ntop(family, raw, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
