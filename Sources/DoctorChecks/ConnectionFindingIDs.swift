public import DoctorCore

/// The finding ids of the connection stages (uri, dns, tcp, tls, hello, topology, auth): API, listed in the README; never renamed silently.
extension FindingID {
    /// `auth.failed`: Authentication failed.
    public static let authFailed: FindingID = "auth.failed"
    /// `auth.mechanism`: The server does not offer … for this user.
    public static let authMechanism: FindingID = "auth.mechanism"
    /// `auth.required`: The server requires authentication and the URI has no credentials.
    public static let authRequired: FindingID = "auth.required"
    /// `auth.wrong-source`: The user … exists in admin, but the URI authenticates against.
    public static let authWrongSource: FindingID = "auth.wrong-source"
    /// `dns.localhost-ipv6`: localhost resolves to ::1, but the server answers only on 127.0.0.1.
    public static let dnsLocalhostIpv6: FindingID = "dns.localhost-ipv6"
    /// `dns.not-found`: The host name does not resolve.
    public static let dnsNotFound: FindingID = "dns.not-found"
    /// `dns.srv-not-found`: The SRV record does not exist.
    public static let dnsSrvNotFound: FindingID = "dns.srv-not-found"
    /// `dns.srv-txt-invalid`: The TXT record of … could not be read.
    public static let dnsSrvTxtInvalid: FindingID = "dns.srv-txt-invalid"
    /// `server.unreachable`: The server could not be reached.
    public static let serverUnreachable: FindingID = "server.unreachable"
    /// `server.version`: … on.
    public static let serverVersion: FindingID = "server.version"
    /// `server.wire-version`: The server is too old for this driver.
    public static let serverWireVersion: FindingID = "server.wire-version"
    /// `tcp.closed`: The server accepted the connection, then closed it.
    public static let tcpClosed: FindingID = "tcp.closed"
    /// `tcp.not-mongodb`: Something answered, but it is not MongoDB.
    public static let tcpNotMongodb: FindingID = "tcp.not-mongodb"
    /// `tcp.refused`: Nothing is listening: the connection was refused.
    public static let tcpRefused: FindingID = "tcp.refused"
    /// `tcp.timeout`: The connection attempt timed out (packets dropped).
    public static let tcpTimeout: FindingID = "tcp.timeout"
    /// `tcp.unreachable`: … cannot be reached.
    public static let tcpUnreachable: FindingID = "tcp.unreachable"
    /// `tls.ca-file-missing`: The tlsCAFile cannot be read.
    public static let tlsCaFileMissing: FindingID = "tls.ca-file-missing"
    /// `tls.certificate`: …: certificate verified.
    public static let tlsCertificate: FindingID = "tls.certificate"
    /// `tls.expired`: The server's certificate has expired.
    public static let tlsExpired: FindingID = "tls.expired"
    /// `tls.hostname-mismatch`: The server's certificate does not name this host.
    public static let tlsHostnameMismatch: FindingID = "tls.hostname-mismatch"
    /// `tls.not-supported`: The TLS handshake failed.
    public static let tlsNotSupported: FindingID = "tls.not-supported"
    /// `tls.required`: The server at … speaks only TLS, and the URI does not ask for it.
    public static let tlsRequired: FindingID = "tls.required"
    /// `tls.untrusted`: The server's certificate is not trusted.
    public static let tlsUntrusted: FindingID = "tls.untrusted"
    /// `topology.member-unreachable`: Replica-set members advertise addresses this machine cannot reach.
    public static let topologyMemberUnreachable: FindingID = "topology.member-unreachable"
    /// `topology.member-unresolvable`: Replica-set members advertise names this machine cannot resolve.
    public static let topologyMemberUnresolvable: FindingID = "topology.member-unresolvable"
    /// `topology.no-primary`: The replica set … has no primary: writes will fail.
    public static let topologyNoPrimary: FindingID = "topology.no-primary"
    /// `topology.set-name-mismatch`.
    public static let topologySetNameMismatch: FindingID = "topology.set-name-mismatch"
    /// `uri.driver-rejects`: libmongoc rejects this connection string.
    public static let uriDriverRejects: FindingID = "uri.driver-rejects"
}
