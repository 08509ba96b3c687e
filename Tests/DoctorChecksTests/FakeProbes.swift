@testable import DoctorChecks
import DoctorCore
import MongoBridge

/// A resolver with scripted answers (names not listed do not exist).
struct FakeResolver: HostResolver {
    var hosts: [String: [ResolvedAddress]] = [:]
    var srv: [String: [SRVRecord]] = [:]
    var txt: [String: [String]] = [:]

    func addresses(of host: String, timeout: Duration) async throws(DNSFailure) -> [ResolvedAddress] {
        guard let found = hosts[host] else { throw .notFound }
        return found
    }
    func srvRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [SRVRecord] {
        guard let found = srv[name] else { throw .notFound }
        return found
    }
    func txtRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [String] {
        guard let found = txt[name] else { throw .notFound }
        return found
    }
}

/// A libmongoc probe with scripted answers.
struct ScriptedServerProbe: ServerProbe {
    var hello: Result<ServerHello, MongoError>
    var command: @Sendable (String) -> Result<BSONDocument, MongoError> = { _ in .success(["ok": 1]) }

    func hello(uri: String, timeout: Duration, saslUser: String?) async throws -> ServerHello { try hello.get() }
    func command(_ command: BSONDocument, database: String, uri: String, timeout: Duration) async throws -> BSONDocument {
        try self.command(uri).get()
    }
}

extension ResolvedAddress {
    static let v4 = ResolvedAddress(ip: "127.0.0.1", family: .ipv4)
    static let v6 = ResolvedAddress(ip: "::1", family: .ipv6)
}

/// Runs the connection ladder for `uri` with the given probes and returns the results by check id.
func runLadder(_ uri: String, probes: ConnectionProbes, timeout: Duration = .seconds(2)) async -> [CheckID: CheckResult] {
    let results = await CheckRunner().run(ConnectionChecks.make(uri: uri, probes: probes), in: CheckContext(timeout: timeout))
    return Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
}

extension [CheckID: CheckResult] {
    /// Every finding id, in check order.
    var findingIDs: [String] {
        (["uri", "dns", "tcp", "tls", "hello", "topology", "auth"] as [CheckID]).flatMap { self[$0]?.findings.map(\.id.rawValue) ?? [] }
    }
    var errorIDs: [String] {
        (["uri", "dns", "tcp", "tls", "hello", "topology", "auth"] as [CheckID]).flatMap { self[$0]?.findings.filter { $0.severity == .error }.map(\.id.rawValue) ?? [] }
    }
}
