import ConnectionString
/// Builds the connection strings the stages use to talk to one server directly.
enum SeedURI {
    /// TLS options carried over from the user's URI (they decide how the handshake goes).
    static let tlsOptions = ["tls", "tlsCAFile", "tlsAllowInvalidCertificates", "tlsAllowInvalidHostnames", "tlsInsecure",
                             "tlsCertificateKeyFile", "tlsCertificateKeyFilePassword"]

    /// `mongodb://host:port/?directConnection=true` plus the target's TLS options; no credentials.
    static func direct(_ endpoint: Endpoint, target: ConnectionTarget) -> String {
        var query = ["directConnection=true"]
        if target.usesTLS { query.append("tls=true") }
        for name in tlsOptions.dropFirst() {
            guard let value = target.parsed.option(name) else { continue }
            switch value {
            case .bool(let b): query.append("\(name)=\(b)")
            case .string(let s): query.append("\(name)=\(percentEncode(s))")
            case .int(let i): query.append("\(name)=\(i)")
            default: continue
            }
        }
        return "mongodb://\(endpoint)/?" + query.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved characters and `/` (paths stay readable).
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isLetter && byte < 128 || c.isNumber && byte < 128 || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
