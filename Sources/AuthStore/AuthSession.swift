public import Foundation

/// A valid session handed to callers, as Lucia v3's `Session`.
public struct AuthSession: Sendable, Hashable, CustomStringConvertible {
    /// The stored id (use it with `AuthStore.invalidateSession(id:)`; in `lucia-v3` it equals the cookie).
    public var id: String
    /// The owner's id.
    public var userID: String
    /// When the session dies.
    public var expiresAt: Date
    /// `true` when just created or just extended: the caller should set the cookie again.
    public var fresh: Bool
    /// The session's other columns or fields.
    public var attributes: AuthAttributes

    /// Creates a session value.
    public init(id: String, userID: String, expiresAt: Date, fresh: Bool, attributes: AuthAttributes = [:]) {
        self.id = id
        self.userID = userID
        self.expiresAt = expiresAt
        self.fresh = fresh
        self.attributes = attributes
    }

    /// The session of a stored record.
    public init(_ record: consuming SessionRecord, fresh: Bool) {
        self.init(id: record.id, userID: record.userID, expiresAt: record.expiresAt, fresh: fresh, attributes: record.attributes)
    }

    /// Without the id, which may be the cookie value.
    public var description: String {
        "AuthSession(user: \(userID), expiresAt: \(expiresAt), fresh: \(fresh))"
    }
}

/// A session that validated, with its user.
public struct ValidatedSession: Sendable, Hashable {
    /// The session (`fresh` when it was just extended).
    public var session: AuthSession
    /// Its user.
    public var user: AuthUser
}

/// A session just created: its token for the cookie, and the session.
public struct CreatedSession: Sendable, CustomStringConvertible {
    /// The cookie value; `token.value` is the only place it appears.
    public var token: SessionToken
    /// The new session (`fresh: true`).
    public var session: AuthSession

    /// Never the token.
    public var description: String { "CreatedSession(\(session))" }
}
