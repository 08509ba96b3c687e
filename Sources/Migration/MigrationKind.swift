/// What a migration writes: one MongoDB collection each.
public enum MigrationKind: String, Sendable, CaseIterable, Hashable {
    /// Users (`users`).
    case users
    /// Sessions (`sessions`).
    case sessions
    /// OAuth keys of Lucia v2 (null hash) as `{provider_id, provider_user_id, user_id}` (`oauth_accounts`).
    case oauthAccounts

    /// The key in reports and JSON (`users`, `sessions`, `oauthAccounts`).
    public var key: String { rawValue }
}

/// Why a source row was not migrated. The raw values are API (README, JSON `skips[].reason`).
public enum SkipReason: String, Sendable, CaseIterable, Hashable {
    /// The id is NULL or missing.
    case nullID = "null-id"
    /// The id (or a session's `user_id`) is not text: a number, a blob, an ObjectId.
    case nonTextID = "non-text-id"
    /// A session or key whose user does not exist in the source.
    case missingUser = "missing-user"
    /// A session or key whose user was skipped.
    case userSkipped = "user-skipped"
    /// A username equal to an earlier user's when case is ignored (the unique index would refuse it).
    case duplicateUsername = "duplicate-username"
    /// A user with no username to give it: no username column or attribute, no `username:` or `email:` key.
    case noUsername = "no-username"
    /// A session expiry that is not a number (or a date) in range.
    case unparseableExpiry = "unparseable-expiry"
    /// A key id without `provider:` (Lucia's key ids are `providerId:providerUserId`).
    case badKeyID = "bad-key-id"
    /// The server refused the document (validation, a unique index of the target).
    case writeRejected = "write-rejected"
}

/// One source row that was not migrated: where it is (never a session id: sessions are named by
/// fingerprint or SQLite rowid), and why.
public struct MigrationSkip: Error, Sendable, Hashable {
    /// The source kind: `users`, `sessions` or `keys`.
    public var source: String
    /// Which row: a user id, a key id, `session 1a2b3c4d` (fingerprint), or `rowid 17`.
    public var row: String
    /// Why.
    public var reason: SkipReason
    /// One line for people (never a secret).
    public var detail: String

    /// Creates a skip.
    public init(source: String, row: String, reason: SkipReason, detail: String) {
        self.source = source
        self.row = row
        self.reason = reason
        self.detail = detail
    }
}
