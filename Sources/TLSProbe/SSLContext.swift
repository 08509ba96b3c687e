#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenSSL

/// A client SSL_CTX that trusts either one CA file or the system store; sole owner of the SSL_CTX.
///
/// Peer verification runs but never aborts the handshake (SSL_VERIFY_NONE): the verify result is
/// read afterwards, so the certificate is always available for evidence.
final class SSLContext {
    /// The SSL_CTX, freed on deinit.
    let pointer: OpaquePointer

    /// Creates the context; throws `caFileUnreadable` when `caFile` cannot be opened or has no certificate.
    init(caFile: String?) throws(ProbeAbort) {
        guard let made = SSL_CTX_new(TLS_client_method()) else {
            let text = OpenSSLErrors.drainText(fallback: "out of memory")
            throw ProbeAbort(.handshakeFailed("cannot set up TLS: \(text)"))
        }
        pointer = made
        SSL_CTX_set_verify(pointer, SSL_VERIFY_NONE, nil)
        _ = md_ssl_ctx_clear_mode(pointer, md_ssl_mode_auto_retry())
        if let caFile {
            try Self.checkReadable(caFile)
            guard SSL_CTX_load_verify_locations(pointer, caFile, nil) == 1 else {
                let text = OpenSSLErrors.drainText(fallback: "no certificate found")
                throw ProbeAbort(.caFileUnreadable("cannot read CA file \(caFile): not a PEM certificate file (\(text))"))
            }
        } else {
            // A missing system store is not fatal here: verification will then report the issuer unknown.
            _ = SSL_CTX_set_default_verify_paths(pointer)
            OpenSSLErrors.clear()
        }
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    /// Throws with the system's reason when `path` cannot be opened for reading or is a directory.
    private static func checkReadable(_ path: String) throws(ProbeAbort) {
        guard let file = fopen(path, "r") else {
            throw ProbeAbort(.caFileUnreadable("cannot read CA file \(path): \(ProbeAbort.systemText(errno))"))
        }
        defer { fclose(file) }
        var info = stat()
        if fstat(fileno(file), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw ProbeAbort(.caFileUnreadable("cannot read CA file \(path): \(ProbeAbort.systemText(EISDIR))"))
        }
    }
}
