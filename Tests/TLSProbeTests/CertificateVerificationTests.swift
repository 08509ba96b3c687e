import Testing
import TLSProbe
import TestSupport

/// Handshakes against real `openssl s_server` processes presenting real certificates.
@Suite("Certificate verification against openssl s_server")
struct CertificateVerificationTests {
    let prober = OpenSSLProber()

    @Test("verification outcome", arguments: VerificationCase.all)
    func verification(_ row: VerificationCase) async throws {
        let fixtures = try await offPool { try CertificateFixtures() }
        defer { fixtures.remove() }
        let server = try await offPool { try Self.startServer(for: row.served, fixtures: fixtures) }
        defer { server.stop() }

        let result = await prober.probe(
            ip: "127.0.0.1", port: server.port, serverName: row.serverName, caFile: caFile(row.trust, fixtures),
            allowInvalidCertificates: row.allowInvalidCertificates,
            allowInvalidHostnames: row.allowInvalidHostnames, timeout: .seconds(10)
        )

        #expect(row.matches(view(result.failure)), "got \(String(describing: result.failure))")
        #expect(result.certificate != nil, "the certificate is collected even when it fails verification")
    }

    @Test("a trusted certificate is described in full")
    func trustedCertificateDetails() async throws {
        let fixtures = try await offPool { try CertificateFixtures() }
        defer { fixtures.remove() }
        let server = try await offPool { try OpenSSLServer(fixtures.server, in: fixtures.directory) }
        defer { server.stop() }

        let result = await prober.probe(
            ip: "127.0.0.1", port: server.port, serverName: "localhost", caFile: fixtures.caFile,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: .seconds(10)
        )

        #expect(result.failure == nil)
        let certificate = try #require(result.certificate)
        #expect(certificate.subject == "CN=localhost")
        #expect(certificate.issuer == "CN=mongo-doctor Test CA")
        #expect(certificate.subjectAltNames == ["localhost", "127.0.0.1", "::1"])
        #expect(certificate.notBefore.hasSuffix("GMT"))
        #expect(certificate.notAfter.hasSuffix("GMT"))
    }

    @Test("an expired certificate keeps its dates and OpenSSL's untrusted text is kept")
    func expiredAndUntrustedDetails() async throws {
        let fixtures = try await offPool { try CertificateFixtures() }
        defer { fixtures.remove() }
        let expired = try await offPool { try OpenSSLServer(fixtures.expired, in: fixtures.directory) }
        defer { expired.stop() }
        let selfSigned = try await offPool { try OpenSSLServer(fixtures.selfSigned, in: fixtures.directory) }
        defer { selfSigned.stop() }

        let old = await prober.probe(
            ip: "127.0.0.1", port: expired.port, serverName: "localhost", caFile: fixtures.caFile,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: .seconds(10)
        )
        #expect(old.failure == .expired)
        #expect(old.certificate?.notBefore == "Jan  1 00:00:00 2020 GMT")
        #expect(old.certificate?.notAfter == "Jan  2 00:00:00 2020 GMT")

        let lonely = await prober.probe(
            ip: "127.0.0.1", port: selfSigned.port, serverName: "localhost", caFile: nil,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: .seconds(10)
        )
        #expect(lonely.failure == .untrusted(code: 18, reason: "self-signed certificate"))
        #expect(lonely.certificate?.subject == lonely.certificate?.issuer)
    }

    @Test("IPv6 loopback", .enabled(if: LoopbackSocket.isAvailable("::1")))
    func ipv6Loopback() async throws {
        let fixtures = try await offPool { try CertificateFixtures() }
        defer { fixtures.remove() }
        let server = try await offPool { try OpenSSLServer(fixtures.server, ip: "::1", in: fixtures.directory) }
        defer { server.stop() }

        let byName = await prober.probe(
            ip: "::1", port: server.port, serverName: "localhost", caFile: fixtures.caFile,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: .seconds(10)
        )
        let byAddress = await prober.probe(
            ip: "::1", port: server.port, serverName: "::1", caFile: fixtures.caFile,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: .seconds(10)
        )
        #expect(byName.failure == nil)
        #expect(byAddress.failure == nil)
    }

    private static func startServer(for served: VerificationCase.Served, fixtures: CertificateFixtures) throws -> OpenSSLServer {
        switch served {
        case .server: try OpenSSLServer(fixtures.server, in: fixtures.directory)
        case .serverWithChain: try OpenSSLServer(fixtures.server, chain: fixtures.caFile, in: fixtures.directory)
        case .selfSigned: try OpenSSLServer(fixtures.selfSigned, in: fixtures.directory)
        case .otherName: try OpenSSLServer(fixtures.otherName, in: fixtures.directory)
        case .expired: try OpenSSLServer(fixtures.expired, in: fixtures.directory)
        case .notYetValid: try OpenSSLServer(fixtures.notYetValid, in: fixtures.directory)
        }
    }

    private func caFile(_ trust: VerificationCase.Trust, _ fixtures: CertificateFixtures) -> String? {
        switch trust {
        case .testCA: fixtures.caFile
        case .otherCA: fixtures.otherCAFile
        case .systemStore: nil
        }
    }

    private func view(_ failure: TLSProbeFailure?) -> TLSProbeFailureView {
        switch failure {
        case nil: .none
        case .untrusted(let code, _): .untrusted(code)
        case .hostnameMismatch: .hostnameMismatch
        case .expired: .expired
        case .handshakeFailed(let text), .caFileUnreadable(let text): .other(text)
        }
    }
}
