/// A parsed MongoDB connection string (`mongodb://` or `mongodb+srv://`), following
/// MongoDB's Connection String and URI Options specifications.
///
/// Parse with ``parse(_:)``; for a full report of every problem use ``URILinter/lint(_:)``.
public struct ConnectionString: Sendable, Equatable {
    /// The scheme of the connection string.
    public enum Scheme: String, Sendable {
        /// `mongodb://`: a list of hosts.
        case mongodb = "mongodb"
        /// `mongodb+srv://`: one DNS name resolved through SRV/TXT records.
        case mongodbSRV = "mongodb+srv"
    }

    /// What kind of address a host is.
    public enum HostType: String, Sendable {
        /// A DNS name (or anything that is not one of the other kinds).
        case hostname
        /// A dotted-quad IPv4 address.
        case ipv4
        /// An IP literal in brackets, e.g. `[::1]` (stored without brackets).
        case ipLiteral = "ip_literal"
        /// A percent-encoded Unix domain socket path ending in `.sock`.
        case unix
    }

    /// One host of the host list.
    public struct Host: Sendable, Equatable {
        /// The kind of address.
        public var type: HostType
        /// The decoded host: no brackets for IP literals, the decoded path for sockets.
        public var host: String
        /// The port, or `nil` when the string gave none (drivers then use 27017).
        public var port: Int?

        /// Creates a host.
        public init(type: HostType, host: String, port: Int? = nil) {
            self.type = type
            self.host = host
            self.port = port
        }
    }

    /// The user information and the database from the path, all percent-decoded.
    public struct Credentials: Sendable, Equatable {
        /// The decoded username, if any.
        public var username: String?
        /// The decoded password, if any (empty when written as `user:@`).
        public var password: String?
        /// The decoded database of the path (`/db`), which is not the same as `authSource`.
        public var db: String?

        /// Creates credentials.
        public init(username: String? = nil, password: String? = nil, db: String? = nil) {
            self.username = username
            self.password = password
            self.db = db
        }
    }

    /// The scheme.
    public var scheme: Scheme
    /// The hosts in the order given.
    public var hosts: [Host]
    /// The credentials; `nil` when there is neither user information nor a database path.
    public var auth: Credentials?
    /// The valid options, keyed by canonical camelCase name (e.g. `tls` for `ssl`,
    /// `journal` for `j`, `wTimeoutMS` for `wtimeout`).
    public var options: [String: URIOptionValue]
    /// Warnings the spec requires: ignored options or values, deprecated or repeated keys.
    public var warnings: [URIIssue]
    /// The input with secrets masked, computed at parse time.
    var redactedText: String
    /// The secrets as written in the input (password, secret option values), for scrubbing free text.
    var secretTexts: [String] = []

    /// Parses a connection string.
    ///
    /// - Throws: ``URIError`` with the first error-level issue. Its message never contains the password.
    public static func parse(_ text: String) throws(URIError) -> ConnectionString {
        let outcome = URIParser.parse(text)
        if let first = outcome.log.errors.first {
            throw URIError(issue: first)
        }
        guard let value = outcome.value else {
            throw URIError(issue: URIIssue(id: URIIssueID.invalid, message: "the connection string could not be parsed"))
        }
        return value
    }

    /// The URI with the password (and secret options tlsCertificateKeyFilePassword, proxyPassword) replaced by "*****".
    public var redacted: String { redactedText }

    /// `text` percent-encoded for the user information of a connection string: every byte but
    /// the RFC 3986 unreserved characters (letters, digits, `-._~`) becomes `%XX`, so any driver
    /// reads it back unchanged. Used by `mongo-doctor uri --encode-password`.
    public static func encodeCredential(_ text: String) -> String {
        PercentCoding.encodeSocketPath(text)
    }

    /// Looks up an option by name, ignoring case and accepting aliases (`ssl`, `j`, `wtimeout`…).
    public func option(_ name: String) -> URIOptionValue? {
        guard let spec = OptionTable.lookup(name) else { return nil }
        return options[spec.canonical]
    }
}

extension ConnectionString.Host: CustomStringConvertible {
    /// `host:port` as it would be written in a connection string (IP literals in brackets,
    /// socket paths percent-encoded).
    public var description: String {
        let name: String
        switch type {
        case .ipLiteral: name = "[\(host)]"
        case .unix: name = PercentCoding.encodeSocketPath(host)
        case .hostname, .ipv4: name = host
        }
        return port.map { "\(name):\($0)" } ?? name
    }
}
