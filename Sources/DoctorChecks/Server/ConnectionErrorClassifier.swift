import ConnectionString
public import DoctorCore
public import MongoBridge
public import Redaction

/// Maps a libmongoc connection error to the finding that names its stage and cause.
///
/// Server selection errors are overwritten to 15/13053 by libmongoc, so the real stage is read
/// from the bracketed text (`[connection refused calling hello on 'h:p']`). The texts are those
/// of libmongoc 1.23 (see the README's finding table).
public struct ConnectionErrorClassifier: Sendable {
    /// Creates a classifier.
    public init() {}

    /// One rule: a finding id and title for messages containing `needle`.
    struct Rule: Sendable {
        var needle: String
        var id: FindingID
        var title: String
    }

    static let rules: [Rule] = [
        Rule(needle: MongoError.Phrase.connectionRefused, id: .tcpRefused, title: "Nothing is listening: the connection was refused"),
        Rule(needle: MongoError.Phrase.failedToResolve, id: .dnsNotFound, title: "The host name does not resolve"),
        Rule(needle: "Failed to look up SRV record", id: .dnsSrvNotFound, title: "The SRV record does not exist"),
        Rule(needle: "No SRV records", id: .dnsSrvNotFound, title: "The SRV record does not exist"),
        Rule(needle: MongoError.Phrase.connectionTimeout, id: .tcpTimeout, title: "The connection attempt timed out (packets dropped)"),
        Rule(needle: MongoError.Phrase.connectionClosed, id: .tcpClosed, title: "The server accepted the connection, then closed it"),
        Rule(needle: MongoError.Phrase.hostnameMismatch, id: .tlsHostnameMismatch, title: "The server's certificate does not name this host"),
        Rule(needle: MongoError.Phrase.certificateExpired, id: .tlsExpired, title: "The server's certificate has expired"),
        Rule(needle: MongoError.Phrase.certificateVerifyFailed, id: .tlsUntrusted, title: "The server's certificate is not trusted"),
        Rule(needle: "Cannot load Certificate Authorities", id: .tlsCaFileMissing, title: "The tlsCAFile cannot be read"),
        Rule(needle: MongoError.Phrase.tlsHandshakeFailed, id: .tlsNotSupported, title: "The TLS handshake failed"),
        Rule(needle: "Invalid reply from server", id: .tcpNotMongodb, title: "Something answered, but it is not MongoDB"),
        Rule(needle: "Failed to receive length header", id: .tcpNotMongodb, title: "Something answered, but it is not MongoDB"),
        Rule(needle: MongoError.Phrase.socketTimeout, id: .tcpNotMongodb, title: "Connected, but nothing answered the MongoDB handshake"),
        Rule(needle: MongoError.Phrase.wireVersion, id: .serverWireVersion, title: "The server is too old for this driver"),
        Rule(needle: MongoError.Phrase.authenticationFailed, id: .authFailed, title: "Authentication failed"),
    ]

    /// The finding for `error`, matched on libmongoc's message and showing it scrubbed with `scrubber`.
    /// `target` and `endpoint` (the server the stage talked to; `nil`: all seeds) give the values the
    /// catalog's wording names.
    public func finding(for error: MongoError, scrubber: TextScrubber, target: ConnectionTarget? = nil, endpoint: Endpoint? = nil) -> Finding {
        let message = error.message(scrubbing: scrubber)
        let evidence = ["libmongoc \(error.domain)/\(error.code): \(message)"]
        let finding: Finding
        if error.isAuthenticationFailure {
            finding = Finding(id: .authFailed, severity: .error, title: "Authentication failed", detail: message, evidence: evidence)
        } else if error.isInvalidArgument {
            finding = Finding(
                id: .uriDriverRejects, severity: .error, title: "libmongoc rejects this connection string",
                detail: message, evidence: evidence)
        } else if let rule = Self.rules.first(where: { error.rawMessage.contains($0.needle) }) {
            finding = Finding(id: rule.id, severity: .error, title: rule.title, detail: message, evidence: evidence)
        } else {
            finding = Finding(
                id: .serverUnreachable, severity: .error, title: "The server could not be reached", detail: message,
                evidence: evidence)
        }
        var result = finding
        result.values = Self.values(for: finding.id, message: message, target: target, endpoint: endpoint)
        return result
    }

    /// The catalog's placeholders for `id` at this site (see `_placeholders` in `Diagnostics/connection.json`);
    /// empty texts are left out, so the code's words stay rather than a blank.
    static func values(for id: FindingID, message: String, target: ConnectionTarget?, endpoint: Endpoint?) -> [String: String] {
        let endpointText = endpoint?.description ?? target?.seeds.map(\.description).joined(separator: ", ")
        let host = endpoint?.host ?? target?.seeds.first?.host
        var values: [String: String?] = [:]
        switch id {
        case .tcpRefused, .tcpTimeout, .tcpClosed, .tlsExpired:
            values = ["endpoint": endpointText]
        case .tcpNotMongodb, .tlsNotSupported, .tlsUntrusted:
            values = ["endpoint": endpointText, "reason": message]
        case .tlsHostnameMismatch:
            values = ["endpoint": endpointText, "host": host]
        case .tlsCaFileMissing:
            values = ["caFile": target?.caFile, "reason": message]
        case .dnsNotFound:
            values = ["host": host, "reason": message]
        case .dnsSrvNotFound:
            let service = target?.parsed.option("srvServiceName")?.stringValue ?? "mongodb"
            values = ["name": target?.parsed.hosts.first.map { "_\(service)._tcp.\($0.host)" }, "reason": message]
        case .authFailed:
            values = ["username": target.map { $0.username ?? "(no username)" }]
        case .uriDriverRejects:
            values = ["message": message]
        default:
            break
        }
        return values.compactMapValues { $0.flatMap { $0.isEmpty ? nil : $0 } }
    }
}
