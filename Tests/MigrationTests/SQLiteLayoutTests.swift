import Migration
import Testing

/// Layout detection from table and column names alone.
@Suite struct SQLiteLayoutTests {
    static let v2Session = ["id", "user_id", "active_expires", "idle_expires"]
    static let v3Session = ["id", "user_id", "expires_at"]
    static let key = ["id", "user_id", "hashed_password"]

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var tables: [String: [String]]
        var named: [String]?
        var expected: SQLiteLayout
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "v2 docs", tables: ["user": ["id", "username"], "user_key": key, "user_session": v2Session],
             expected: SQLiteLayout(version: .v2, userTable: "user", sessionTable: "user_session", keyTable: "user_key")),
        Case(name: "v1 defaults", tables: ["auth_user": ["id"], "auth_key": key + ["primary_key", "expires"], "auth_session": v2Session],
             expected: SQLiteLayout(version: .v2, userTable: "auth_user", sessionTable: "auth_session", keyTable: "auth_key")),
        Case(name: "v3", tables: ["user": ["id", "username", "password_hash"], "session": v3Session],
             expected: SQLiteLayout(version: .v3, userTable: "user", sessionTable: "session")),
        Case(name: "v2 under the upgrade guide's names", tables: ["user": ["id"], "key": key, "session": v2Session],
             expected: SQLiteLayout(version: .v2, userTable: "user", sessionTable: "session", keyTable: "key")),
        Case(name: "v2 without keys", tables: ["user": ["id"], "user_session": v2Session],
             expected: SQLiteLayout(version: .v2, userTable: "user", sessionTable: "user_session")),
        Case(name: "named", tables: ["people": ["id"], "logins": v3Session, "other": ["x"]], named: ["people", "logins"],
             expected: SQLiteLayout(version: .v3, userTable: "people", sessionTable: "logins")),
        Case(name: "named with keys", tables: ["people": ["id"], "logins": v2Session, "creds": key], named: ["people", "logins", "creds"],
             expected: SQLiteLayout(version: .v2, userTable: "people", sessionTable: "logins", keyTable: "creds")),
    ]

    @Test(arguments: cases) func detects(_ c: Case) throws {
        #expect(try SQLiteLayout.detect(tables: c.tables, named: c.named, file: "auth.db") == c.expected)
    }

    @Test func anythingElseListsTheTablesFound() {
        let error = #expect(throws: MigrationError.self) {
            try SQLiteLayout.detect(tables: ["accounts": ["id"], "tokens": ["id"]], file: "app.db")
        }
        #expect(error?.description.contains("tables found: accounts, tokens") == true)
        #expect(error?.description.contains("--tables") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test(arguments: [
        (["user": ["id"], "session": ["id", "user_id"]], nil as [String]?, "neither idle_expires"),
        (["user": ["name"], "session": v3Session], nil, "the table user has no column id"),
        (["user": ["id"], "session": ["id", "expires_at"]], nil, "the table session has no column user_id"),
        (["user": ["id"], "session": v3Session], ["user"], "--tables takes USER,SESSION"),
        (["user": ["id"], "session": v3Session], ["user", "sessions"], "no table sessions"),
        (["user": ["id"], "user_session": v2Session, "user_key": ["id", "user_id"]], nil, "the table user_key has no column hashed_password"),
    ])
    func refuses(_ tables: [String: [String]], _ named: [String]?, _ message: String) {
        let error = #expect(throws: MigrationError.self) { try SQLiteLayout.detect(tables: tables, named: named, file: "auth.db") }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
