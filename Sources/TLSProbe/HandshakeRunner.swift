/// One blocking probe: connect, handshake, collect the certificate, judge it.
///
/// Runs on a Dispatch thread (never on Swift's cooperative pool); every step honours one deadline.
struct HandshakeRunner: Sendable {
    let ip: String
    let port: Int
    let serverName: String
    let caFile: String?
    let allowInvalidCertificates: Bool
    let allowInvalidHostnames: Bool
    let timeout: Duration

    /// Runs the probe to its result; never throws and never outlives the timeout by more than a step.
    func run() -> TLSHandshakeResult {
        SIGPIPEGuard.run {
            defer { OpenSSLErrors.clear() }
            do throws(ProbeAbort) {
                return try attempt()
            } catch {
                return TLSHandshakeResult(certificate: nil, failure: error.failure)
            }
        }
    }

    private func attempt() throws(ProbeAbort) -> TLSHandshakeResult {
        let deadline = Deadline(after: timeout)
        let context = try SSLContext(caFile: caFile)
        let socket = try TCPSocket.open(ip: ip, port: port, deadline: deadline)
        let connection = try SSLConnection(
            context: context, socket: socket, serverName: serverName,
            verifyIdentity: !allowInvalidCertificates && !allowInvalidHostnames
        )
        let handshakeFailure = connection.handshake(until: deadline)
        let certificate = connection.peerCertificate()
        let info = certificate?.info
        if let handshakeFailure {
            return TLSHandshakeResult(certificate: info, failure: handshakeFailure)
        }
        connection.shutdown()
        return TLSHandshakeResult(certificate: info, failure: judge(certificate, verifyResult: connection.verifyResult))
    }

    /// The failure to report for a completed handshake, given what was allowed.
    private func judge(_ certificate: PeerCertificate?, verifyResult: Int) -> TLSProbeFailure? {
        guard let certificate else {
            return allowInvalidCertificates ? nil : .handshakeFailed("the server presented no certificate")
        }
        if !allowInvalidCertificates {
            return VerifyResultClassifier.failure(forVerifyCode: verifyResult)
        }
        // Invalid certificates are allowed; the name is still checked unless that is allowed too.
        if !allowInvalidHostnames, !certificate.names(serverName) {
            return .hostnameMismatch
        }
        return nil
    }
}
