public import Foundation
import Synchronization

/// An in-memory backend for pure tests and demos: the same contract as the database backends, one
/// lock around two dictionaries. Nothing persists.
public final class MemoryAuthBackend: AuthStoreBackend {
    private struct State {
        var users: [String: AuthUser] = [:]
        var usernames: [String: String] = [:]
        var sessions: [String: SessionRecord] = [:]
        var format: SessionTokenFormat?
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    public func insertUser(_ user: AuthUser) async throws(AuthStoreError) {
        for name in user.attributes.keys where !AuthLayoutNames.isValidAttributeName(name, reserved: AuthLayoutNames.userColumns) {
            throw AuthStoreError(.invalidAttribute, "user attribute \"\(name)\" is reserved or malformed")
        }
        try state.withLock { (s: inout State) throws(AuthStoreError) in
            guard s.users[user.id] == nil else { throw AuthStoreError(.duplicateID, "a user with this id exists") }
            let key = user.username.map(Username.comparisonKey)
            if let key, s.usernames[key] != nil { throw AuthStoreError(.usernameTaken, "the username is taken") }
            s.users[user.id] = user
            if let key { s.usernames[key] = user.id }
        }
    }

    public func user(id: String) async throws(AuthStoreError) -> AuthUser? { state.withLock { $0.users[id] } }

    public func user(username: String) async throws(AuthStoreError) -> AuthUser? {
        state.withLock { s in s.usernames[Username.comparisonKey(username)].flatMap { s.users[$0] } }
    }

    public func users(limit: Int) async throws(AuthStoreError) -> [AuthUser] {
        let all = state.withLock { Array($0.users.values) }
        return Array(all.sorted { ($0.username == nil ? 0 : 1, $0.username ?? "", $0.id) < ($1.username == nil ? 0 : 1, $1.username ?? "", $1.id) }.prefix(limit))
    }

    public func updateHashedPassword(userID: String, to hash: String) async throws(AuthStoreError) -> Bool {
        state.withLock { s in
            guard s.users[userID] != nil else { return false }
            s.users[userID]?.hashedPassword = hash
            return true
        }
    }

    public func deleteUser(id: String) async throws(AuthStoreError) -> Bool {
        state.withLock { s in
            guard let user = s.users.removeValue(forKey: id) else { return false }
            if let name = user.username { s.usernames.removeValue(forKey: Username.comparisonKey(name)) }
            s.sessions = s.sessions.filter { $0.value.userID != id }
            return true
        }
    }

    public func insertSession(_ session: SessionRecord) async throws(AuthStoreError) {
        for name in session.attributes.keys where !AuthLayoutNames.isValidAttributeName(name, reserved: AuthLayoutNames.sessionColumns) {
            throw AuthStoreError(.invalidAttribute, "session attribute \"\(name)\" is reserved or malformed")
        }
        try state.withLock { (s: inout State) throws(AuthStoreError) in
            guard s.users[session.userID] != nil else { throw AuthStoreError(.userNotFound, "the session's user does not exist") }
            guard s.sessions[session.id] == nil else { throw AuthStoreError(.duplicateID, "a session with this id exists") }
            s.sessions[session.id] = session
        }
    }

    nonisolated(nonsending) public func sessionAndUser(id: String) async throws(AuthStoreError) -> SessionLookup? {
        state.withLock { s in s.sessions[id].map { SessionLookup(session: $0, user: s.users[$0.userID]) } }
    }

    public func updateSessionExpiration(id: String, to expiresAt: Date) async throws(AuthStoreError) {
        state.withLock { _ = $0.sessions[id]?.expiresAt = expiresAt }
    }

    public func deleteSession(id: String) async throws(AuthStoreError) {
        _ = state.withLock { $0.sessions.removeValue(forKey: id) }
    }

    public func deleteSessions(userID: String) async throws(AuthStoreError) -> Int {
        state.withLock { s in
            let before = s.sessions.count
            s.sessions = s.sessions.filter { $0.value.userID != userID }
            return before - s.sessions.count
        }
    }

    public func deleteExpiredSessions(now: Date) async throws(AuthStoreError) -> Int {
        state.withLock { s in
            let before = s.sessions.count
            s.sessions = s.sessions.filter { $0.value.expiresAt > now }
            return before - s.sessions.count
        }
    }

    public func sessions(userID: String) async throws(AuthStoreError) -> [SessionRecord] {
        state.withLock { s in s.sessions.values.filter { $0.userID == userID }.sorted { $0.expiresAt < $1.expiresAt } }
    }

    public func detectTokenFormat() async throws(AuthStoreError) -> SessionTokenFormat? {
        state.withLock { s in s.format ?? SessionTokenFormat.detect(hasSecretHashColumn: false, sampleSessionIDs: Array(s.sessions.keys.prefix(20))) }
    }

    public func prepare(for format: SessionTokenFormat) async throws(AuthStoreError) {
        state.withLock { $0.format = format }
    }

    /// Inserts a session as another application would, without checks (for orphan tests).
    public func insertRawSession(_ session: SessionRecord) {
        state.withLock { $0.sessions[session.id] = session }
    }
}
