/// Where `MongoAuthBackend` keeps Lucia v3's collections: the database and the two collection names.
public struct MongoAuthConfiguration: Sendable, Hashable {
    /// The database used when none is configured: `auth`.
    public static let defaultDatabase = "auth"

    /// The database holding the collections (`--db`, the URI's path, or `auth`).
    public var database: String
    /// The users collection (`users` by default).
    public var usersCollection: String
    /// The sessions collection (`sessions` by default).
    public var sessionsCollection: String

    /// Creates a configuration; an empty or `nil` database means `auth`.
    public init(database: String? = nil, usersCollection: String = "users", sessionsCollection: String = "sessions") {
        self.database = database.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultDatabase
        self.usersCollection = usersCollection
        self.sessionsCollection = sessionsCollection
    }
}
