public import ArgumentParser
import AuthStore
public import DoctorChecks

/// `--db NAME`, `--users`, `--sessions`: which auth store `check` examines (the `authstore` check).
public struct AuthStoreOptions: ParsableArguments {
    /// The auth store's database; without it the `authstore` check does not run.
    @Option(name: .long, help: "Check the auth store (users and sessions) in this database.")
    public var db: String?

    /// The users collection.
    @Option(name: .long, help: "The users collection (with --db).")
    public var users: String = "users"

    /// The sessions collection.
    @Option(name: .long, help: "The sessions collection (with --db).")
    public var sessions: String = "sessions"

    public init() {}

    public func validate() throws {
        if db == nil, users != "users" || sessions != "sessions" { throw ValidationError("--users and --sessions need --db NAME") }
        if let db { try Self.validateDatabaseName(db) }
        if users.isEmpty || sessions.isEmpty || users == sessions { throw ValidationError("--users and --sessions must be two collection names") }
    }

    /// Refuses what cannot be a MongoDB database name (empty, or one of `/\\. "$`).
    static func validateDatabaseName(_ db: String) throws {
        if db.isEmpty || db.contains(where: { "/\\. \"$".contains($0) }) {
            throw ValidationError("--db must be a database name (no /\\. \"$), got '\(db)'")
        }
    }

    /// The target, when `--db` is given.
    public var target: AuthStoreTarget? {
        db.map { AuthStoreTarget(database: $0, users: users, sessions: sessions, ledger: ProvisionLedger.collection(forUsers: users)) }
    }
}
