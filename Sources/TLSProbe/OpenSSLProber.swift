import BlockingWork

/// Probes a server's TLS with the system OpenSSL: TCP connect, handshake, certificate checks.
///
/// Every probe runs on a thread of its own (`BlockingExecutor`), off Swift's cooperative pool, and is
/// bounded by its timeout (connect and handshake together). Failures are results, never errors.
public struct OpenSSLProber: Sendable {
    /// Creates a prober.
    public init() {}

    /// Connects to `ip:port`, does a TLS handshake and checks the server's certificate.
    ///
    /// - Parameters:
    ///   - ip: A numeric address ("127.0.0.1" or "::1").
    ///   - port: The TCP port.
    ///   - serverName: The name the client asked for: sent as SNI when it is a host name, and the name
    ///     the certificate must carry (host name or IP address).
    ///   - caFile: A PEM file of trusted CAs; `nil` trusts the system default store.
    ///   - allowInvalidCertificates: Report no verification failure (the name is still checked
    ///     unless `allowInvalidHostnames`).
    ///   - allowInvalidHostnames: Do not check that the certificate names `serverName`.
    ///   - timeout: The budget for connecting and handshaking together.
    /// - Returns: The certificate (whenever one was received) and the failure, if any.
    public func probe(
        ip: String, port: Int, serverName: String, caFile: String?,
        allowInvalidCertificates: Bool, allowInvalidHostnames: Bool, timeout: Duration
    ) async -> TLSHandshakeResult {
        // An empty name would make OpenSSL skip the identity check while still reporting success:
        // check the certificate against the address instead.
        let name = serverName.isEmpty ? ip : serverName
        let runner = HandshakeRunner(
            ip: ip, port: port, serverName: name, caFile: caFile,
            allowInvalidCertificates: allowInvalidCertificates,
            allowInvalidHostnames: allowInvalidHostnames, timeout: timeout
        )
        return await BlockingExecutor.dedicatedThread { runner.run() }
    }
}
