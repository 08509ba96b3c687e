public import DoctorCore

/// The fix ids of the connection stages (uri, dns, tcp, tls, hello, topology, auth): API, listed in the README; never renamed silently.
extension FixID {
    /// `auth.check-credentials`: Check the user, the password (percent-encoded) and authSource.
    public static let authCheckCredentials: FixID = "auth.check-credentials"
    /// `dns.check-name`: Check the name resolves on this machine.
    public static let dnsCheckName: FixID = "dns.check-name"
    /// `dns.query-srv`: Query the record yourself; if a public resolver finds it, your DNS server is the problem.
    public static let dnsQuerySrv: FixID = "dns.query-srv"
    /// `mongod.check-bind-ip`: Check mongod runs on … and its net.bindIp includes an address this machine can reach.
    public static let mongodCheckBindIp: FixID = "mongod.check-bind-ip"
    /// `mongod.enable-ipv6`: Or let mongod listen on ::1 too (mongod.conf: net.ipv6: true, net.bindIp: 127.0.0.1,::1).
    public static let mongodEnableIpv6: FixID = "mongod.enable-ipv6"
    /// `mongod.start`: Start mongod (and let mongo-doctor look at why it is not running).
    public static let mongodStart: FixID = "mongod.start"
    /// `network.check-firewall`: Check firewalls and the provider's IP access list for port.
    public static let networkCheckFirewall: FixID = "network.check-firewall"
    /// `tls.renew-certificate`: Renew the server certificate (and restart mongod).
    public static let tlsRenewCertificate: FixID = "tls.renew-certificate"
    /// `topology.check-members`: Check the members are running and can reach each other (rs.status()).
    public static let topologyCheckMembers: FixID = "topology.check-members"
    /// `topology.reachable-names`: Make the advertised names resolvable here (/etc/hosts), or rs.reconfig() the set with names clients can reach.
    public static let topologyReachableNames: FixID = "topology.reachable-names"
    /// `uri.add-auth-source`: Add authSource=admin to the connection string.
    public static let uriAddAuthSource: FixID = "uri.add-auth-source"
    /// `uri.add-ca-file`: Add tlsCAFile=<the CA that signed it> to the connection string.
    public static let uriAddCaFile: FixID = "uri.add-ca-file"
    /// `uri.add-credentials`: Add user:password@ (percent-encoded) and authSource= to the connection string.
    public static let uriAddCredentials: FixID = "uri.add-credentials"
    /// `uri.add-slash`: Put a '/' between the host list and '?', e.g. mongodb://host:27017/?tls=true.
    public static let uriAddSlash: FixID = "uri.add-slash"
    /// `uri.add-tls`: Add tls=true (and tlsCAFile=… for a private CA) to the connection string.
    public static let uriAddTls: FixID = "uri.add-tls"
    /// `uri.add-username`: Give a username for this authMechanism (libmongoc requires one).
    public static let uriAddUsername: FixID = "uri.add-username"
    /// `uri.check-port`: Check the port: another service (HTTP?) listens there.
    public static let uriCheckPort: FixID = "uri.check-port"
    /// `uri.direct-connection`: Talk to this one server only: mongodb://…/?directConnection=true.
    public static let uriDirectConnection: FixID = "uri.direct-connection"
    /// `uri.fix-auth-mechanism`.
    public static let uriFixAuthMechanism: FixID = "uri.fix-auth-mechanism"
    /// `uri.fix-ca-path`: Point tlsCAFile at the CA certificate (PEM) that signed the server's certificate.
    public static let uriFixCaPath: FixID = "uri.fix-ca-path"
    /// `uri.fix-replica-set`.
    public static let uriFixReplicaSet: FixID = "uri.fix-replica-set"
    /// `uri.plain-database`: Use a database name without '.' in the path, and name the auth database with authSource=.
    public static let uriPlainDatabase: FixID = "uri.plain-database"
    /// `uri.remove-tls`: Remove tls=true, or enable TLS on the server (net.tls.mode: requireTLS).
    public static let uriRemoveTls: FixID = "uri.remove-tls"
    /// `uri.rewrite-for-driver`: Rewrite the connection string in the form libmongoc accepts (see the evidence).
    public static let uriRewriteForDriver: FixID = "uri.rewrite-for-driver"
    /// `uri.use-127-0-0-1`: Use 127.0.0.1 instead of localhost in the connection string.
    public static let uriUse127001: FixID = "uri.use-127-0-0-1"
    /// `uri.use-certificate-name`: Connect with a name listed in the certificate's subjectAltName.
    public static let uriUseCertificateName: FixID = "uri.use-certificate-name"
}
