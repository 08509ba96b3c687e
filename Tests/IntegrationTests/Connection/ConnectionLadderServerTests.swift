@testable import DoctorChecks
import DoctorCore
import MongoBridge
import TLSProbe
import Testing
import TestSupport

@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct ConnectionLadderServerTests {
    /// The per-stage timeout against the real servers: generous, because a loaded machine can make the
    /// Python test server slow to handshake, and these cases end on an answer, never on the timeout.
    static let serverTimeout: Duration = .seconds(15)

    let live = ConnectionProbes(resolver: LiveResolver(), dialer: LiveDialer(), tlsProber: OpenSSLProber(), server: LiveServerProbe())

    @Test func healthyServerPassesEveryStage() async throws {
        let results = await runLadder(try TestServer.requireURI(), probes: live, timeout: Self.serverTimeout)
        #expect(results.errorIDs.isEmpty)
        #expect(["uri", "dns", "tcp", "hello", "topology", "auth"].allSatisfy { results[$0]?.status == .passed })
        #expect(results["tls"]?.status == .skipped)
        #expect(results["hello"]?.detail.hasPrefix("MongoDB ") == true)
    }

    @Test func wrongReplicaSetName() async throws {
        let results = await runLadder(try TestServer.requireURI() + "?replicaSet=rs9", probes: live, timeout: Self.serverTimeout)
        let finding = try #require(results["topology"]?.findings.first)
        #expect(finding.id == "topology.set-name-mismatch")
        #expect(finding.evidence == ["URI replicaSet=rs9", "server setName: secantus"])
        #expect(results["auth"]?.status == .skipped)
    }

    @Test func replicaSetAskedOfAStandalone() async throws {
        let results = await runLadder(try TestServer.requireStandaloneURI() + "?replicaSet=rs0", probes: live, timeout: Self.serverTimeout)
        let finding = try #require(results["topology"]?.findings.first)
        #expect(finding.id == "topology.set-name-mismatch")
        #expect(finding.title.contains("not a replica-set member"))
        #expect(finding.fixes.first?.summary == "Remove replicaSet from the connection string")
    }

    @Test func standaloneIsReportedAsSuch() async throws {
        let results = await runLadder(try TestServer.requireStandaloneURI(), probes: live, timeout: Self.serverTimeout)
        #expect(results.errorIDs.isEmpty)
        #expect(results["hello"]?.detail.contains("standalone") == true)
    }

    @Test func wrongPasswordIsAuthFailedAndNeverPrinted() async throws {
        let uri = try TestServer.requireAuthURI().replacingAll("admin:", with: "admin:wrong")
        let results = await runLadder(uri, probes: live, timeout: Self.serverTimeout)
        #expect(results.errorIDs == ["auth.failed"])
    }

    @Test func userInAdminButPathDatabaseUsedIsWrongSource() async throws {
        let good = try TestServer.requireAuthURI()  // mongodb://admin:pw@127.0.0.1:port/?authSource=admin
        let uri = good.replacingAll("/?authSource=admin", with: "/shop")
        let results = await runLadder(uri, probes: live, timeout: Self.serverTimeout)
        #expect(results.errorIDs == ["auth.wrong-source"])
        #expect(results["auth"]?.findings.first?.fixes.first?.id == "uri.add-auth-source")
    }

    @Test func mechanismTheServerDoesNotOfferIsListedAgainstWhatItOffers() async throws {
        let results = await runLadder(try TestServer.requireAuthURI() + "&authMechanism=SCRAM-SHA-1", probes: live, timeout: Self.serverTimeout)
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
        let results = await runLadder(try TestServer.requireTLSURI(), probes: live, timeout: Self.serverTimeout)
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
        let results = await runLadder(try tlsParts().base + query, probes: live, timeout: Self.serverTimeout)
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
        let results = await runLadder("mongodb://db.internal.test:\(port)/?tls=true&tlsCAFile=\(ca)", probes: probes, timeout: Self.serverTimeout)
        #expect(results.errorIDs == ["tls.hostname-mismatch"])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
