public import Foundation

/// A session as a backend stores it: the Lucia v3 row plus, for the `split` format, the secret's hash.
public struct SessionRecord: Sendable, Hashable, CustomStringConvertible {
    /// `sessions._id` / `session.id`: the cookie value (`lucia-v3`), the token's SHA-256 (`sha256`),
    /// or the token's id part (`split`).
    public var id: String
    /// The owner's id, always the same type as the user's id.
    public var userID: String
    /// When the session dies (`now >= expiresAt` is expired).
    public var expiresAt: Date
    /// SHA-256 of the secret (32 bytes) for `split`; `nil` otherwise.
    public var secretHash: [UInt8]?
    /// Every other column or field, unchanged.
    public var attributes: AuthAttributes

    /// Creates a record.
    public init(id: String, userID: String, expiresAt: Date, secretHash: [UInt8]? = nil, attributes: AuthAttributes = [:]) {
        self.id = id
        self.userID = userID
        self.expiresAt = expiresAt
        self.secretHash = secretHash
        self.attributes = attributes
    }

    /// Without the id (which is the cookie value in `lucia-v3`) or the hash.
    public var description: String {
        "SessionRecord(user: \(userID), expiresAt: \(expiresAt), secretHash: \(secretHash == nil ? "none" : "set"))"
    }
}

/// What one round trip returns for a session id: the session and its user, when that user exists.
public struct SessionLookup: Sendable, Hashable {
    /// The stored session.
    public var session: SessionRecord
    /// Its user; `nil` when the session is orphaned.
    public var user: AuthUser?

    /// Creates a lookup result.
    public init(session: SessionRecord, user: AuthUser?) {
        self.session = session
        self.user = user
    }
}
