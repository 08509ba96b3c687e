import ConnectionString
import DoctorChecks
import DoctorCore
import Foundation
import MongoBridge
import MongodDiagnosis
import Testing
import TestSupport
import TLSProbe

/// Every connection finding the stages produce, across a table of scenarios, carries the values its
/// catalog entry names, so the catalog's wording (and a `--catalog` rewording) reaches the user:
/// `CatalogWording.isFillable` holds, and the reworded finding keeps every fix the code chose.
@Suite struct ConnectionWordingCoverageTests {
    static let wording = Result {
        CatalogWording(catalog: try DiagnosticCatalog.load(directories: [ConfiguredLogCheckTests.diagnostics]), platform: .linux)
    }
    static let host = "db.example.test"
    static let hello = ServerHello(version: "7.0.4", maxWireVersion: 21, setName: nil, isMongos: false, hosts: [], reply: ["ok": 1])

    /// Asserts the catalog rewords every finding; returns their ids.
    @discardableResult
    static func expectWorded(_ findings: [Finding], _ scenario: String) throws -> [FindingID] {
        let wording = try wording.get()
        for finding in findings {
            #expect(wording.catalog.entry(id: finding.id) != nil, "\(scenario): \(finding.id) has no catalog entry")
            let fillable = wording.isFillable(finding)
            #expect(fillable, "\(scenario): \(finding.id) lacks values (has \(finding.values.keys.sorted()))")
            let worded = wording.apply(to: finding)
            // The catalog may add fixes where the code offered none; it never drops one the code chose.
            let kept = Set(worded.fixes.map(\.id)).isSuperset(of: finding.fixes.map(\.id))
            #expect(kept, "\(scenario): \(finding.id) has fixes the catalog does not word: \(finding.fixes.map(\.id))")
            #expect(!worded.title.contains("{") && !worded.detail.contains("{"), "\(scenario): \(worded.title)")
        }
        return findings.map(\.id)
    }

    static let lintInputs = [
        "mongodb://u:pa?Qx9=Zr@h", "\"mongodb://h/\"", "mongodb://h:27017/admin\n", "mongodb://app:pw@local\nhost:27017",
        "postgres://h:5432/prod", "localhost:27017", "mongodb://user:p@ss@localhost/", "mongodb://admin:pa:ss@localhost/",
        "mongodb://admin:100%sure@localhost/", "mongodb://sa%zzmin:pw@localhost/", "mongodb://h:27O17/", "mongodb://h:0/",
        "mongodb://h:27017?tls=true", "mongodb+srv://c.example.net:27017/", "mongodb+srv://a.example.com,b.example.com/",
        "mongodb+srv://c.example.net/?directConnection=true", "mongodb://a:1,b:2/?directConnection=true",
        "mongodb:///tmp/mongodb-27017.sock", "mongodb://h/?retryWrite=true", "mongodb://h/?proxyHost=p&proxyUsername=u&proxyPasword=x",
        "mongodb://h/?serverSelectionTimeoutMS=5s", "mongodb://h/?tls=true&ssl=false", "mongodb://h/?w", "mongodb://app:pw@",
        "mongodb://localhost/my db", "mongodb://h/?appName=a&appName=b", "mongodb://h/?j=true", "mongodb://h/?w=1;journal=true",
        "mongodb://h/?tls=false&tlsCAFile=/etc/ca.pem", "mongodb://h/?readPreferenceTags=dc:ny", "mongodb://app:pa#ss@h/",
        "mongodb://h/db.with.dots", "mongodb://h/?authMechanism=MONGODB-OIDC",
    ]

    @Test func everyLintFindingIsWorded() async throws {
        var ids: Set<FindingID> = []
        for input in Self.lintInputs {
            let results = await CheckRunner().run([URICheck(uri: input)], in: CheckContext(platform: .linux))
            ids.formUnion(try Self.expectWorded(results.flatMap(\.findings), input))
        }
        // The table reaches every lint id and libmongoc's verdict.
        let lintIDs = Set(URIIssueID.severities.keys.map { FindingID(rawValue: $0) })
        #expect(lintIDs.subtracting(ids).sorted() == [])
    }

    func probes(_ resolver: FakeResolver = FakeResolver(hosts: [host: [.v4], "localhost": [.v6, .v4]]),
                tls: (any TLSProber)? = nil, server: ScriptedServerProbe = ScriptedServerProbe(hello: .success(hello))) -> ConnectionProbes {
        ConnectionProbes(resolver: resolver, dialer: LiveDialer(), tlsProber: tls, server: server)
    }

    static func failing(_ message: String, domain: UInt32 = 15, code: UInt32 = 13053) -> MongoError {
        MongoError(domain: domain, code: code, message: message)
    }

    @Test func everyLadderFindingIsWorded() async throws {
        var seen: Set<FindingID> = []
        func check(_ uri: String, _ probes: ConnectionProbes, _ scenario: String) async throws {
            let results = await runLadder(uri, probes: probes)
            seen.formUnion(try Self.expectWorded(results.values.flatMap(\.findings), scenario))
        }
        let refusing = try RefusingPort()
        defer { withExtendedLifetime(refusing) {} }
        let mongo = try LoopbackListener(.reply(opMsgOKReply())), closing = try LoopbackListener(.close)
        let silent = try LoopbackListener(.silent), http = try LoopbackListener(.reply(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)))
        defer { [mongo, closing, silent, http].forEach { $0.stop() } }
        let host = Self.host

        // dns
        try await check("mongodb://nosuch.example.test/", probes(), "dns not found")
        try await check("mongodb+srv://c.example.test/", probes(), "srv not found")
        let srv = { (records: [SRVRecord], txt: [String]) in
            FakeResolver(hosts: ["n.c.example.test": [.v4]], srv: ["_mongodb._tcp.c.example.test": records], txt: ["c.example.test": txt])
        }
        try await check("mongodb+srv://c.example.test/", probes(srv([SRVRecord(priority: 0, weight: 0, port: silent.port, target: "evil.example.net")], [])), "srv outside")
        try await check("mongodb+srv://c.example.test/", probes(srv([SRVRecord(priority: 0, weight: 0, port: silent.port, target: "n.c.example.test")], ["a=1", "b=2"])), "txt twice")
        try await check("mongodb+srv://c.example.test/", probes(srv([SRVRecord(priority: 0, weight: 0, port: silent.port, target: "n.c.example.test")], ["tls=false"])), "txt bad")
        try await check("mongodb://localhost:\(mongo.port)/", probes(), "localhost ipv6")
        // tcp
        try await check("mongodb://\(host):\(refusing.port)/", probes(), "refused remote")
        try await check("mongodb://127.0.0.1:\(refusing.port)/", probes(FakeResolver(hosts: ["127.0.0.1": [.v4]])), "refused local")
        try await check("mongodb://\(host):\(closing.port)/", probes(), "closed")
        try await check("mongodb://\(host):\(silent.port)/", probes(), "silent")
        try await check("mongodb://\(host):\(http.port)/", probes(), "http")
        try await check("mongodb://numeric.example.test:\(silent.port)/",
                        probes(FakeResolver(hosts: ["numeric.example.test": [ResolvedAddress(ip: "not-an-address", family: .ipv4)]])), "unreachable")
        try await check("mongodb://\(host):\(closing.port)/", probes(tls: ScriptedTLSProber(result: TLSHandshakeResult(certificate: nil, failure: nil))), "tls only")
        // tls
        let failures: [TLSProbeFailure?] = [nil, .untrusted(code: 19, reason: "self-signed certificate in certificate chain"), .hostnameMismatch, .expired,
                                            .caFileUnreadable("no certificate in the file"), .handshakeFailed("wrong version number")]
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let caFile = dir.appending("ca.pem")
        try "not a certificate\n".write(toFile: caFile, atomically: true, encoding: .utf8)
        for failure in failures {
            let tls = ScriptedTLSProber(result: TLSHandshakeResult(certificate: nil, failure: failure))
            try await check("mongodb://\(host):\(silent.port)/?tls=true&tlsCAFile=\(caFile)", probes(tls: tls), "tls \(String(describing: failure))")
        }
        try await check("mongodb://\(host):\(silent.port)/?tls=true&tlsCAFile=/nonexistent/ca.pem",
                        probes(tls: ScriptedTLSProber(result: TLSHandshakeResult(certificate: nil, failure: nil))), "ca file missing")
        // hello: every libmongoc error the classifier knows, on a server the tcp stage reached
        let endpoint = "\(host):\(mongo.port)"
        let messages = ["connection refused calling hello on '\(endpoint)'", "Failed to resolve '\(host)'", "connection timeout calling hello",
                        "connection closed calling hello", "TLS handshake failed: hostname mismatch", "TLS handshake failed: certificate has expired",
                        "TLS handshake failed: certificate verify failed", "Cannot load Certificate Authorities from '/x.pem'", "TLS handshake failed",
                        "Invalid reply from server", "Failed to receive length header from server", "socket timeout calling hello",
                        "Server at \(endpoint) reports wire version 5, but this version of libmongoc requires at least 6", "something else entirely",
                        "Failed to look up SRV record \"_mongodb._tcp.\(host)\""]
        for message in messages {
            try await check("mongodb://\(endpoint)/?tlsCAFile=/x.pem&tls=false", probes(server: ScriptedServerProbe(hello: .failure(Self.failing(message)))), message)
        }
        try await check("mongodb://\(endpoint)/", probes(server: ScriptedServerProbe(hello: .failure(Self.failing("Invalid URI", domain: MongoError.Domain.command, code: MongoError.Code.commandInvalidArgument)))), "invalid argument")
        // topology
        var member = Self.hello
        member.setName = "rs0"
        member.hosts = ["mongo1:27017", "\(host):\(refusing.port)"]
        try await check("mongodb://\(endpoint)/?replicaSet=other", probes(server: ScriptedServerProbe(hello: .success(member))), "set name, no primary, members")
        try await check("mongodb://\(endpoint)/?replicaSet=rs0", probes(server: ScriptedServerProbe(hello: .success(Self.hello))), "standalone")
        // auth
        var sasl = Self.hello
        sasl.reply = ["ok": 1, "saslSupportedMechs": ["SCRAM-SHA-256"]]
        let authFailed: @Sendable (String) -> Result<BSONDocument, MongoError> = { uri in
            uri.contains("authSource=admin") ? .success(["ok": 1]) : .failure(Self.failing("Authentication failed.", domain: 1, code: 11))
        }
        try await check("mongodb://\(endpoint)/", probes(server: ScriptedServerProbe(hello: .success(Self.hello)) { _ in
            .failure(Self.failing("command listDatabases requires authentication", domain: 17, code: 13))
        }), "auth required")
        try await check("mongodb://u:pw@\(endpoint)/shop", probes(server: ScriptedServerProbe(hello: .success(Self.hello), command: authFailed)), "wrong source")
        try await check("mongodb://u:pw@\(endpoint)/?authSource=admin", probes(server: ScriptedServerProbe(hello: .success(Self.hello)) { _ in
            .failure(Self.failing("Authentication failed.", domain: 1, code: 11))
        }), "auth failed")
        try await check("mongodb://u:pw@\(endpoint)/?authMechanism=SCRAM-SHA-1", probes(server: ScriptedServerProbe(hello: .success(sasl), command: authFailed)), "mechanism")

        let connectionIDs = try DeclaredConnectionIDs.all()
        #expect(Set(connectionIDs).subtracting(seen.map(\.rawValue)).sorted() == [], "scenarios reach every connection finding id")
    }
}

/// The ids declared in Sources/DoctorChecks/ConnectionFindingIDs.swift.
enum DeclaredConnectionIDs {
    static func all() throws -> [String] {
        let path = ConfiguredLogCheckTests.diagnostics.deletingLastPathComponent().appendingPathComponent("Sources/DoctorChecks/ConnectionFindingIDs.swift").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard line.contains("FindingID = \""), let start = line.range(of: "= \"")?.upperBound else { return nil }
            return String(line[start...].prefix { $0 != "\"" })
        }
    }
}
