@testable import DoctorChecks
import DoctorCore
import MongoBridge
import Testing
import TestSupport

/// The whole ladder with the real resolver, dialer and libmongoc, against real loopback peers.
@Suite struct ConnectionLadderLoopbackTests {
    let live = ConnectionProbes(resolver: SystemResolver(), dialer: SocketDialer(), tlsProber: nil, server: LibmongocServerProbe())

    @Test func refusedPort() async throws {
        let refusing = try RefusingPort()
        defer { withExtendedLifetime(refusing) {} }
        let results = await runLadder("mongodb://127.0.0.1:\(refusing.port)/", probes: live)
        #expect(results.errorIDs == ["tcp.refused"])
        #expect(results["hello"]?.detail == "skipped: tls skipped")
    }

    @Test func droppedConnectionTimesOut() async throws {
        let listener = try SaturatedListener()
        defer { listener.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(listener.port)/", probes: live, timeout: .milliseconds(500))
        #expect(results.errorIDs == ["tcp.timeout"])
    }

    @Test("peers that are not MongoDB", arguments: [
        ("silent", "tcp.not-mongodb"), ("close", "tcp.closed"), ("http", "tcp.not-mongodb"),
    ])
    func notMongo(kind: String, expected: String) async throws {
        let behaviour: LoopbackListener.Behaviour = switch kind {
        case "silent": .silent
        case "close": .close
        default: .reply(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8))
        }
        let listener = try LoopbackListener(behaviour)
        defer { listener.stop() }
        // Only the silent peer waits the whole timeout; the others answer at once.
        let results = await runLadder("mongodb://127.0.0.1:\(listener.port)/", probes: live,
                                      timeout: kind == "silent" ? .milliseconds(500) : .seconds(5))
        #expect(results.errorIDs == [expected])
        if kind == "http" { #expect(results["tcp"]?.findings.first?.detail.contains("HTTP/1.1 400") == true, "\(String(describing: results["tcp"]?.findings.first))") }
    }

    @Test("unknown names", arguments: [
        ("mongodb://nosuchhost.invalid:27017/", "dns.not-found"),
        ("mongodb+srv://cluster0.nosuch.invalid/", "dns.srv-not-found"),
    ])
    func unknownNames(uri: String, expected: String) async {
        let results = await runLadder(uri, probes: live)
        #expect(results.errorIDs == [expected])
    }

    @Test func membersAdvertisingUnresolvableAndUnreachableNames() async throws {
        // A scripted wire peer: a real replica set cannot be built here, and the classic failure is a
        // set whose members advertise docker-compose names (mongo1) that this machine cannot resolve.
        let dead = try RefusingPort()
        defer { withExtendedLifetime(dead) {} }
        let peer = try ScriptedWirePeer(reply: [
            "ok": 1.0, "isWritablePrimary": true, "setName": "rs0", "maxWireVersion": 17, "minWireVersion": 0,
            "hosts": ["mongo1.invalid:27017", .string("127.0.0.1:\(dead.port)")], "primary": "mongo1.invalid:27017",
            "me": "mongo1.invalid:27017", "maxBsonObjectSize": 16_777_216, "maxMessageSizeBytes": 48_000_000,
            "maxWriteBatchSize": 100_000, "version": "7.0.4",
        ])
        defer { peer.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(peer.port)/", probes: live, timeout: .seconds(5))
        #expect(results["hello"]?.status == .passed, "\(results.values.map { "\($0.id): \($0.status) \($0.detail)" })")
        let topology = try #require(results["topology"])
        #expect(topology.findings.map(\.id) == ["topology.member-unresolvable", "topology.member-unreachable"])
        #expect(topology.findings.first?.evidence.first?.hasPrefix("mongo1.invalid:27017") == true)
        #expect(topology.findings.first?.fixes.first?.summary.contains("directConnection=true") == true)
        #expect(results["auth"]?.status == .skipped)
    }
}

extension ConnectionLadderLoopbackTests {
    static func helloReply(_ extra: BSONDocument) -> BSONDocument {
        var reply: BSONDocument = ["ok": 1.0, "maxWireVersion": 17, "minWireVersion": 0, "maxBsonObjectSize": 16_777_216,
                                   "maxMessageSizeBytes": 48_000_000, "maxWriteBatchSize": 100_000, "version": "7.0.4"]
        for (key, value) in zip(extra.keys, extra.values) { reply[key] = value }
        return reply
    }

    @Test func serverTooOldForLibmongoc() async throws {
        // Scripted: no MongoDB older than 3.6 can run here. libmongoc 1.23 needs wire version 6.
        let peer = try ScriptedWirePeer(reply: Self.helloReply(["isWritablePrimary": true, "ismaster": true, "maxWireVersion": 5, "version": "3.4.24"]))
        defer { peer.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(peer.port)/", probes: live, timeout: .seconds(5))
        #expect(results.errorIDs == ["server.wire-version"])
    }

    @Test func replicaSetWithoutPrimary() async throws {
        let peer = try ScriptedWirePeer(reply: Self.helloReply([
            "isWritablePrimary": false, "secondary": true, "setName": "rs0", "hosts": .array([.string("127.0.0.1:\(0)")]),
        ]))
        defer { peer.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(peer.port)/?directConnection=true", probes: live, timeout: .seconds(5))
        #expect(results["topology"]?.findings.map(\.id) == ["topology.no-primary"])
    }
}

@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct ConnectionLadderServerTests {
    let live = ConnectionProbes(resolver: SystemResolver(), dialer: SocketDialer(), tlsProber: OpenSSLTLSProber(), server: LibmongocServerProbe())

    @Test func healthyServerPassesEveryStage() async throws {
        let results = await runLadder(try TestServer.requireURI(), probes: live)
        #expect(results.errorIDs.isEmpty)
        #expect(["uri", "dns", "tcp", "hello", "topology", "auth"].allSatisfy { results[$0]?.status == .passed })
        #expect(results["tls"]?.status == .skipped)
        #expect(results["hello"]?.detail.hasPrefix("MongoDB ") == true)
    }

    @Test func wrongReplicaSetName() async throws {
        let results = await runLadder(try TestServer.requireURI() + "?replicaSet=rs9", probes: live)
        let finding = try #require(results["topology"]?.findings.first)
        #expect(finding.id == "topology.set-name-mismatch")
        #expect(finding.evidence == ["URI replicaSet=rs9", "server setName: secantus"])
        #expect(results["auth"]?.status == .skipped)
    }

    @Test func replicaSetAskedOfAStandalone() async throws {
        let results = await runLadder(try TestServer.requireStandaloneURI() + "?replicaSet=rs0", probes: live)
        let finding = try #require(results["topology"]?.findings.first)
        #expect(finding.id == "topology.set-name-mismatch")
        #expect(finding.title.contains("not a replica-set member"))
        #expect(finding.fixes.first?.summary == "Remove replicaSet from the connection string")
    }

    @Test func standaloneIsReportedAsSuch() async throws {
        let results = await runLadder(try TestServer.requireStandaloneURI(), probes: live)
        #expect(results.errorIDs.isEmpty)
        #expect(results["hello"]?.detail.contains("standalone") == true)
    }

    @Test func wrongPasswordIsAuthFailedAndNeverPrinted() async throws {
        let uri = try TestServer.requireAuthURI().replacingAll("admin:", with: "admin:wrong")
        let results = await runLadder(uri, probes: live)
        #expect(results.errorIDs == ["auth.failed"])
    }

    @Test func userInAdminButPathDatabaseUsedIsWrongSource() async throws {
        let good = try TestServer.requireAuthURI()  // mongodb://admin:pw@127.0.0.1:port/?authSource=admin
        let uri = good.replacingAll("/?authSource=admin", with: "/shop")
        let results = await runLadder(uri, probes: live)
        #expect(results.errorIDs == ["auth.wrong-source"])
        #expect(results["auth"]?.findings.first?.fixes.first?.id == "uri.add-auth-source")
    }

    @Test func mechanismTheServerDoesNotOfferIsListedAgainstWhatItOffers() async throws {
        let results = await runLadder(try TestServer.requireAuthURI() + "&authMechanism=SCRAM-SHA-1", probes: live)
        #expect(results.errorIDs == ["auth.mechanism"])
        #expect(results["auth"]?.findings.first?.evidence.contains { $0.hasPrefix("saslSupportedMechs: ") } == true)
    }

    @Test func noCredentialsAgainstAnAuthServerIsAuthRequired() async throws {
        let good = try TestServer.requireAuthURI()
        let port = try #require(good.split(separator: ":").last?.split(separator: "/").first)
        let results = await runLadder("mongodb://127.0.0.1:\(port)/", probes: live)
        #expect(results.errorIDs == ["auth.required"])
    }

    @Test func tlsAskedOfAPlaintextServer() async throws {
        let uri = try TestServer.requireURI() + "?tls=true&tlsAllowInvalidCertificates=true"
        let results = await runLadder(uri, probes: live, timeout: .seconds(1))
        #expect(results["tcp"]?.status == .passed)
        #expect(results.errorIDs == ["tls.not-supported"])
        #expect(results["tls"]?.findings.first?.title.contains("answers in plaintext") == true)
    }

    /// The TLS server's URI without its query (no tls, no tlsCAFile), and its CA file.
    func tlsParts() throws -> (base: String, caFile: String) {
        let uri = try TestServer.requireTLSURI()
        let base = String(uri.split(separator: "?")[0])
        let ca = try #require(uri.split(separator: "tlsCAFile=").last.map(String.init))
        return (base, ca)
    }

    @Test func tlsServerWithItsCAIsVerified() async throws {
        let results = await runLadder(try TestServer.requireTLSURI(), probes: live)
        #expect(results.errorIDs.isEmpty)
        #expect(results["tls"]?.detail.contains("verified (CN=localhost)") == true)
        let certificate = try #require(results["tls"]?.findings.first)
        #expect(certificate.id == "tls.certificate" && certificate.severity == .info)
        #expect(certificate.evidence.contains("issuer: CN=mongo-doctor test CA"))
        #expect(certificate.evidence.contains { $0.hasPrefix("valid: ") })
    }

    @Test("TLS failures against the real TLS server", arguments: [
        ("", "tls.required"),
        ("?tls=true", "tls.untrusted"),
        ("?tls=true&tlsCAFile=/nonexistent/ca.pem", "tls.ca-file-missing"),
    ])
    func tlsFailures(query: String, expected: String) async throws {
        let results = await runLadder(try tlsParts().base + query, probes: live)
        #expect(results.errorIDs == [expected])
        if expected == "tls.untrusted" {
            let evidence = results["tls"]?.findings.first?.evidence ?? []
            #expect(evidence.contains("issuer: CN=mongo-doctor test CA"))
            #expect(evidence.contains { $0.hasPrefix("subjectAltName: localhost") })
        }
    }

    @Test func certificateNotNamingTheHostIsAMismatch() async throws {
        // A name that resolves to 127.0.0.1 here but is not in the certificate's SANs.
        let (base, ca) = try tlsParts()
        let port = try #require(base.split(separator: ":").last?.split(separator: "/").first)
        var probes = live
        probes.resolver = FakeResolver(hosts: ["db.internal.test": [.v4]])
        let results = await runLadder("mongodb://db.internal.test:\(port)/?tls=true&tlsCAFile=\(ca)", probes: probes)
        #expect(results.errorIDs == ["tls.hostname-mismatch"])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
