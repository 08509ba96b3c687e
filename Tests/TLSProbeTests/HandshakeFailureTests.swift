import Testing
import TLSProbe
import TestSupport

/// Peers that do not complete a TLS handshake: silent, closing, plaintext, absent.
@Suite("Handshake failures against plaintext peers")
struct HandshakeFailureTests {
    let prober = OpenSSLProber()

    /// A plaintext peer and words the one-line failure must contain.
    struct PeerCase: Sendable, CustomStringConvertible {
        let description: String
        let behaviour: LoopbackListener.Behaviour
        let expectedFragments: [String]
    }

    static let peers: [PeerCase] = [
        PeerCase(description: "closes at once", behaviour: .close,
                 expectedFragments: ["connection during the TLS handshake", "may not speak TLS"]),
        PeerCase(description: "answers in HTTP", behaviour: .reply(Array("HTTP/1.0 400 Bad Request\r\n\r\nnot TLS\n".utf8)),
                 expectedFragments: ["not TLS", "may not speak TLS"]),
        PeerCase(description: "answers like a MongoDB wire message", behaviour: .reply(Array("\u{3a}\0\0\0garbage-bytes".utf8)),
                 expectedFragments: ["may not speak TLS"]),
    ]

    @Test("a plaintext peer fails the handshake with one line", arguments: peers)
    func plaintextPeer(_ peer: PeerCase) async throws {
        let listener = try LoopbackListener(peer.behaviour)
        defer { listener.stop() }

        let result = await probe(port: listener.port, timeout: .seconds(5))

        guard case .handshakeFailed(let text) = result.failure else {
            Issue.record("expected handshakeFailed, got \(String(describing: result.failure))")
            return
        }
        for fragment in peer.expectedFragments {
            #expect(text.contains(fragment), "\(text)")
        }
        #expect(!text.contains("\n"))
        #expect(result.certificate == nil)
    }

    @Test("a silent peer fails within about the timeout", arguments: [Duration.milliseconds(300), .seconds(1)])
    func silentPeer(_ timeout: Duration) async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }

        let clock = ContinuousClock()
        var result: TLSHandshakeResult?
        let elapsed = await clock.measure { result = await probe(port: listener.port, timeout: timeout) }

        guard case .handshakeFailed(let text) = result?.failure else {
            Issue.record("expected handshakeFailed, got \(String(describing: result?.failure))")
            return
        }
        #expect(text.contains("timed out after"), "\(text)")
        // Only the lower bound is asserted here: an upper bound on wall time would measure the test
        // machine's load. How fast a verdict comes is measured in Benchmarks/time-to-verdict.
        #expect(elapsed >= timeout)
    }

    @Test("a peer that never answers the connect fails within about the timeout")
    func unansweredConnect() async throws {
        let listener = try SaturatedListener()
        defer { listener.stop() }

        let clock = ContinuousClock()
        var result: TLSHandshakeResult?
        let elapsed = await clock.measure { result = await probe(port: listener.port, timeout: .milliseconds(500)) }

        // The dropped SYN normally makes the connect itself time out; should a kernel complete it
        // anyway, the handshake times out instead. Either way the budget holds.
        guard case .handshakeFailed(let text) = result?.failure else {
            Issue.record("expected handshakeFailed, got \(String(describing: result?.failure))")
            return
        }
        #expect(text.contains("timed out after 0.5 seconds"), "\(text)")
        #expect(elapsed >= .milliseconds(500))
    }

    @Test("a closed port fails with the system's reason")
    func refused() async throws {
        let port = try RefusingPort.reservedForProcess()
        let result = await probe(port: port, timeout: .seconds(5))
        #expect(result == TLSHandshakeResult(
            certificate: nil,
            failure: .handshakeFailed("cannot connect to 127.0.0.1:\(port): Connection refused")
        ))
    }

    private func probe(port: Int, timeout: Duration) async -> TLSHandshakeResult {
        await prober.probe(
            ip: "127.0.0.1", port: port, serverName: "localhost", caFile: nil,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: timeout
        )
    }
}
