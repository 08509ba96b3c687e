public import AuthStore

/// How session ids cross over: kept (the cookies in users' browsers keep working), or replaced by the
/// SHA-256 hex of each id (`sha256`: the app hashes the cookie before the lookup, as the lucia-auth.com
/// guide to hashed ids says). `split` cannot be derived from existing tokens and is refused.
public struct SessionFormatPlan: Sendable, Equatable {
    /// The format the migrated database has (recorded in the ledger as `provision` records it).
    public var format: SessionTokenFormat
    /// Whether each id is replaced by the lowercase hex of its SHA-256.
    public var hashesIDs: Bool

    /// Creates a plan.
    public init(format: SessionTokenFormat, hashesIDs: Bool) {
        self.format = format
        self.hashesIDs = hashesIDs
    }

    /**
     The plan for sessions stored in `source` format when `requested` is asked (`nil`: keep the source's).

     - Throws: `MigrationError` with the reason when the request cannot be met: `split` from any other
       format, `lucia-v3` from hashed ids, `sha256` from `split`.
     */
    public static func resolve(source: SessionTokenFormat, requested: SessionTokenFormat?) throws(MigrationError) -> SessionFormatPlan {
        guard let requested, requested != source else { return SessionFormatPlan(format: source, hashesIDs: false) }
        switch (source, requested) {
        case (.luciaV3, .sha256):
            return SessionFormatPlan(format: .sha256, hashesIDs: true)
        case (_, .split):
            throw MigrationError("--session-format split cannot be derived from existing tokens: a split cookie is <id>.<secret> and the database keeps SHA-256 of the secret, which no existing session has; keep the ids (lucia-v3) or hash them (sha256), and let users sign in again to get split tokens")
        case (_, .luciaV3):
            throw MigrationError("--session-format lucia-v3 cannot be derived: the source stores \(source) session ids, and the cookie values cannot be recovered from them")
        default:
            throw MigrationError("--session-format \(requested) cannot be derived from \(source) sessions (their cookie values are not stored)")
        }
    }
}
