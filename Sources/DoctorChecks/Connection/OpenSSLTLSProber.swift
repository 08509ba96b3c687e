import TLSProbe

/// The real `TLSProber`: OpenSSL handshakes through the `TLSProbe` target.
public struct OpenSSLTLSProber: TLSProber {
    private let prober = OpenSSLProber()

    /// Creates the prober.
    public init() {}

    public func probe(
        address: ResolvedAddress, port: Int, serverName: String, caFile: String?,
        allowInvalidCertificates: Bool, allowInvalidHostnames: Bool, timeout: Duration
    ) async -> TLSProbeResult {
        let result = await prober.probe(
            ip: address.ip, port: port, serverName: serverName, caFile: caFile,
            allowInvalidCertificates: allowInvalidCertificates, allowInvalidHostnames: allowInvalidHostnames, timeout: timeout)
        return TLSProbeResult(certificate: result.certificate.map(Self.summary), failure: result.failure.map(Self.failure))
    }

    static func summary(_ info: TLSCertificateInfo) -> CertificateSummary {
        CertificateSummary(subject: info.subject, issuer: info.issuer, subjectAltNames: info.subjectAltNames,
                           notBefore: info.notBefore, notAfter: info.notAfter)
    }

    static func failure(_ failure: TLSProbeFailure) -> TLSFailure {
        switch failure {
        case .untrusted(let code, let reason): .untrusted(code: code, reason: reason)
        case .hostnameMismatch: .hostnameMismatch
        case .expired: .expired
        case .handshakeFailed(let text): .handshakeFailed(text)
        case .caFileUnreadable(let text): .caFileUnreadable(text)
        }
    }
}
