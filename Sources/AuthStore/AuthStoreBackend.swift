public import Foundation

/// What a storage backend (memory, SQLite, MongoDB) does for AuthStore: Lucia v3's adapter
/// operations plus users. Backends store and fetch; the rules (expiry, renewal, token formats,
/// username normalisation) live in `AuthStore` and `SessionPolicy`, once.
///
/// Every backend must pass the shared contract suite. Usernames are compared case-insensitively
/// after AuthStore's NFKC normalisation: at least for ASCII letters (SQLite's `NOCASE`); MongoDB's
/// collation `{locale: "en", strength: 2}` folds the case of every script.
public protocol AuthStoreBackend: Sendable {
    /// Inserts a user. Throws `.usernameTaken`, `.duplicateID`, `.invalidAttribute`.
    func insertUser(_ user: AuthUser) async throws(AuthStoreError)
    /// The user with this id.
    func user(id: String) async throws(AuthStoreError) -> AuthUser?
    /// The user with this (normalised) username, compared case-insensitively.
    func user(username: String) async throws(AuthStoreError) -> AuthUser?
    /// Up to `limit` users, ordered by username (users without one first, as both databases sort a null), then by id.
    func users(limit: Int) async throws(AuthStoreError) -> [AuthUser]
    /// Replaces a user's password hash; `false` when the user does not exist.
    func updateHashedPassword(userID: String, to hash: String) async throws(AuthStoreError) -> Bool
    /// Deletes a user and all their sessions atomically; `false` when the user did not exist.
    func deleteUser(id: String) async throws(AuthStoreError) -> Bool

    /// Inserts a session. Throws `.userNotFound` when the user does not exist, `.duplicateID`.
    func insertSession(_ session: SessionRecord) async throws(AuthStoreError)
    /// The session and its user (`nil` when orphaned) in one round trip; `nil` without a session.
    nonisolated(nonsending) func sessionAndUser(id: String) async throws(AuthStoreError) -> SessionLookup?
    /// Sets a session's expiry.
    func updateSessionExpiration(id: String, to expiresAt: Date) async throws(AuthStoreError)
    /// Deletes one session (nothing when it does not exist).
    func deleteSession(id: String) async throws(AuthStoreError)
    /// Deletes all of a user's sessions; returns how many.
    func deleteSessions(userID: String) async throws(AuthStoreError) -> Int
    /// Deletes sessions with `expiresAt <= now`; returns how many.
    func deleteExpiredSessions(now: Date) async throws(AuthStoreError) -> Int
    /// All of a user's sessions, expired ones included (the store filters).
    func sessions(userID: String) async throws(AuthStoreError) -> [SessionRecord]

    /// The token format the data implies (`SessionTokenFormat.detect`), or `nil` when it tells nothing.
    func detectTokenFormat() async throws(AuthStoreError) -> SessionTokenFormat?
    /// Makes the storage ready for `format` (for SQLite: the `secret_hash` column for `split`).
    func prepare(for format: SessionTokenFormat) async throws(AuthStoreError)

    /// Where this backend's blocking calls run, as a task executor (its thread pool), or `nil` when
    /// it has none. Code that prefers it runs beside those calls, so each call starts at once on the
    /// thread it is on instead of being handed to another thread and back (see
    /// `AuthStore.preferredExecutor`).
    var preferredExecutor: (any TaskExecutor)? { get }
}

extension AuthStoreBackend {
    /// No executor of its own (the memory backend never blocks).
    public var preferredExecutor: (any TaskExecutor)? { nil }
}
