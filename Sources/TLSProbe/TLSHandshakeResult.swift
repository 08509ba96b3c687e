/// The outcome of one TLS probe against one endpoint.
public struct TLSHandshakeResult: Sendable, Equatable {
    /// The peer's certificate, whenever the handshake got far enough to receive one.
    public var certificate: TLSCertificateInfo?
    /// `nil` when the handshake succeeded and the certificate passed the checks that were asked for.
    public var failure: TLSProbeFailure?

    /// Creates a result.
    public init(certificate: TLSCertificateInfo?, failure: TLSProbeFailure?) {
        self.certificate = certificate
        self.failure = failure
    }
}
