import Foundation
import AuthStore

/// The `user` and `session` tables: Lucia v3's DDL (adapter-sqlite 3.x), the columns AuthStore adds
/// (`username`, `hashed_password`; `secret_hash` for `split`), and the columns found in the file.
/// Immutable, and a class so that handing it to every call is one reference, not five arrays.
final class SQLiteSchema: Sendable {
    /// Lucia v3's `user` table with the tutorial's username and the upgrade guide's `hashed_password`.
    static let createUser = """
        CREATE TABLE IF NOT EXISTS "user" (
            id TEXT NOT NULL PRIMARY KEY,
            username TEXT NOT NULL,
            hashed_password TEXT
        )
        """
    /// Lucia v3's `session` table, exactly.
    static let createSession = """
        CREATE TABLE IF NOT EXISTS "session" (
            id TEXT NOT NULL PRIMARY KEY,
            expires_at INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            FOREIGN KEY (user_id) REFERENCES user(id)
        )
        """
    /// Usernames unique case-insensitively (ASCII, `NOCASE`; AuthStore stores them NFKC-normalised).
    static let usernameIndex = #"CREATE UNIQUE INDEX IF NOT EXISTS \#(usernameIndexName) ON "user" (username COLLATE NOCASE)"#
    static let usernameIndexName = "user_username_nocase"
    /// Listing and deleting a user's sessions filter on `user_id`.
    static let userIDIndex = #"CREATE INDEX IF NOT EXISTS \#(userIDIndexName) ON "session" (user_id)"#
    static let userIDIndexName = "session_user_id"

    /// The `user` columns in table order.
    let userColumns: [String]
    /// The `session` columns in table order.
    let sessionColumns: [String]
    /// The one-query validation lookup for these columns (session JOIN user), built once: its text is
    /// also the key of the connection's cached prepared statement.
    let sessionLookupSQL: String
    /// What each `session` column means, in table order.
    let sessionRoles: [SQLiteColumnRole]
    /// What each `user` column means, in table order.
    let userRoles: [SQLiteColumnRole]

    init(userColumns: [String], sessionColumns: [String]) {
        self.userColumns = userColumns
        self.sessionColumns = sessionColumns
        self.sessionRoles = sessionColumns.map(SQLiteColumnRole.session)
        self.userRoles = userColumns.map(SQLiteColumnRole.user)
        self.sessionLookupSQL = "SELECT "
            + (sessionColumns.map { "s." + Self.quoted($0) } + userColumns.map { "u." + Self.quoted($0) }).joined(separator: ", ")
            + #" FROM "session" AS s LEFT JOIN "user" AS u ON u.id = s.user_id WHERE s.id = ?"#
    }

    var hasSecretHash: Bool { sessionColumns.contains("secret_hash") }
    var userAttributeColumns: [String] { userColumns.filter { !AuthLayoutNames.userColumns.contains($0) } }
    var sessionAttributeColumns: [String] { sessionColumns.filter { !AuthLayoutNames.sessionColumns.contains($0) } }

    /// Creates what is missing, in one transaction, and reads the columns back.
    static func ensure(on connection: SQLiteConnection) throws(AuthStoreError) -> SQLiteSchema {
        try connection.transaction { () throws(AuthStoreError) -> SQLiteSchema in
            try connection.execute(createUser)
            try connection.execute(createSession)
            var schema = try read(on: connection)
            for column in ["username", "hashed_password"] where !schema.userColumns.contains(column) {
                try connection.execute(#"ALTER TABLE "user" ADD COLUMN \#(column) TEXT"#)
            }
            guard schema.sessionColumns.contains("user_id"), schema.sessionColumns.contains("expires_at"), schema.userColumns.contains("id") else {
                throw AuthStoreError(.schemaMismatch, "the session table lacks Lucia v3's user_id or expires_at (a v2 layout needs migrating)", file: connection.path)
            }
            do { try connection.execute(usernameIndex) } catch {
                throw AuthStoreError(.schemaMismatch, "usernames differing only in case exist; the unique index cannot be built", file: connection.path)
            }
            try connection.execute(userIDIndex)
            schema = try read(on: connection)
            return schema
        }
    }

    /// Adds `secret_hash BLOB` to `session` when missing.
    static func addSecretHash(on connection: SQLiteConnection) throws(AuthStoreError) -> SQLiteSchema {
        try connection.transaction { () throws(AuthStoreError) -> SQLiteSchema in
            if !(try read(on: connection)).hasSecretHash {
                try connection.execute(#"ALTER TABLE "session" ADD COLUMN secret_hash BLOB"#)
            }
            return try read(on: connection)
        }
    }

    /// The columns of both tables as the file has them.
    static func read(on connection: SQLiteConnection) throws(AuthStoreError) -> SQLiteSchema {
        SQLiteSchema(userColumns: try columns(of: "user", on: connection), sessionColumns: try columns(of: "session", on: connection))
    }

    private static func columns(of table: String, on connection: SQLiteConnection) throws(AuthStoreError) -> [String] {
        try connection.withStatement("SELECT name FROM pragma_table_info(?)") { (s) throws(AuthStoreError) -> [String] in
            try s.bind([.text(table)])
            var names: [String] = []
            while try s.step() { names.append(s.text(0) ?? "") }
            return names
        }
    }

    /// `"name"` with embedded quotes doubled.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
