@testable import DoctorChecks
import TLSProbe
import DoctorCore
import MongoBridge
import Testing
import TestSupport

/// Stage logic with scripted DNS and server answers; the TCP side uses real loopback listeners.
@Suite struct ConnectionLadderOfflineTests {
    static let hello = ServerHello(version: "7.0.4", maxWireVersion: 21, setName: nil, isMongos: false, hosts: [], reply: ["ok": 1])

    func probes(_ resolver: FakeResolver, server: ScriptedServerProbe = ScriptedServerProbe(hello: .success(hello))) -> ConnectionProbes {
        ConnectionProbes(resolver: resolver, dialer: LiveDialer(), tlsProber: nil, server: server)
    }

    @Test func srvSeedsComeFromTheSRVRecords() async throws {
        let listener = try LoopbackListener(.silent)  // TLS URI: tcp only connects, it sends no hello
        defer { listener.stop() }
        let resolver = FakeResolver(
            hosts: ["node1.c.example.com": [.v4]],
            srv: ["_mongodb._tcp.c.example.com": [SRVRecord(priority: 0, weight: 0, port: listener.port, target: "node1.c.example.com")]],
            txt: ["c.example.com": ["authSource=admin&replicaSet=rs0"]])
        let results = await runLadder("mongodb+srv://c.example.com/", probes: probes(resolver))
        #expect(results["dns"]?.status == .passed)
        #expect(results["dns"]?.detail == "node1.c.example.com → 127.0.0.1")
        #expect(results["tcp"]?.status == .passed)
    }

    @Test("SRV and TXT problems", arguments: [
        ([SRVRecord(priority: 0, weight: 0, port: 27017, target: "evil.attacker.net")], ["authSource=admin"], "dns.srv-not-found"),
        ([SRVRecord(priority: 0, weight: 0, port: 27017, target: "n.c.example.com")], ["a=1", "b=2"], "dns.srv-txt-invalid"),
        ([SRVRecord(priority: 0, weight: 0, port: 27017, target: "n.c.example.com")], ["tls=false"], "dns.srv-txt-invalid"),
    ])
    func srvProblems(records: [SRVRecord], txt: [String], expected: String) async {
        let resolver = FakeResolver(hosts: ["n.c.example.com": [.v4]], srv: ["_mongodb._tcp.c.example.com": records],
                                    txt: ["c.example.com": txt])
        let results = await runLadder("mongodb+srv://c.example.com/", probes: probes(resolver))
        #expect(results["dns"]?.findings.map(\.id.rawValue).contains(expected) == true)
    }

    @Test func localhostAnsweringOnlyOnIPv4IsAWarning() async throws {
        let listener = try LoopbackListener(.reply(Self.opMsgReply()))
        defer { listener.stop() }
        let resolver = FakeResolver(hosts: ["localhost": [.v6, .v4]])
        let results = await runLadder("mongodb://localhost:\(listener.port)/", probes: probes(resolver))
        #expect(results["tcp"]?.status == .warning)
        #expect(results["tcp"]?.findings.map(\.id) == ["dns.localhost-ipv6"])
    }

    @Test func oneDeadSeedOfTwoIsOnlyAWarning() async throws {
        let listener = try LoopbackListener(.reply(Self.opMsgReply()))
        defer { listener.stop() }
        let dead = try RefusingPort()
        defer { withExtendedLifetime(dead) {} }
        let resolver = FakeResolver(hosts: ["127.0.0.1": [.v4]])
        let results = await runLadder("mongodb://127.0.0.1:\(listener.port),127.0.0.1:\(dead.port)/", probes: probes(resolver))
        #expect(results["tcp"]?.findings.map { "\($0.id):\($0.severity)" } == ["tcp.refused:warning"])
    }

    @Test func mechanismTheServerDoesNotOfferIsNamed() async throws {
        let listener = try LoopbackListener(.reply(Self.opMsgReply()))
        defer { listener.stop() }
        var hello = Self.hello
        hello.reply = ["ok": 1, "saslSupportedMechs": ["SCRAM-SHA-256"]]
        let server = ScriptedServerProbe(hello: .success(hello)) { _ in
            .failure(MongoError(domain: 1, code: 11, message: "Authentication failed."))
        }
        let results = await runLadder("mongodb://u:pw-1234@127.0.0.1:\(listener.port)/?authMechanism=SCRAM-SHA-1",
                                      probes: probes(FakeResolver(hosts: ["127.0.0.1": [.v4]]), server: server))
        let finding = try #require(results["auth"]?.findings.first)
        #expect(finding.id == "auth.mechanism")
        #expect(finding.title.contains("SCRAM-SHA-256"))
    }

    @Test func invalidURIStopsTheLadder() async {
        let results = await runLadder("postgres://localhost", probes: probes(FakeResolver()))
        #expect(results["uri"]?.status == .failed)
        #expect(results["uri"]?.findings.map(\.id) == ["uri.bad-scheme"])
        #expect(["dns", "tcp", "tls", "hello", "topology", "auth"].allSatisfy { results[$0]?.status == .skipped })
    }

    /// A minimal OP_MSG reply `{ok: 1}`.
    static func opMsgReply() -> [UInt8] { opMsgOKReply() }
}

@Suite struct TLSStageMappingTests {
    @Test func expiredCertificateIsNamedWithItsDates() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let certificate = TLSCertificateInfo(subject: "CN=db", issuer: "CN=ca", subjectAltNames: ["db"],
                                             notBefore: "Jan  1 00:00:00 2020 GMT", notAfter: "Jan  2 00:00:00 2020 GMT")
        let probes = ConnectionProbes(
            resolver: FakeResolver(hosts: ["127.0.0.1": [.v4]]), dialer: LiveDialer(),
            tlsProber: ScriptedTLSProber(result: TLSHandshakeResult(certificate: certificate, failure: .expired)),
            server: ScriptedServerProbe(hello: .success(ConnectionLadderOfflineTests.hello)))
        let results = await runLadder("mongodb://127.0.0.1:\(listener.port)/?tls=true", probes: probes)
        #expect(results.errorIDs == ["tls.expired"])
        #expect(results["tls"]?.findings.first?.evidence.contains("valid: Jan  1 00:00:00 2020 GMT → Jan  2 00:00:00 2020 GMT") == true)
    }
}
