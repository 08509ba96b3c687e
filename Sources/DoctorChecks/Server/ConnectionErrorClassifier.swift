import Redaction
import DoctorCore
import MongoBridge

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
        var id: String
        var title: String
    }

    static let rules: [Rule] = [
        Rule(needle: "connection refused", id: "tcp.refused", title: "Nothing is listening: the connection was refused"),
        Rule(needle: "Failed to resolve", id: "dns.not-found", title: "The host name does not resolve"),
        Rule(needle: "Failed to look up SRV record", id: "dns.srv-not-found", title: "The SRV record does not exist"),
        Rule(needle: "No SRV records", id: "dns.srv-not-found", title: "The SRV record does not exist"),
        Rule(needle: "connection timeout", id: "tcp.timeout", title: "The connection attempt timed out (packets dropped)"),
        Rule(needle: "connection closed", id: "tcp.closed", title: "The server accepted the connection, then closed it"),
        Rule(needle: "hostname mismatch", id: "tls.hostname-mismatch", title: "The server's certificate does not name this host"),
        Rule(needle: "certificate has expired", id: "tls.expired", title: "The server's certificate has expired"),
        Rule(needle: "certificate verify failed", id: "tls.untrusted", title: "The server's certificate is not trusted"),
        Rule(needle: "Cannot load Certificate Authorities", id: "tls.ca-file-missing", title: "The tlsCAFile cannot be read"),
        Rule(needle: "TLS handshake failed", id: "tls.not-supported", title: "The TLS handshake failed"),
        Rule(needle: "Invalid reply from server", id: "tcp.not-mongodb", title: "Something answered, but it is not MongoDB"),
        Rule(needle: "Failed to receive length header", id: "tcp.not-mongodb", title: "Something answered, but it is not MongoDB"),
        Rule(needle: "socket timeout", id: "tcp.not-mongodb", title: "Connected, but nothing answered the MongoDB handshake"),
        Rule(needle: "reports wire version", id: "server.wire-version", title: "The server is too old for this driver"),
        Rule(needle: "Authentication failed", id: "auth.failed", title: "Authentication failed"),
    ]

    /// The finding for `error`, matched on libmongoc's message and showing it scrubbed with `scrubber`.
    public func finding(for error: MongoError, scrubber: TextScrubber) -> Finding {
        let message = error.message(scrubbing: scrubber)
        let evidence = ["libmongoc \(error.domain)/\(error.code): \(message)"]
        if error.domain == MongoError.Domain.client && error.code == 11 {
            return Finding(id: "auth.failed", severity: .error, title: "Authentication failed", detail: message, evidence: evidence)
        }
        if error.domain == MongoError.Domain.command && error.code == 22 {
            return Finding(
                id: "uri.driver-rejects", severity: .error, title: "libmongoc rejects this connection string",
                detail: message, evidence: evidence)
        }
        if let rule = Self.rules.first(where: { error.rawMessage.contains($0.needle) }) {
            return Finding(id: rule.id, severity: .error, title: rule.title, detail: message, evidence: evidence)
        }
        return Finding(
            id: "server.unreachable", severity: .error, title: "The server could not be reached", detail: message,
            evidence: evidence)
    }
}
