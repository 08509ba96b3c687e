#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenSSL
import SocketKit

/// One client TLS session over a connected socket; sole owner of its SSL object.
///
/// It keeps the context and the socket alive, so the SSL is freed before the descriptor closes.
final class SSLConnection {
    /// The SSL, freed on deinit.
    private let pointer: OpaquePointer
    private let context: SSLContext
    private let socket: StreamSocket

    /// Prepares a session presenting `serverName` as SNI when it is a host name, and, when
    /// `verifyIdentity`, asking OpenSSL to check the certificate names `serverName` (host or IP).
    init(context: SSLContext, socket: StreamSocket, serverName: String, verifyIdentity: Bool) throws(ProbeAbort) {
        guard let made = SSL_new(context.pointer) else {
            let text = OpenSSLErrors.drainText(fallback: "out of memory")
            throw ProbeAbort(.handshakeFailed("cannot set up TLS: \(text)"))
        }
        pointer = made
        self.context = context
        self.socket = socket
        guard SSL_set_fd(pointer, socket.descriptor) == 1 else {
            let text = OpenSSLErrors.drainText(fallback: "cannot attach the socket")
            throw ProbeAbort(.handshakeFailed("cannot set up TLS: \(text)"))
        }
        let isIP = IPAddressText.isNumeric(serverName)
        if !isIP, !serverName.isEmpty {
            _ = md_ssl_set_sni(pointer, serverName)
        }
        if verifyIdentity, let parameters = SSL_get0_param(pointer) {
            X509_VERIFY_PARAM_set_hostflags(parameters, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            let accepted = isIP
                ? X509_VERIFY_PARAM_set1_ip_asc(parameters, serverName)
                : X509_VERIFY_PARAM_set1_host(parameters, serverName, 0)
            guard accepted == 1 else {
                OpenSSLErrors.clear()
                throw ProbeAbort(.handshakeFailed("cannot verify the name \"\(serverName)\": it is not a valid host name"))
            }
        }
    }

    deinit {
        SSL_free(pointer)
    }

    /// Runs the handshake to completion, waiting on the socket between steps; `nil` on success,
    /// otherwise a `handshakeFailed` explaining why (closed, reset, not TLS, timed out, alert).
    func handshake(until deadline: Deadline) -> TLSProbeFailure? {
        OpenSSLErrors.clear()
        while true {
            let status = SSL_connect(pointer)
            let savedErrno = errno
            if status == 1 { return nil }
            let kind = SSL_get_error(pointer, status)
            let events: SocketEvents
            switch kind {
            case SSL_ERROR_WANT_READ:
                events = .readable
            case SSL_ERROR_WANT_WRITE:
                events = .writable
            default:
                return HandshakeErrorText.failure(kind: kind, errno: savedErrno)
            }
            switch socket.wait(for: events, until: deadline) {
            case .ready:
                continue
            case .timedOut:
                OpenSSLErrors.clear()
                return .handshakeFailed("the TLS handshake timed out after \(deadline.budgetDescription) "
                    + "(the server may not speak TLS)")
            case .failed(let failure):
                OpenSSLErrors.clear()
                return .handshakeFailed("the TLS handshake failed: \(failure.text)")
            }
        }
    }

    /// The verify result OpenSSL recorded during the handshake (X509_V_OK when all checks passed).
    var verifyResult: Int {
        SSL_get_verify_result(pointer)
    }

    /// The certificate the server presented, if any.
    func peerCertificate() -> PeerCertificate? {
        SSL_get1_peer_certificate(pointer).map(PeerCertificate.init(taking:))
    }

    /// Sends close_notify once, without waiting for the peer's; errors are irrelevant here.
    func shutdown() {
        _ = SSL_shutdown(pointer)
        OpenSSLErrors.clear()
    }
}
