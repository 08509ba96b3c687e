public import DoctorChecks
public import DoctorCore

/// A resolver with scripted answers (names not listed do not exist).
public struct FakeResolver: HostResolver {
    /// Addresses by host name.
    public var hosts: [String: [ResolvedAddress]] = [:]
    /// SRV records by name.
    public var srv: [String: [SRVRecord]] = [:]
    /// TXT records by name.
    public var txt: [String: [String]] = [:]

    /// Creates a resolver with these answers.
    public init(hosts: [String: [ResolvedAddress]] = [:], srv: [String: [SRVRecord]] = [:], txt: [String: [String]] = [:]) {
        self.hosts = hosts
        self.srv = srv
        self.txt = txt
    }

    public func addresses(of host: String, timeout: Duration) async throws(DNSFailure) -> [ResolvedAddress] {
        guard let found = hosts[host] else { throw .notFound }
        return found
    }
    public func srvRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [SRVRecord] {
        guard let found = srv[name] else { throw .notFound }
        return found
    }
    public func txtRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [String] {
        guard let found = txt[name] else { throw .notFound }
        return found
    }
}

extension ResolvedAddress {
    /// 127.0.0.1.
    public static let v4 = ResolvedAddress(ip: "127.0.0.1", family: .ipv4)
    /// ::1.
    public static let v6 = ResolvedAddress(ip: "::1", family: .ipv6)
}

/// Runs the connection ladder for `uri` with the given probes and returns the results by check id.
public func runLadder(_ uri: String, probes: ConnectionProbes, timeout: Duration = .seconds(2)) async -> [CheckID: CheckResult] {
    let results = await CheckRunner().run(ConnectionChecks.make(uri: uri, probes: probes), in: CheckContext(timeout: timeout))
    return Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
}

extension [CheckID: CheckResult] {
    /// Every finding id, in check order.
    public var findingIDs: [String] {
        (["uri", "dns", "tcp", "tls", "hello", "topology", "auth"] as [CheckID]).flatMap { self[$0]?.findings.map(\.id.rawValue) ?? [] }
    }
    /// Every error finding id, in check order.
    public var errorIDs: [String] {
        (["uri", "dns", "tcp", "tls", "hello", "topology", "auth"] as [CheckID]).flatMap { self[$0]?.findings.filter { $0.severity == .error }.map(\.id.rawValue) ?? [] }
    }
}
