public import AuthStore
public import DoctorRun
import PasswordHashing

/// The `users` and `sessions` admin operations on an opened store, as library calls: each returns
/// an `AdminResult` that holds no password, hash, token or session id. Store failures become
/// `RunError`s (exit 2) whose text is AuthStore's secret-free description.
public struct AuthAdmin: Sendable {
    /// The store worked on.
    public let store: AuthStore
    /// The command's name, at the head of errors (`users add`).
    public let command: String

    /// Operations on `store` for `command`.
    public init(store: AuthStore, command: String) {
        self.store = store
        self.command = command
    }

    /// Creates a user with an argon2id hash of `password`.
    public func addUser(_ username: String, password: String) async throws(RunError) -> AdminResult {
        guard !password.isEmpty else { throw RunError("\(command): the password on standard input is empty") }
        let hasher = PasswordHasher(maxConcurrentHashes: 1)
        let result: Result<AuthUser, AuthStoreError>
        do { result = .success(try await store.createUser(username: username, password: password, hasher: hasher)) } catch { result = .failure(error) }
        await hasher.shutdown()
        switch result {
        case .success(let user): return .userAdded(AdminUser(user))
        case .failure(let error) where error.code == .usernameTaken: return .usernameTaken(username)
        case .failure(let error): throw failure(error)
        }
    }

    /// Whether `password` is the user's (a match stored in an older format is rehashed, as on login).
    public func verifyUser(_ username: String, password: String) async throws(RunError) -> AdminResult {
        let hasher = PasswordHasher(maxConcurrentHashes: 1)
        let result: Result<AuthUser?, AuthStoreError>
        do { result = .success(try await store.verifyPassword(username: username, password: password, hasher: hasher)) } catch { result = .failure(error) }
        await hasher.shutdown()
        switch result {
        case .success(let user): return .passwordChecked(username: username, user: user.map(AdminUser.init))
        case .failure(let error): throw failure(error)
        }
    }

    /// Up to `limit` users.
    public func listUsers(limit: Int) async throws(RunError) -> AdminResult {
        do { return .users(try await store.users(limit: limit).map(AdminUser.init)) } catch { throw failure(error) }
    }

    /// Deletes a user and their sessions.
    public func deleteUser(_ username: String) async throws(RunError) -> AdminResult {
        do {
            guard let user = try await store.user(username: username) else { return .userDeleted(username: username, user: nil) }
            let deleted = try await store.deleteUser(id: user.id)
            return .userDeleted(username: username, user: deleted ? AdminUser(user) : nil)
        } catch {
            throw failure(error)
        }
    }

    /// A user's live sessions.
    public func listSessions(_ username: String) async throws(RunError) -> AdminResult {
        do {
            guard let user = try await store.user(username: username) else { return .noSuchUser(username) }
            return .sessions(AdminUser(user), try await store.sessions(userID: user.id).map(AdminSession.init))
        } catch {
            throw failure(error)
        }
    }

    /// Deletes all of a user's sessions.
    public func revokeSessions(_ username: String) async throws(RunError) -> AdminResult {
        do {
            guard let user = try await store.user(username: username) else { return .noSuchUser(username) }
            return .sessionsRevoked(AdminUser(user), count: try await store.invalidateUserSessions(userID: user.id))
        } catch {
            throw failure(error)
        }
    }

    /// Deletes every expired session.
    public func purgeExpired() async throws(RunError) -> AdminResult {
        do { return .expiredPurged(count: try await store.deleteExpiredSessions()) } catch { throw failure(error) }
    }

    /// Validates a cookie value with Lucia v3's rules (extending it when due), and says why not.
    public func validate(token: String) async throws(RunError) -> AdminResult {
        do {
            switch try await store.check(SessionToken(token)) {
            case .valid(let found): return .validation(.valid(AdminUser(found.user), AdminSession(found.session)))
            case .rejected(let reason): return .validation(.rejected(reason))
            }
        } catch {
            throw failure(error)
        }
    }

    private func failure(_ error: AuthStoreError) -> RunError { RunError("\(command): \(error.message)") }
}
