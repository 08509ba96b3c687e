/// Where an effective setting came from. Decides how loudly a problem with it is reported.
public enum Provenance: String, Sendable, Equatable {
    /// Named on the command line (`--dbpath`, `--config`, …).
    case flag
    /// Set by the mongod configuration file.
    case config
    /// Nobody named it: mongod's or the platform's default.
    case `default`
}

/// An effective setting with its provenance.
public struct Setting<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The value.
    public var value: Value
    /// Where it came from.
    public var provenance: Provenance
    /// Human origin for evidence: `--dbpath`, `/etc/mongod.conf line 4`, `default`.
    public var origin: String

    /// Creates a setting.
    public init(_ value: Value, _ provenance: Provenance, origin: String? = nil) {
        self.value = value
        self.provenance = provenance
        self.origin = origin ?? provenance.rawValue
    }

    /// `/data/db (default)` for evidence.
    public var described: String { "\(value) (\(origin))" }
}
