public import MongoBridge

/// Which auth store `check --db NAME` examines: the database and its collection names.
public struct AuthStoreTarget: Sendable, Equatable {
    /// The database (`--db`).
    public var database: String
    /// The users collection (`--users`, default `users`).
    public var users: String
    /// The sessions collection (`--sessions`, default `sessions`).
    public var sessions: String
    /// Lucia v2's keys collection, whose presence marks the v2 layout (unless the ledger records a
    /// verified `migrate lucia-v2-to-v3` that kept it).
    public var keys: String
    /// `provision`'s ledger collection, where `migrate` records its runs (`nil`: not read).
    public var ledger: String?

    /// Creates a target.
    public init(database: String, users: String = "users", sessions: String = "sessions", keys: String = "keys", ledger: String? = nil) {
        self.database = database
        self.users = users
        self.sessions = sessions
        self.keys = keys
        self.ledger = ledger
    }

    /// The values every auth store finding gives the catalog: `{db}`, `{users}`, `{sessions}`.
    var values: [String: String] { ["db": database, "users": users, "sessions": sessions] }
}

/// What the `authstore` check read from the database (read-only), for `AuthStoreFindings`.
public struct AuthStoreSnapshot: Sendable {
    /// Each existing collection's name and whether it has a validator.
    public var collections: [String: Bool] = [:]
    /// `listIndexes` of the users and sessions collections, by collection.
    public var indexes: [String: [BSONDocument]] = [:]
    /// BSON type names of a sample of `users._id` (`objectId`, `string`) with their counts.
    public var userIDTypes: [String: Int] = [:]
    /// BSON type names of a sample of `sessions.user_id`.
    public var sessionUserIDTypes: [String: Int] = [:]
    /// Session fields of Lucia v2 seen in a sample (`active_expires`, `idle_expires`).
    public var v2SessionFields: [String] = []
    /// Sessions whose user does not exist (not counted when the id types differ).
    public var orphanSessions: Int?
    /// Sessions past their expiry (`expires_at` < now; v2: `idle_expires` < now in milliseconds).
    public var expiredSessions: Int?
    /// Lower-cased usernames held by more than one user, with how many, most first.
    public var duplicateUsernames: [(name: String, count: Int)] = []
    /// Whether the ledger records a verified `migrate lucia-v2-to-v3` (the keys collection it kept is no v2 sign).
    public var migratedFromV2 = false

    /// An empty snapshot.
    public init() {}
}
