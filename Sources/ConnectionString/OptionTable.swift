/// The type and constraints of an option's value, as the URI Options spec defines them.
enum OptionKind: Sendable {
    /// `true` or `false`.
    case bool
    /// An integer inside `range`, or one of `extra` (e.g. `-1` for maxStalenessSeconds).
    case integer(ClosedRange<Int>, extra: [Int] = [])
    /// Any non-empty string.
    case string
    /// One of a fixed list of strings.
    case choice([String], caseSensitive: Bool)
    /// A comma-separated list of compressor names.
    case compressors
    /// One tag set (`dc:ny,rack:1`); repeated keys make a list.
    case tagSet
    /// Comma-separated `key:value` pairs.
    case keyValues
    /// `w`: a non-negative integer or a string such as `majority`.
    case writeConcern
    /// An SRV service name per RFC 6335.
    case serviceName
}

/// One known option: its canonical camelCase name and value type.
struct OptionSpec: Sendable {
    /// The canonical spelling, used as the key of ``ConnectionString/options``.
    let canonical: String
    /// The value type.
    let kind: OptionKind
    /// Whether the value is a secret to mask in messages and in ``ConnectionString/redacted``.
    var isSecret = false
}

/// Another name for a known option (legacy or driver-specific).
struct OptionAlias: Sendable {
    /// The alias as usually written.
    let name: String
    /// The canonical option it stands for.
    let canonical: String
    /// Whether the alias is deprecated (a warning is emitted, and it loses to the canonical name).
    let deprecated: Bool
}

/// The table of known options.
enum OptionTable {
    private static let int32Max = Int(Int32.max)
    private static let nonNegative = 0...int32Max
    private static let positive = 1...int32Max

    /// Every option of the URI Options spec, plus a few common driver-specific ones.
    static let specs: [OptionSpec] = [
        OptionSpec(canonical: "appName", kind: .string),
        OptionSpec(canonical: "authMechanism", kind: .choice(authMechanisms, caseSensitive: true)),
        OptionSpec(canonical: "authMechanismProperties", kind: .keyValues),
        OptionSpec(canonical: "authSource", kind: .string),
        OptionSpec(canonical: "compressors", kind: .compressors),
        OptionSpec(canonical: "connectTimeoutMS", kind: .integer(nonNegative)),
        OptionSpec(canonical: "directConnection", kind: .bool),
        OptionSpec(canonical: "enableOverloadRetargeting", kind: .bool),
        OptionSpec(canonical: "heartbeatFrequencyMS", kind: .integer(500...int32Max)),
        OptionSpec(canonical: "journal", kind: .bool),
        OptionSpec(canonical: "loadBalanced", kind: .bool),
        OptionSpec(canonical: "localThresholdMS", kind: .integer(nonNegative)),
        OptionSpec(canonical: "maxAdaptiveRetries", kind: .integer(nonNegative)),
        OptionSpec(canonical: "maxConnecting", kind: .integer(positive)),
        OptionSpec(canonical: "maxIdleTimeMS", kind: .integer(nonNegative)),
        OptionSpec(canonical: "maxPoolSize", kind: .integer(nonNegative)),
        OptionSpec(canonical: "maxStalenessSeconds", kind: .integer(90...int32Max, extra: [-1])),
        OptionSpec(canonical: "minPoolSize", kind: .integer(nonNegative)),
        OptionSpec(canonical: "proxyHost", kind: .string),
        OptionSpec(canonical: "proxyPassword", kind: .string, isSecret: true),
        OptionSpec(canonical: "proxyPort", kind: .integer(0...65535)),
        OptionSpec(canonical: "proxyUsername", kind: .string),
        OptionSpec(canonical: "readConcernLevel", kind: .string),
        OptionSpec(canonical: "readPreference", kind: .choice(readPreferences, caseSensitive: false)),
        OptionSpec(canonical: "readPreferenceTags", kind: .tagSet),
        OptionSpec(canonical: "replicaSet", kind: .string),
        OptionSpec(canonical: "retryReads", kind: .bool),
        OptionSpec(canonical: "retryWrites", kind: .bool),
        OptionSpec(canonical: "serverMonitoringMode", kind: .choice(["stream", "poll", "auto"], caseSensitive: false)),
        OptionSpec(canonical: "serverSelectionTimeoutMS", kind: .integer(positive)),
        OptionSpec(canonical: "serverSelectionTryOnce", kind: .bool),
        OptionSpec(canonical: "socketTimeoutMS", kind: .integer(nonNegative)),
        OptionSpec(canonical: "srvMaxHosts", kind: .integer(nonNegative)),
        OptionSpec(canonical: "srvServiceName", kind: .serviceName),
        OptionSpec(canonical: "timeoutMS", kind: .integer(nonNegative)),
        OptionSpec(canonical: "tls", kind: .bool),
        OptionSpec(canonical: "tlsAllowInvalidCertificates", kind: .bool),
        OptionSpec(canonical: "tlsAllowInvalidHostnames", kind: .bool),
        OptionSpec(canonical: "tlsCAFile", kind: .string),
        OptionSpec(canonical: "tlsCertificateKeyFile", kind: .string),
        OptionSpec(canonical: "tlsCertificateKeyFilePassword", kind: .string, isSecret: true),
        OptionSpec(canonical: "tlsCRLFile", kind: .string),
        OptionSpec(canonical: "tlsDisableCertificateRevocationCheck", kind: .bool),
        OptionSpec(canonical: "tlsDisableOCSPEndpointCheck", kind: .bool),
        OptionSpec(canonical: "tlsInsecure", kind: .bool),
        OptionSpec(canonical: "uuidRepresentation", kind: .choice(uuidRepresentations, caseSensitive: false)),
        OptionSpec(canonical: "w", kind: .writeConcern),
        OptionSpec(canonical: "waitQueueTimeoutMS", kind: .integer(positive)),
        OptionSpec(canonical: "wTimeoutMS", kind: .integer(0...Int.max)),
        OptionSpec(canonical: "zlibCompressionLevel", kind: .integer(-1...9)),
    ]

    /// Legacy and driver-specific names. `ssl` is a full synonym of `tls`; the others are deprecated.
    static let aliases: [OptionAlias] = [
        OptionAlias(name: "ssl", canonical: "tls", deprecated: false),
        OptionAlias(name: "j", canonical: "journal", deprecated: true),
        OptionAlias(name: "wtimeout", canonical: "wTimeoutMS", deprecated: true),
        OptionAlias(name: "sslAllowInvalidCertificates", canonical: "tlsAllowInvalidCertificates", deprecated: true),
        OptionAlias(name: "sslAllowInvalidHostnames", canonical: "tlsAllowInvalidHostnames", deprecated: true),
        OptionAlias(name: "sslInvalidHostNameAllowed", canonical: "tlsAllowInvalidHostnames", deprecated: true),
        OptionAlias(name: "sslCertificateAuthorityFile", canonical: "tlsCAFile", deprecated: true),
        OptionAlias(name: "sslClientCertificateKeyFile", canonical: "tlsCertificateKeyFile", deprecated: true),
        OptionAlias(name: "sslClientCertificateKeyPassword", canonical: "tlsCertificateKeyFilePassword", deprecated: true),
    ]

    /// The authentication mechanisms of the Authentication spec.
    static let authMechanisms = [
        "DEFAULT", "SCRAM-SHA-1", "SCRAM-SHA-256", "MONGODB-X509", "GSSAPI", "PLAIN", "MONGODB-AWS", "MONGODB-OIDC",
    ]
    /// The read preference modes of the Server Selection spec.
    static let readPreferences = ["primary", "primaryPreferred", "secondary", "secondaryPreferred", "nearest"]
    /// The compressors of the wire-protocol compression spec.
    static let compressors = ["snappy", "zlib", "zstd"]
    /// UUID representations accepted by the drivers that support the option.
    static let uuidRepresentations = ["unspecified", "standard", "pythonLegacy", "javaLegacy", "csharpLegacy"]

    private static let specsByKey: [String: OptionSpec] = Dictionary(
        uniqueKeysWithValues: specs.map { (lowercaseASCII($0.canonical), $0) }
    )
    private static let aliasesByKey: [String: OptionAlias] = Dictionary(
        uniqueKeysWithValues: aliases.map { (lowercaseASCII($0.name), $0) }
    )

    /// The spec of an option given by its canonical name or an alias, in any case.
    static func lookup(_ key: String) -> OptionSpec? {
        let lower = lowercaseASCII(key)
        if let spec = specsByKey[lower] { return spec }
        guard let alias = aliasesByKey[lower] else { return nil }
        return specsByKey[lowercaseASCII(alias.canonical)]
    }

    /// The alias record when `key` is an alias (in any case).
    static func alias(_ key: String) -> OptionAlias? {
        aliasesByKey[lowercaseASCII(key)]
    }

    /// Every name a user may write: canonical names and aliases.
    static var allNames: [String] {
        specs.map(\.canonical) + aliases.map(\.name)
    }

    /// Lower-cases ASCII A–Z only, as the Connection String spec normalises keys.
    static func lowercaseASCII(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }))
    }
}
