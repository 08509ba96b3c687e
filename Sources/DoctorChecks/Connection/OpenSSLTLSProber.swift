public import TLSProbe

/// The real `TLSProber`: OpenSSL handshakes through the `TLSProbe` target.
public struct OpenSSLTLSProber: TLSProber {
    private let prober = OpenSSLProber()

    /// Creates the prober.
    public init() {}

    public func probe(
        address: ResolvedAddress, port: Int, serverName: String, caFile: String?,
        allowInvalidCertificates: Bool, allowInvalidHostnames: Bool, timeout: Duration
    ) async -> TLSHandshakeResult {
        await prober.probe(
            ip: address.ip, port: port, serverName: serverName, caFile: caFile,
            allowInvalidCertificates: allowInvalidCertificates, allowInvalidHostnames: allowInvalidHostnames, timeout: timeout)
    }
}
