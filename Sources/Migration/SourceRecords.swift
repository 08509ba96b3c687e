public import MongoBridge

/// A user as the source holds it: its id, its other columns or fields in order, and (Lucia v2) its keys.
public struct SourceUser: Sendable {
    /// Where it is, for reports (`rowid 12`, or the `_id`).
    public var row: String
    /// The id as stored (`nil` when missing).
    public var id: BSONValue?
    /// The other columns or fields, in their order (SQLite types mapped: INTEGER int64, REAL double,
    /// TEXT string, BLOB binary, NULL null).
    public var fields: [(String, BSONValue)]
    /// The user's Lucia v2 keys, in source order.
    public var keys: [SourceKey]

    /// Creates a user.
    public init(row: String, id: BSONValue?, fields: [(String, BSONValue)], keys: [SourceKey] = []) {
        self.row = row
        self.id = id
        self.fields = fields
        self.keys = keys
    }
}

/// A Lucia v2 key: `providerId:providerUserId`, the user, and the password hash (null for OAuth).
public struct SourceKey: Sendable, Equatable {
    /// The key id as stored.
    public var id: BSONValue?
    /// The user it belongs to.
    public var userID: String
    /// The hash as stored (null or missing: a passwordless key).
    public var hashedPassword: BSONValue?

    /// Creates a key.
    public init(id: BSONValue?, userID: String, hashedPassword: BSONValue?) {
        self.id = id
        self.userID = userID
        self.hashedPassword = hashedPassword
    }

    /// The provider (`username`, `email`, `github`) and the provider's user id (split at the first `:`).
    public var parts: (provider: String, providerUserID: String)? {
        guard case .string(let text)? = id, let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

/// The unit a source stores session expiry in.
public enum ExpiryUnit: String, Sendable {
    /// Lucia v2 (`idle_expires`): Unix milliseconds.
    case milliseconds
    /// Lucia v3 on SQLite (`expires_at`): Unix seconds.
    case seconds
}

/// A session as the source holds it.
public struct SourceSession: Sendable {
    /// Where it is, for reports (`rowid 12`; never the id).
    public var row: String?
    /// The id as stored.
    public var id: BSONValue?
    /// The user id as stored.
    public var userID: BSONValue?
    /// The expiry as stored (`idle_expires` in v2, `expires_at` in v3).
    public var expiry: BSONValue?
    /// The other columns or fields (not id, user_id, the expiry columns), in order.
    public var fields: [(String, BSONValue)]
    /// Whether the source has the user.
    public var userExists: Bool

    /// Creates a session.
    public init(row: String?, id: BSONValue?, userID: BSONValue?, expiry: BSONValue?, fields: [(String, BSONValue)], userExists: Bool) {
        self.row = row
        self.id = id
        self.userID = userID
        self.expiry = expiry
        self.fields = fields
        self.userExists = userExists
    }
}
