public import AuthStore
public import DoctorRun

/// Which auth store an admin command works on: a MongoDB database or a SQLite file.
public enum AdminTarget: Sendable {
    /// MongoDB: the resolved target, the database (`nil`: the URI's path, else `auth`), the
    /// collection names, and the per-stage timeout in seconds.
    case mongo(TargetResolver.Target, database: String?, users: String, sessions: String, timeout: Double)
    /// The SQLite store at a path; it must exist (`provision --sqlite` creates it).
    case sqlite(path: String)
}

/// Where a store was opened, without secrets: what the output's `store` shows.
public struct AdminStoreDescription: Sendable, Hashable {
    /// `mongodb` or `sqlite`.
    public let backend: String
    /// MongoDB: the database; SQLite: nil.
    public let database: String?
    /// SQLite: the file; MongoDB: nil.
    public let path: String?
    /// The session token format in use (the flag, the ledger, the data, else `split`).
    public let sessionFormat: SessionTokenFormat

    /// Creates a description.
    public init(backend: String, database: String?, path: String?, sessionFormat: SessionTokenFormat) {
        self.backend = backend
        self.database = database
        self.path = path
        self.sessionFormat = sessionFormat
    }
}
