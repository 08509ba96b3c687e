/// What the server's certificate says, collected for evidence even when it fails verification.
public struct TLSCertificateInfo: Sendable, Equatable {
    /// The subject distinguished name on one line, RFC 2253 style ("CN=localhost,O=Example").
    public var subject: String
    /// The issuer distinguished name on one line, RFC 2253 style.
    public var issuer: String
    /// The DNS names and IP addresses of the subjectAltName extension, in certificate order.
    public var subjectAltNames: [String]
    /// The start of validity as OpenSSL prints it ("Jan  1 00:00:00 2020 GMT").
    public var notBefore: String
    /// The end of validity as OpenSSL prints it.
    public var notAfter: String

    /// Creates a certificate summary.
    public init(subject: String, issuer: String, subjectAltNames: [String], notBefore: String, notAfter: String) {
        self.subject = subject
        self.issuer = issuer
        self.subjectAltNames = subjectAltNames
        self.notBefore = notBefore
        self.notAfter = notAfter
    }
}
