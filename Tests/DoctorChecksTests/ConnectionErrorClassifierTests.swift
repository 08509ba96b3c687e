import ConnectionString
import Redaction
import DoctorChecks
import DoctorCore
import MongoBridge
import Testing

/// Messages are libmongoc 1.23's own, as listed in mongodb-failures.md §3 (rows marked "probe"
/// were produced by libmongoc 1.23.1 on Debian 12).
@Suite struct ConnectionErrorClassifierTests {
    static let cases: [(UInt32, UInt32, String, String)] = [
        (15, 13053, "No suitable servers found (`serverSelectionTryOnce` set): [connection refused calling hello on 'localhost:27999']", "tcp.refused"),
        (15, 13053, "No suitable servers found (`serverSelectionTryOnce` set): [Failed to resolve 'ss@localhost']", "dns.not-found"),
        (2, 3, "Failed to look up SRV record \"_mongodb._tcp.cluster0.abcde.mongodb.net\": The specified host is unknown.", "dns.srv-not-found"),
        (15, 13053, "No suitable servers found: `serverselectiontimeoutms` timed out: [connection timeout calling hello on '10.0.0.1:27017']", "tcp.timeout"),
        (15, 13053, "No suitable servers found (`serverSelectionTryOnce` set): [connection closed calling hello on 'localhost:27999']", "tcp.closed"),
        (15, 13053, "No suitable servers found (`serverSelectionTryOnce` set): [socket timeout calling hello on 'localhost:27999']", "tcp.not-mongodb"),
        (15, 13053, "No suitable servers found (`serverSelectionTryOnce` set): [Invalid reply from server. calling hello on 'localhost:8080']", "tcp.not-mongodb"),
        (15, 13053, "[TLS handshake failed: certificate verify failed (18): self-signed certificate calling hello on 'localhost:27443']", "tls.untrusted"),
        (15, 13053, "[TLS handshake failed: certificate verify failed (62): hostname mismatch calling hello on 'x:1']", "tls.hostname-mismatch"),
        (15, 13053, "[TLS handshake failed: Connection timed out calling hello on 'localhost:27017']", "tls.not-supported"),
        (3, 15, "Server at localhost:27017 reports wire version 5, but this version of libmongoc requires at least 6 (MongoDB 3.6)", "server.wire-version"),
        (1, 11, "Authentication failed.", "auth.failed"),
        (11, 22, "Invalid URI Schema, expecting 'mongodb://' or 'mongodb+srv://'", "uri.driver-rejects"),
        (99, 1, "something nobody has seen", "server.unreachable"),
    ]

    @Test("libmongoc messages map to the stage that failed", arguments: cases)
    func classify(domain: UInt32, code: UInt32, message: String, expected: String) {
        let error = MongoError(domain: domain, code: code, message: message)
        let finding = ConnectionErrorClassifier().finding(for: error, scrubber: .none)
        #expect(finding.id.rawValue == expected)
        #expect(finding.severity == .error)
        #expect(finding.evidence.first?.contains("\(domain)/\(code)") == true)
    }

    @Test func libmongocEchoedPasswordIsScrubbed() {
        // libmongoc quotes the password in this message (mongodb-failures.md §3.2).
        let error = MongoError(domain: 11, code: 22, message: "Password \"pa:ss-word\" must not have unescaped chars. Percent-encode username and password according to RFC 3986")
        let finding = ConnectionErrorClassifier().finding(for: error, scrubber: URIRedaction.scrubber(for: ["mongodb://u:pa:ss-word@h"]))
        #expect(!finding.detail.contains("pa:ss-word"))
        #expect(!finding.evidence.joined().contains("pa:ss-word"))
    }
}
