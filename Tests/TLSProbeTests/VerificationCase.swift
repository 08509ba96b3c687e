/// One row of the certificate-verification table: which server, what the client trusts and asks for.
struct VerificationCase: Sendable, CustomStringConvertible {
    /// The certificate the server presents.
    enum Served: Sendable { case server, serverWithChain, selfSigned, otherName, expired, notYetValid }
    /// What the client trusts.
    enum Trust: Sendable { case testCA, otherCA, systemStore }
    /// The failure expected (`nil`: none); `untrusted` is matched on its code only.
    enum Expected: Sendable, Equatable { case none, untrusted(Int), hostnameMismatch, expired }

    let description: String
    let served: Served
    let trust: Trust
    var serverName = "localhost"
    var allowInvalidCertificates = false
    var allowInvalidHostnames = false
    let expected: Expected

    /// The table.
    static let all: [VerificationCase] = [
        .init(description: "trusted through the CA file", served: .server, trust: .testCA, expected: .none),
        .init(description: "trusted, server named by IP", served: .server, trust: .testCA,
              serverName: "127.0.0.1", expected: .none),
        .init(description: "self-signed, system store", served: .selfSigned, trust: .systemStore, expected: .untrusted(18)),
        .init(description: "self-signed, invalid certificates allowed", served: .selfSigned, trust: .systemStore,
              allowInvalidCertificates: true, expected: .none),
        .init(description: "unknown issuer, other CA file", served: .server, trust: .otherCA, expected: .untrusted(20)),
        .init(description: "unknown issuer, system store", served: .server, trust: .systemStore, expected: .untrusted(20)),
        .init(description: "self-signed root in the chain", served: .serverWithChain, trust: .otherCA,
              expected: .untrusted(19)),
        .init(description: "SAN other.example only", served: .otherName, trust: .testCA, expected: .hostnameMismatch),
        .init(description: "SAN other.example, invalid hostnames allowed", served: .otherName, trust: .testCA,
              allowInvalidHostnames: true, expected: .none),
        .init(description: "SAN other.example, only invalid certificates allowed", served: .otherName, trust: .testCA,
              allowInvalidCertificates: true, expected: .hostnameMismatch),
        .init(description: "IP not in the SANs", served: .otherName, trust: .testCA,
              serverName: "127.0.0.1", expected: .hostnameMismatch),
        .init(description: "expired", served: .expired, trust: .testCA, expected: .expired),
        .init(description: "expired, invalid certificates allowed", served: .expired, trust: .testCA,
              allowInvalidCertificates: true, expected: .none),
        .init(description: "not yet valid", served: .notYetValid, trust: .testCA, expected: .untrusted(9)),
    ]

    /// Whether `failure` is what this row expects.
    func matches(_ failure: TLSProbeFailureView) -> Bool {
        failure == TLSProbeFailureView(expected)
    }
}

/// A failure reduced to what the table compares (the untrusted text is OpenSSL's, not ours).
enum TLSProbeFailureView: Equatable {
    case none, untrusted(Int), hostnameMismatch, expired, other(String)

    init(_ expected: VerificationCase.Expected) {
        switch expected {
        case .none: self = .none
        case .untrusted(let code): self = .untrusted(code)
        case .hostnameMismatch: self = .hostnameMismatch
        case .expired: self = .expired
        }
    }
}
