public import AuthStore
public import Foundation

/// A user as admin output shows it: never the hash, only whether there is one.
public struct AdminUser: Sendable, Hashable {
    /// The user id (not a secret).
    public let id: String
    /// The username, when there is one.
    public let username: String?
    /// Whether a password hash is stored.
    public let hasPassword: Bool

    /// The shown part of a user.
    public init(_ user: AuthUser) {
        id = user.id
        username = user.username
        hasPassword = user.hashedPassword != nil
    }
}

/// A session as admin output shows it: never its id or token, only the fingerprint.
public struct AdminSession: Sendable, Hashable {
    /// `AuthSession.fingerprint`: 8 hex characters of SHA-256 of the stored id.
    public let fingerprint: String
    /// When it dies.
    public let expiresAt: Date
    /// Whether this validation extended it.
    public let extended: Bool

    /// The shown part of a session.
    public init(_ session: AuthSession) {
        fingerprint = session.fingerprint
        expiresAt = session.expiresAt
        extended = session.fresh
    }
}

/// What an admin command found or did; the CLI renders it and exits with `exitStatus`.
public enum AdminResult: Sendable, Hashable {
    /// `users add`: the new user.
    case userAdded(AdminUser)
    /// `users add`: the name is taken (case-insensitively).
    case usernameTaken(String)
    /// `users verify`: whether the password matches; the user when it does.
    case passwordChecked(username: String, user: AdminUser?)
    /// `users list`.
    case users([AdminUser])
    /// `users delete`: the user removed (with their sessions), or `nil` when there was none.
    case userDeleted(username: String, user: AdminUser?)
    /// `sessions list` / `sessions revoke` of a username no user has.
    case noSuchUser(String)
    /// `sessions list`: a user's live sessions.
    case sessions(AdminUser, [AdminSession])
    /// `sessions revoke`: how many of the user's sessions were deleted.
    case sessionsRevoked(AdminUser, count: Int)
    /// `sessions purge-expired`: how many expired sessions were deleted.
    case expiredPurged(count: Int)
    /// `sessions validate`: the user and session when valid, else the reason.
    case validation(SessionCheck)

    /// `sessions validate`'s outcome.
    public enum SessionCheck: Sendable, Hashable {
        /// Valid: the user, and the session (`extended` when it was due).
        case valid(AdminUser, AdminSession)
        /// Not valid, and why.
        case rejected(SessionRejection)
    }

    /// 0 done / yes, 1 no / not valid (`ExitStatus.findings`).
    public var exitStatus: Int32 {
        switch self {
        case .usernameTaken, .noSuchUser, .passwordChecked(_, nil), .userDeleted(_, nil), .validation(.rejected): 1
        default: 0
        }
    }
}
