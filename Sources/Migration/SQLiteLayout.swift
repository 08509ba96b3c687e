/// Which Lucia tables an SQLite file holds, and in which version (lucia-schemas.md §1.3, §2.4).
///
/// The version follows the session table's columns: `idle_expires` (milliseconds) is Lucia v2,
/// `expires_at` (seconds) Lucia v3. The table names are detected from the known families, or named.
public struct SQLiteLayout: Sendable, Equatable {
    /// Lucia's major version of the data.
    public enum Version: String, Sendable {
        case v2 = "lucia-v2"
        case v3 = "lucia-v3"
    }

    /// The version.
    public var version: Version
    /// The user table.
    public var userTable: String
    /// The session table.
    public var sessionTable: String
    /// The key table (Lucia v2), when there is one.
    public var keyTable: String?

    /// Creates a layout.
    public init(version: Version, userTable: String, sessionTable: String, keyTable: String? = nil) {
        self.version = version
        self.userTable = userTable
        self.sessionTable = sessionTable
        self.keyTable = keyTable
    }

    /// The column holding a session's expiry.
    public var expiryColumn: String { version == .v2 ? "idle_expires" : "expires_at" }
    /// The unit of that column.
    public var expiryUnit: ExpiryUnit { version == .v2 ? .milliseconds : .seconds }
    /// Session columns that are not carried as fields.
    public var consumedSessionColumns: Set<String> { ["id", "user_id", "idle_expires", "active_expires", "expires_at"] }

    /// The table families tried in order: Lucia v2's docs, Lucia v1's defaults, Lucia v3 (and the v3 upgrade guide's `key`).
    public static let families: [(user: String, session: String, key: String)] = [
        ("user", "user_session", "user_key"), ("auth_user", "auth_session", "auth_key"), ("user", "session", "key"),
    ]

    /**
     The layout of a file with `tables` (name → column names).

     - Parameters:
       - tables: every table of the file and its columns.
       - named: `--tables USER,SESSION[,KEY]`, when given.
       - file: the file's path, for the errors.
     - Throws: `MigrationError` listing the tables found when no family matches, naming a missing table
       or column, or a session table with neither `idle_expires` nor `expires_at`.
     */
    public static func detect(tables: [String: [String]], named: [String]? = nil, file: String) throws(MigrationError) -> SQLiteLayout {
        let found = tables.keys.sorted()
        let listed = found.isEmpty ? "none" : found.joined(separator: ", ")
        var choice: (user: String, session: String, key: String?)
        if let named {
            guard named.count == 2 || named.count == 3 else {
                throw MigrationError("--tables takes USER,SESSION or USER,SESSION,KEY, got \(named.joined(separator: ","))")
            }
            for name in named where tables[name] == nil {
                throw MigrationError("\(file): no table \(name) (tables: \(listed))")
            }
            choice = (named[0], named[1], named.count == 3 ? named[2] : nil)
        } else if let family = families.first(where: { tables[$0.user] != nil && tables[$0.session] != nil }) {
            choice = (family.user, family.session, tables[family.key] != nil ? family.key : nil)
        } else {
            throw MigrationError("\(file): no Lucia tables (user/user_session/user_key, auth_user/auth_session/auth_key or user/session); tables found: \(listed); name them with --tables USER,SESSION[,KEY]")
        }
        let sessionColumns = Set(tables[choice.session] ?? [])
        let version: Version
        if sessionColumns.contains("idle_expires") { version = .v2 }
        else if sessionColumns.contains("expires_at") { version = .v3 }
        else {
            throw MigrationError("\(file): the session table \(choice.session) has neither idle_expires (Lucia v2) nor expires_at (Lucia v3)")
        }
        try require(["id"], in: choice.user, tables, file)
        try require(["id", "user_id"], in: choice.session, tables, file)
        if let key = choice.key { try require(["id", "user_id", "hashed_password"], in: key, tables, file) }
        return SQLiteLayout(version: version, userTable: choice.user, sessionTable: choice.session, keyTable: version == .v2 ? choice.key : choice.key)
    }

    private static func require(_ columns: [String], in table: String, _ tables: [String: [String]], _ file: String) throws(MigrationError) {
        let have = tables[table] ?? []
        for column in columns where !have.contains(column) {
            throw MigrationError("\(file): the table \(table) has no column \(column) (columns: \(have.joined(separator: ", ")))")
        }
    }
}
