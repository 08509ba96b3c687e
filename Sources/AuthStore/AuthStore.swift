import Foundation
import PasswordHashing

/// Users and Lucia v3 sessions over one backend: the API front ends call.
///
/// A validation fetches session and user in one round trip, then applies `SessionPolicy`: expired
/// or orphaned sessions are deleted and rejected; one with less than half its lifetime left is
/// extended and returned `fresh`. The token format decides what the cookie holds (`SessionTokenFormat`).
public final class AuthStore: Sendable {
    /// The storage.
    public let backend: any AuthStoreBackend
    /// The configuration it was opened with.
    public let configuration: AuthStoreConfiguration
    /// The token format in use (configured, detected, or `split` for a database that tells nothing).
    public let tokenFormat: SessionTokenFormat

    /**
     The backend's thread pool as a task executor (`nil` for the memory backend).

     Store calls made from a task that prefers it run their blocking part at once on the thread the
     task is already on, instead of handing it to a pool thread and waiting to be woken again. For a
     request handler or a batch job that makes many calls in a row:

     ```swift
     let session = try await withTaskExecutorPreference(store.preferredExecutor) {
         try await store.validate(token)
     }
     ```

     The cooperative pool is never blocked either way; while such a task runs it takes one of the
     pool's bounded threads.
     */
    public var preferredExecutor: (any TaskExecutor)? { backend.preferredExecutor }

    private var policy: SessionPolicy { configuration.policy }
    private var now: Date { configuration.clock() }

    /**
     Opens a store: resolves the token format and prepares the backend for it.

     - Throws: `AuthStoreError` from the backend (a file that is no database, …).
     */
    public static func open(backend: any AuthStoreBackend, configuration: AuthStoreConfiguration = AuthStoreConfiguration()) async throws(AuthStoreError) -> AuthStore {
        var format = configuration.tokenFormat
        if format == nil { format = try await backend.detectTokenFormat() }
        let resolved = format ?? .defaultForNewDatabases
        try await backend.prepare(for: resolved)
        return AuthStore(backend: backend, configuration: configuration, tokenFormat: resolved)
    }

    private init(backend: any AuthStoreBackend, configuration: AuthStoreConfiguration, tokenFormat: SessionTokenFormat) {
        self.backend = backend
        self.configuration = configuration
        self.tokenFormat = tokenFormat
    }

    // MARK: Users

    /// A new random user id: 10 random bytes, 16 base32 characters (Lucia v3's `generateIdFromEntropySize(10)`).
    public static func generateUserID() throws(AuthStoreError) -> String {
        LuciaEncoding.base32LowercaseNoPadding(try AuthCrypto.randomBytes(10))
    }

    /// Creates a user with an already-hashed password (or none). The username is trimmed and NFKC-normalised.
    public func createUser(username: String, hashedPassword: String?, attributes: AuthAttributes = [:]) async throws(AuthStoreError) -> AuthUser {
        let user = AuthUser(id: try Self.generateUserID(), username: try Username.normalize(username), hashedPassword: hashedPassword, attributes: attributes)
        try await backend.insertUser(user)
        return user
    }

    /// Creates a user, storing `hasher`'s hash of `password` as `hashed_password`.
    public func createUser(username: String, password: String, hasher: any PasswordHashingService, attributes: AuthAttributes = [:]) async throws(AuthStoreError) -> AuthUser {
        let normalized = try Username.normalize(username)
        if try await backend.user(username: normalized) != nil { throw AuthStoreError(.usernameTaken, "the username is taken") }
        let hash: String
        do { hash = try await hasher.hash(password) } catch { throw AuthStoreError(.passwordHashing, "the password could not be hashed") }
        return try await createUser(username: normalized, hashedPassword: hash, attributes: attributes)
    }

    /// The user with a username and password, or `nil` (unknown user, no password, mismatch).
    /// A match whose hash needs a rehash is rehashed and stored. An unknown user costs one hash too,
    /// so the answer's timing does not tell which usernames exist.
    public func verifyPassword(username: String, password: String, hasher: any PasswordHashingService) async throws(AuthStoreError) -> AuthUser? {
        let found = try? Username.normalize(username)
        guard let name = found, var user = try await backend.user(username: name), let stored = user.hashedPassword else {
            _ = try? await hasher.hash(password)  // equal work for an unknown user (the result is discarded)
            return nil
        }
        let verdict: PasswordCheck
        do { verdict = try await hasher.verify(password, against: stored) } catch { throw AuthStoreError(.passwordHashing, "the password could not be checked") }
        guard case .match(let needsRehash) = verdict else { return nil }
        if needsRehash, let fresh = try? await hasher.hash(password), try await backend.updateHashedPassword(userID: user.id, to: fresh) {
            user.hashedPassword = fresh
        }
        return user
    }

    /// The user with this id.
    public func user(id: String) async throws(AuthStoreError) -> AuthUser? { try await backend.user(id: id) }

    /// The user with this username (normalised, compared case-insensitively).
    public func user(username: String) async throws(AuthStoreError) -> AuthUser? {
        guard let name = try? Username.normalize(username) else { return nil }
        return try await backend.user(username: name)
    }

    /// Up to `limit` users, ordered by username then id (an administrator's listing; no paging).
    public func users(limit: Int = 1000) async throws(AuthStoreError) -> [AuthUser] {
        try await backend.users(limit: max(0, limit))
    }

    /// Deletes a user and their sessions; `false` when there was no such user.
    @discardableResult
    public func deleteUser(id: String) async throws(AuthStoreError) -> Bool { try await backend.deleteUser(id: id) }

    // MARK: Sessions

    /// Creates a session for `userID` (expiring after the policy's lifetime), with optional attributes.
    public func createSession(userID: String, attributes: AuthAttributes = [:]) async throws(AuthStoreError) -> CreatedSession {
        let generated = try tokenFormat.generate()
        let record = SessionRecord(id: generated.sessionID, userID: userID, expiresAt: policy.expiry(from: now), secretHash: generated.secretHash, attributes: attributes)
        try await backend.insertSession(record)
        return CreatedSession(token: generated.token, session: AuthSession(record, fresh: true))
    }

    /// Validates a cookie value with Lucia v3's rules; `nil` when it is not a live session.
    nonisolated(nonsending) public func validate(_ token: SessionToken) async throws(AuthStoreError) -> ValidatedSession? {
        try await check(token).validated
    }

    /// Validates a cookie value as `validate(_:)` does (same deletes and extensions), and says why a
    /// rejected one was rejected: `.userGone` for an orphan (checked first, as Lucia does), `.expired`,
    /// else `.unknown`.
    nonisolated(nonsending) public func check(_ token: SessionToken) async throws(AuthStoreError) -> SessionValidation {
        guard let lookup = tokenFormat.lookup(for: token),
              var found = try await backend.sessionAndUser(id: lookup.sessionID),
              lookup.matches(found.session) else { return .rejected(.unknown) }
        let time = now
        switch policy.decide(expiresAt: found.session.expiresAt, userExists: found.user != nil, now: time) {
        case .delete:
            try await backend.deleteSession(id: found.session.id)
            return .rejected(found.user == nil ? .userGone : .expired)
        case .extend(let expiresAt):
            try await backend.updateSessionExpiration(id: found.session.id, to: expiresAt)
            found.session.expiresAt = expiresAt
            return Self.validation(of: consume found, fresh: true)
        case .accept:
            return Self.validation(of: consume found, fresh: false)
        }
    }

    /// The lookup as a valid session, moved rather than copied (a validation's hot path).
    private static func validation(of found: consuming SessionLookup, fresh: Bool) -> SessionValidation {
        guard let user = found.user.take() else { return .rejected(.userGone) }
        return .valid(ValidatedSession(session: AuthSession(found.session, fresh: fresh), user: user))
    }

    /// Invalidates the session a cookie value names (for `split`, only when its secret matches).
    public func invalidateSession(token: SessionToken) async throws(AuthStoreError) {
        guard let lookup = tokenFormat.lookup(for: token),
              let found = try await backend.sessionAndUser(id: lookup.sessionID), lookup.matches(found.session) else { return }
        try await backend.deleteSession(id: found.session.id)
    }

    /// Invalidates one session by its stored id (`AuthSession.id`).
    public func invalidateSession(id: String) async throws(AuthStoreError) { try await backend.deleteSession(id: id) }

    /// Invalidates all of a user's sessions; returns how many.
    @discardableResult
    public func invalidateUserSessions(userID: String) async throws(AuthStoreError) -> Int { try await backend.deleteSessions(userID: userID) }

    /// Deletes every expired session (Lucia's `deleteExpiredSessions`, for a periodic job); returns how many.
    @discardableResult
    public func deleteExpiredSessions() async throws(AuthStoreError) -> Int { try await backend.deleteExpiredSessions(now: now) }

    /// A user's live sessions, soonest expiry first (expired ones are left out, as Lucia does).
    public func sessions(userID: String) async throws(AuthStoreError) -> [AuthSession] {
        let time = now
        return try await backend.sessions(userID: userID)
            .filter { policy.isLive($0.expiresAt, now: time) }
            .sorted { ($0.expiresAt, $0.id) < ($1.expiresAt, $1.id) }
            .map { AuthSession($0, fresh: false) }
    }
}
