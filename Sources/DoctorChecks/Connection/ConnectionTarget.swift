public import ConnectionString
public import Redaction

/// What the `uri` stage learned about the target, published for the later stages.
public struct ConnectionTarget: Sendable {
    /// The connection string the later stages use: the given one without surrounding quotes and
    /// whitespace, or its ``EquivalentForm`` when libmongoc refuses that. Contains the password: never print it.
    public var uri: String
    /// Our parser's view of the string as the user gave it (quotes and whitespace stripped).
    public var parsed: ConnectionString

    /// Creates a target.
    public init(uri: String, parsed: ConnectionString) {
        self.uri = uri
        self.parsed = parsed
    }

    /// Removes this connection string's secrets from free text (libmongoc's messages).
    public var scrubber: TextScrubber { URIRedaction.scrubber(for: [uri]) }

    /// Whether this is a `mongodb+srv` URI.
    public var isSRV: Bool { parsed.scheme == .mongodbSRV }

    /// The seeds as host and port (27017 when the URI gives none); Unix sockets are left out.
    public var seeds: [Endpoint] {
        parsed.hosts.filter { $0.type != .unix }.map { Endpoint(host: $0.host, port: $0.port ?? 27017) }
    }

    /// Whether the driver will use TLS (explicit `tls`/`ssl`, or implied by `mongodb+srv`).
    public var usesTLS: Bool { parsed.option("tls")?.boolValue ?? isSRV }

    /// `tlsCAFile`, when given.
    public var caFile: String? { parsed.option("tlsCAFile")?.stringValue }

    /// Whether certificate checks are switched off (`tlsInsecure` or `tlsAllowInvalidCertificates`).
    public var allowsInvalidCertificates: Bool {
        parsed.option("tlsInsecure")?.boolValue == true || parsed.option("tlsAllowInvalidCertificates")?.boolValue == true
    }

    /// Whether hostname checks are switched off (`tlsInsecure` or `tlsAllowInvalidHostnames`).
    public var allowsInvalidHostnames: Bool {
        parsed.option("tlsInsecure")?.boolValue == true || parsed.option("tlsAllowInvalidHostnames")?.boolValue == true
    }

    /// The username, when the URI has credentials.
    public var username: String? { parsed.auth?.username }

    /// Whether the URI names `authSource` explicitly.
    public var hasExplicitAuthSource: Bool { parsed.option("authSource") != nil }

    /// The database in the URI path, when there is one.
    public var pathDatabase: String? { parsed.auth?.db }

    /// The replica set name the URI expects.
    public var replicaSet: String? { parsed.option("replicaSet")?.stringValue }

    /// Whether `directConnection=true`.
    public var directConnection: Bool { parsed.option("directConnection")?.boolValue == true }
}
