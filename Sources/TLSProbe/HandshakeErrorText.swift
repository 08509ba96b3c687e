#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenSSL

/// One-line explanations of a failed SSL_connect, from SSL_get_error and the error queue.
enum HandshakeErrorText {
    /// The peer ended the connection cleanly (EOF) before the handshake finished.
    static let closed = "the server closed the connection during the TLS handshake (it may not speak TLS)"
    /// The peer reset the connection before the handshake finished.
    static let reset = "the server reset the connection during the TLS handshake (it may not speak TLS)"

    /// Reasons OpenSSL gives when the bytes that came back are not a TLS record.
    private static let notTLSReasons: Set<Int32> = [
        SSL_R_WRONG_VERSION_NUMBER, SSL_R_PACKET_LENGTH_TOO_LONG, SSL_R_RECORD_LENGTH_MISMATCH,
        SSL_R_HTTP_REQUEST, SSL_R_HTTPS_PROXY_REQUEST, SSL_R_UNKNOWN_PROTOCOL,
    ]

    /// The failure for an SSL_get_error `kind` other than WANT_READ/WANT_WRITE; clears the queue.
    static func failure(kind: Int32, errno code: Int32) -> TLSProbeFailure {
        defer { OpenSSLErrors.clear() }
        let queued = OpenSSLErrors.firstCode()
        switch kind {
        case SSL_ERROR_ZERO_RETURN:
            return .handshakeFailed(closed)
        case SSL_ERROR_SYSCALL where queued == 0:
            if code == 0 { return .handshakeFailed(closed) }
            if code == ECONNRESET || code == EPIPE { return .handshakeFailed(reset) }
            return .handshakeFailed("the TLS handshake failed: \(ProbeAbort.systemText(code))")
        default:
            guard queued != 0 else { return .handshakeFailed("the TLS handshake failed (SSL error \(kind))") }
            let reason = OpenSSLErrors.reason(of: queued)
            let text = OpenSSLErrors.reasonText(of: queued)
            if reason == SSL_R_UNEXPECTED_EOF_WHILE_READING { return .handshakeFailed(closed) }
            if notTLSReasons.contains(reason) {
                return .handshakeFailed("the server answered with something that is not TLS (\(text)); it may not speak TLS")
            }
            return .handshakeFailed("the TLS handshake failed: \(text)")
        }
    }
}
