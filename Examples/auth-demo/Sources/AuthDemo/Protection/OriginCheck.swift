import Foundation

/// Lucia's cross-site request rule for state-changing requests: when `Origin` (or, without it,
/// `Referer`) is present, its host and port must be the request's own `Host`; otherwise 403.
/// A request with neither header is let through (older clients, `curl`), as Lucia's guides do.
public struct OriginCheck: Sendable {
    /// What the rule decides.
    public enum Verdict: Sendable, Equatable {
        /// Same host, or no header to judge by.
        case allowed
        /// Another host (or `Origin: null`, or a header that is no URL): 403.
        case crossSite
    }

    /// Creates the rule.
    public init() {}

    /**
     Judges one request.

     - Parameters:
       - origin: the `Origin` header.
       - referer: the `Referer` header (used only without `Origin`).
       - host: the request's `Host` (HTTP/1.1) or `:authority` (HTTP/2).
     */
    public func verdict(origin: String?, referer: String?, host: String?) -> Verdict {
        guard let claimed = origin ?? referer else { return .allowed }
        guard let host, let own = Self.authority(host), let source = Self.originAuthority(claimed) else { return .crossSite }
        return source.host == own.host && (source.port ?? source.defaultPort) == (own.port ?? source.defaultPort) ? .allowed : .crossSite
    }

    /// A host and optional port, lowercased.
    struct Authority: Equatable {
        var host: String
        var port: Int?
        var defaultPort: Int?
    }

    /// The scheme, host and port of an `Origin` or `Referer` URL.
    static func originAuthority(_ value: String) -> Authority? {
        guard let components = URLComponents(string: value.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return nil }
        return Authority(host: host.lowercased(), port: components.port, defaultPort: scheme == "https" ? 443 : 80)
    }

    /// `host[:port]` (IPv6 in brackets) from a `Host` header.
    static func authority(_ value: String) -> Authority? {
        guard let components = URLComponents(string: "http://" + value.trimmingCharacters(in: .whitespaces)),
              let host = components.host, !host.isEmpty, components.path.isEmpty, components.user == nil else { return nil }
        return Authority(host: host.lowercased(), port: components.port, defaultPort: nil)
    }
}
