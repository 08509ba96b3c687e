public import DoctorCore

/// The outside world the connection stages talk to, injectable as a whole.
public struct ConnectionProbes: Sendable {
    /// DNS.
    public var resolver: any HostResolver
    /// TCP.
    public var dialer: any Dialer
    /// TLS handshakes (`nil`: the `tls` stage reports itself unavailable).
    public var tlsProber: (any TLSProber)?
    /// libmongoc.
    public var server: any ServerProbe

    /// Creates a set of probes.
    public init(resolver: any HostResolver, dialer: any Dialer, tlsProber: (any TLSProber)?, server: any ServerProbe) {
        self.resolver = resolver
        self.dialer = dialer
        self.tlsProber = tlsProber
        self.server = server
    }
}

/// The connection ladder: `uri` → `dns` → `tcp` → `tls` → `hello` → `topology`, `auth`.
/// Each stage is its own check with its own timeout; a stage after a failed one is skipped.
public enum ConnectionChecks {
    /// The stages for the connection string `uri`, in report order; with `authStore`, the `authstore`
    /// check (`check --db NAME`) after `auth`.
    public static func make(uri: String, probes: ConnectionProbes, authStore: AuthStoreTarget? = nil) -> [any DoctorCheck] {
        let stages: [any DoctorCheck] = [
            URICheck(uri: uri),
            DNSCheck(resolver: probes.resolver),
            TCPCheck(dialer: probes.dialer, tlsProber: probes.tlsProber),
            TLSCheck(prober: probes.tlsProber, dialer: probes.dialer),
            HelloCheck(probe: probes.server),
            TopologyCheck(resolver: probes.resolver, dialer: probes.dialer),
            AuthCheck(probe: probes.server),
        ]
        return stages + (authStore.map { [AuthStoreCheck(target: $0, probe: probes.server)] } ?? [])
    }
}
