/// Why a TLS probe did not end in a verified handshake.
public enum TLSProbeFailure: Sendable, Equatable {
    /// The chain does not lead to a trusted CA, or is otherwise invalid: OpenSSL's X509 verify code
    /// (18 self-signed, 19 self-signed in chain, 20 unable to get local issuer, 9 not yet valid, …)
    /// and OpenSSL's text for it.
    case untrusted(code: Int, reason: String)
    /// The certificate names neither the server name nor its IP address (verify codes 62 and 64, or
    /// our own check when invalid certificates are allowed but invalid hostnames are not).
    case hostnameMismatch
    /// The certificate, or one in its chain, has expired (verify code 10).
    case expired
    /// No TLS session came about: the connection failed, the peer does not speak TLS, closed the
    /// connection, or did not answer in time. One line of explanation.
    case handshakeFailed(String)
    /// The CA file cannot be opened or holds no PEM certificate, e.g.
    /// "cannot read CA file /x/ca.pem: No such file or directory".
    case caFileUnreadable(String)
}
