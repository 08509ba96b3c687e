import DoctorCore

/// Why a DNS lookup failed.
public enum DNSFailure: Error, Sendable, Equatable {
    /// The name does not exist (NXDOMAIN / EAI_NONAME).
    case notFound
    /// The name exists but has no records of that type.
    case noData
    /// The resolver did not answer in time, or answered "try again".
    case temporary(String)
    /// Anything else, with the resolver's text.
    case other(String)

    /// One line for a finding's evidence.
    public var explanation: String {
        switch self {
        case .notFound: "the name does not exist"
        case .noData: "the name exists but has no records of this type"
        case .temporary(let text): "the resolver did not answer (\(text))"
        case .other(let text): text
        }
    }
}

/// Name resolution for the `dns` stage; injected so tests can script answers.
public protocol HostResolver: Sendable {
    /// Every IPv4 and IPv6 address of `host` (numeric hosts resolve to themselves).
    func addresses(of host: String, timeout: Duration) async throws(DNSFailure) -> [ResolvedAddress]
    /// The SRV records of `name` (e.g. `_mongodb._tcp.cluster0.example.net`).
    func srvRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [SRVRecord]
    /// The TXT records of `name`.
    func txtRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [String]
}
