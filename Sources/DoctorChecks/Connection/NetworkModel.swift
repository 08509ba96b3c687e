import DoctorCore
public import TLSProbe

/// One address a host name resolved to.
public struct ResolvedAddress: Sendable, Hashable, CustomStringConvertible {
    /// IPv4 or IPv6.
    public enum Family: String, Sendable { case ipv4, ipv6 }
    /// The numeric address ("127.0.0.1", "::1").
    public var ip: String
    /// Its family.
    public var family: Family

    /// Creates an address.
    public init(ip: String, family: Family) {
        self.ip = ip
        self.family = family
    }

    /// "127.0.0.1" or "[::1]", ready to be followed by ":port".
    public var description: String { family == .ipv6 ? "[\(ip)]" : ip }
}

/// A host and port to connect to (a seed from the URI, or a member a server advertised).
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP literal (without brackets).
    public var host: String
    /// TCP port.
    public var port: Int

    /// Creates an endpoint.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses "host:port", "[v6]:port" or "host" (port 27017).
    public init?(parsing text: String) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            port = rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? -1 : 27017
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            port = Int(text[text.index(after: colon)...]) ?? -1
        } else {
            host = text
            port = 27017
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
    }

    /// "host:port" ("[::1]:27017" for IPv6 literals).
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Performs TLS handshakes for the `tls` stage (injected so tests can script it).
public protocol TLSProber: Sendable {
    /// Connects to `address:port`, does a TLS handshake presenting `serverName` (SNI), and verifies the
    /// peer against `caFile` (or the system store when `nil`) and `serverName`, unless `allowInvalid`.
    /// Never throws for a TLS problem: that is the result. Gives up after `timeout`.
    func probe(address: ResolvedAddress, port: Int, serverName: String, caFile: String?,
               allowInvalidCertificates: Bool, allowInvalidHostnames: Bool, timeout: Duration) async -> TLSHandshakeResult
}
