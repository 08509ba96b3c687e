#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocketKit

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
        let socket = try connect(until: deadline)
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

    /// A TCP connection to `ip:port`, or the abort that explains why there is none.
    private func connect(until deadline: Deadline) throws(ProbeAbort) -> StreamSocket {
        let endpoint = IPAddressText.endpoint(ip, port: port)
        guard let address = SocketAddress(ip: ip, port: port) else {
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): not a numeric IP address and port"))
        }
        switch StreamSocket.connect(to: address, until: deadline) {
        case .connected(let socket):
            return socket
        case .refused:
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): \(ProbeAbort.systemText(ECONNREFUSED))"))
        case .timedOut:
            throw ProbeAbort(.handshakeFailed("connecting to \(endpoint) timed out after \(deadline.budgetDescription)"))
        case .failed(let failure) where failure.call == .socket:
            throw ProbeAbort(.handshakeFailed("cannot create a socket: \(failure.text)"))
        case .failed(let failure):
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): \(failure.text)"))
        }
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
