public import TLSProbe

/// The live `TLSProber` is `TLSProbe`'s OpenSSL prober itself, addressed by a resolved address.
extension OpenSSLProber: TLSProber {
    /// Handshakes with `address:port` through OpenSSL (see ``OpenSSLProber/probe(ip:port:serverName:caFile:allowInvalidCertificates:allowInvalidHostnames:timeout:)``).
    public func probe(
        address: ResolvedAddress, port: Int, serverName: String, caFile: String?,
        allowInvalidCertificates: Bool, allowInvalidHostnames: Bool, timeout: Duration
    ) async -> TLSHandshakeResult {
        await probe(
            ip: address.ip, port: port, serverName: serverName, caFile: caFile,
            allowInvalidCertificates: allowInvalidCertificates, allowInvalidHostnames: allowInvalidHostnames, timeout: timeout)
    }
}
