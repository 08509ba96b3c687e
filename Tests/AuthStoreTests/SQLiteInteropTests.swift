import Foundation
import Testing
import AuthStore
import AuthStoreSQLite
import TestSupport

/// The Lucia side is Python's sqlite3 issuing exactly the SQL of `@lucia-auth/adapter-sqlite` 3.x
/// (lucia-schemas.md 2.4) on Lucia's DDL with the v3 tutorial's username column.
@Suite("AuthStore SQLite: Lucia interop")
struct SQLiteInteropTests {
    static let luciaDDL = """
        db.executescript('''
        CREATE TABLE user (id TEXT NOT NULL PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT);
        CREATE TABLE session (id TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL, user_id TEXT NOT NULL, FOREIGN KEY (user_id) REFERENCES user(id));
        ''')
        """

    @Test("a session written as Lucia's adapter writes it validates, is renewed in Lucia's units, and the format is detected")
    func luciaWrites() async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-lucia")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        let now = Date()
        let expires = Int((now.timeIntervalSince1970 * 1000 + 10 * 86_400_000) / 1000)  // Math.floor(getTime() / 1000): 10 days left
        try Python.sqlite(path, Self.luciaDDL + """

            db.execute('INSERT INTO `user` (`id`, `username`, `password_hash`) VALUES (?, ?, ?)', ('lucia0user00001', 'Grace', 'x'))
            db.execute('INSERT INTO `session` (`id`, `user_id`, `expires_at`) VALUES (?, ?, ?)', ('aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy', 'lucia0user00001', \(expires)))
            """)
        let backend = try await SQLiteAuthBackend.open(path: path)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend)
        #expect(store.tokenFormat == .luciaV3)
        let valid = try #require(try await store.validate(SessionToken("aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy")))
        #expect(valid.user.id == "lucia0user00001" && valid.user.username == "Grace" && valid.user.attributes["password_hash"] == .text("x"))
        #expect(valid.session.fresh, "10 days left of 30: renewed")
        let stored = try Python.sqlite(path, "r = db.execute('SELECT * FROM `session` WHERE `id` = ?', ('aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy',)).fetchone()\nprint(type(r[1]).__name__, r[1])")
        #expect(stored == "int \(Int(valid.session.expiresAt.timeIntervalSince1970))")
        #expect(try await store.user(username: "grace")?.id == "lucia0user00001")
    }

    @Test("a session AuthStore writes has the columns and types Lucia reads")
    func authStoreWrites() async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-lucia")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        let backend = try await SQLiteAuthBackend.open(path: path)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: .luciaV3))
        let user = try await store.createUser(username: "heidi", hashedPassword: "h")
        let created = try await store.createSession(userID: user.id)
        let token = created.token.value
        let lucia = try Python.sqlite(path, """
            s = db.execute('SELECT * FROM `session` WHERE `id` = ?', (\(Python.literal(token)),)).fetchone()
            cols = [d[0] for d in db.execute('SELECT * FROM `session` LIMIT 0').description]
            u = db.execute('SELECT `user`.* FROM `session` INNER JOIN `user` ON `user`.`id` = `session`.`user_id` WHERE `session`.`id` = ?', (\(Python.literal(token)),)).fetchone()
            print(cols)
            print(type(s[0]).__name__, type(s[1]).__name__, type(s[2]).__name__, s[1], s[2] == \(Python.literal(user.id)))
            print(u[0] == \(Python.literal(user.id)), u[1])
            """)
        #expect(lucia == """
            ['id', 'expires_at', 'user_id']
            str int str \(Int(created.session.expiresAt.timeIntervalSince1970)) True
            True heidi
            """)
        // Lucia's deleteExpiredSessions and deleteSession statements work on our rows.
        try Python.sqlite(path, "db.execute('DELETE FROM `session` WHERE `id` = ?', (\(Python.literal(token)),))")
        #expect(try await store.validate(created.token) == nil)
    }

    /// Column types seen in Lucia SQLite files besides the DDL above: integer user ids, a REAL
    /// `expires_at` (fractional seconds), and extra columns, which are attributes.
    /// `userID` and `expiresSuffix` are Python expressions.
    static let columnTypeCases: [(name: String, userID: String, userIDType: String, expiresSuffix: String)] = [
        ("text ids, integer expiry", "'u1'", "TEXT", ""),
        ("integer ids", "42", "INTEGER", ""),
        ("a REAL expires_at", "'u1'", "TEXT", " + 0.75"),
    ]

    @Test("rows are read by column role whatever the column types and order", arguments: columnTypeCases)
    func columnTypes(_ tableCase: (name: String, userID: String, userIDType: String, expiresSuffix: String)) async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-lucia")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        let expires = Int(Date().timeIntervalSince1970) + 20 * 86_400
        try Python.sqlite(path, """
            db.executescript('''
            CREATE TABLE user (id \(tableCase.userIDType) NOT NULL PRIMARY KEY, plan TEXT, username TEXT NOT NULL UNIQUE);
            CREATE TABLE session (ip TEXT, id TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL, user_id \(tableCase.userIDType) NOT NULL);
            ''')
            db.execute('INSERT INTO user (id, plan, username) VALUES (?, ?, ?)', (\(tableCase.userID), 'pro', 'ivan'))
            db.execute('INSERT INTO session (ip, id, expires_at, user_id) VALUES (?, ?, ?, ?)', ('127.0.0.1', 'aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy', \(expires)\(tableCase.expiresSuffix), \(tableCase.userID)))
            """)
        let backend = try await SQLiteAuthBackend.open(path: path)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: .luciaV3))
        let valid = try #require(try await store.validate(SessionToken("aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy")), "\(tableCase.name)")
        let userID = tableCase.userID.replacingOccurrences(of: "'", with: "")
        #expect(valid.user.id == userID && valid.session.userID == userID)
        #expect(valid.user.username == "ivan" && valid.user.attributes == ["plan": .text("pro")])
        #expect(valid.session.attributes == ["ip": .text("127.0.0.1")])
        #expect(valid.session.expiresAt == Date(timeIntervalSince1970: TimeInterval(expires)) && !valid.session.fresh)
    }
}
