import AuthStore
import Foundation
import MongoBridge
import PasswordHashing
import Testing
import TestSupport

/// `migrate sqlite` through the binary into the live test server, on every layout: the documents field
/// by field, the skips, the ledger, a login with the old password, `check --db` clean, an idempotent rerun.
extension MigrationLive {
@Suite struct SQLiteMigrationLiveTests {
    @Test(arguments: LuciaSQLiteFixture.Layout.allCases)
    func migratesEveryLayout(_ layout: LuciaSQLiteFixture.Layout) async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        let now = Date()
        try await f.makeSQLite(layout, now: now)
        let nowMs = Int64(now.timeIntervalSince1970 * 1000), day: Int64 = 86_400_000

        let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"])
        #expect(out.status == 1, "rows were skipped: \(out.stderr)")
        #expect(out.stderr.isEmpty, "no progress bar when standard error is not a terminal: \(out.stderr)")
        let report = try f.migrateJSON(out)
        #expect((report["verification"] as? [String: Any])?["passed"] as? Bool == true)
        #expect(report["skipped"] as? Int == (layout.hasKeys ? 9 : 7))
        let counts = try #require(report["counts"] as? [String: [String: Any]])
        #expect(counts["users"]?["written"] as? Int == 2 && counts["sessions"]?["written"] as? Int == 3)

        let users = try await f.find("users")
        #expect(users.map { $0["_id"] } == ["u1", "u2"])
        let alice = users[0]
        #expect(alice["username"] == "Alice" && alice["age"] == .int64(30) && alice["score"] == .double(1.5))
        #expect(alice["avatar"] == .binary(BSONBinary(bytes: [1, 2])) && alice["note"] == .null)
        #expect(alice["hashed_password"] == .string(layout == .v3 ? LuciaSQLiteFixture.v3ScryptHash : LuciaSQLiteFixture.s2Hash))
        #expect(users[1]["username"] == (layout == .v3 ? "bob" : "bob@example.com"))
        if layout.hasKeys {
            #expect(users[1]["email"] == "bob@example.com" && users[1]["hashed_password"] == .string(LuciaSQLiteFixture.legacyHash))
            #expect(try await f.find("oauth_accounts") == [["_id": "github:42", "provider_id": "github", "provider_user_id": "42", "user_id": "u1"]])
        }

        let sessions = try await f.find("sessions")
        #expect(Set(sessions.compactMap { $0["_id"]?.stringValue }) == [LuciaSQLiteFixture.sessionU1, LuciaSQLiteFixture.sessionU2, LuciaSQLiteFixture.sessionReal])
        let s1 = try #require(sessions.first { $0["_id"] == .string(LuciaSQLiteFixture.sessionU1) })
        let expected = layout == .v3 ? (nowMs + 15 * day) / 1000 * 1000 : nowMs + 15 * day
        #expect(s1 == ["_id": .string(LuciaSQLiteFixture.sessionU1), "user_id": "u1", "expires_at": .date(BSONDate(millisecondsSinceEpoch: expected)), "ip": "1.2.3.4"])
        let real = try #require(sessions.first { $0["_id"] == .string(LuciaSQLiteFixture.sessionReal) })
        #expect(real["expires_at"] == .date(BSONDate(millisecondsSinceEpoch: nowMs + 5 * day)))

        let ledger = try await f.find("auth_provision", ["step": "migrate.sqlite"])
        #expect(ledger.count == 1 && ledger.first?["sessionFormat"] == "lucia-v3" && ledger.first?["verified"] == true)
        #expect(ledger.first?.value(atPath: "counts.sessions.migrated") == .int64(3))

        // The old password logs in; the legacy hash is replaced by argon2id.
        let store = try await f.store()
        let hasher = PasswordHasher(maxConcurrentHashes: 1)
        #expect(try await store.verifyPassword(username: "alice", password: LuciaSQLiteFixture.password, hasher: hasher)?.id == "u1")
        #expect(try await store.verifyPassword(username: "alice", password: "wrong", hasher: hasher) == nil)
        #expect(try await store.user(id: "u1")?.hashedPassword?.hasPrefix("$argon2id$") == true)
        let validated = try await store.validate(SessionToken(LuciaSQLiteFixture.sessionU2))
        #expect(validated?.user.id == "u2")

        let check = try await f.run(["check", "--json"])
        #expect(check.status == 0, "check --db after the migration: \(check.stdout)")

        // A rerun converges on the same documents (the rehashed password is the source's again).
        let again = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"])
        #expect(again.status == 1)
        let (userCount, sessionCount) = try await (f.count("users"), f.count("sessions"))
        #expect(userCount == 2 && sessionCount == 3)
        #expect(try await f.find("users").first?["hashed_password"] == alice["hashed_password"])
    }

    @Test func sha256StoresHashedIDsThatTheAppFindsByHashingTheCookie() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        try await f.makeSQLite(.v2, badRows: false)
        let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--session-format", "sha256"])
        #expect(out.status == 1, "u3 and the bad sessions are skipped: \(out.combined)")
        let ids = Set(try await f.find("sessions").compactMap { $0["_id"]?.stringValue })
        #expect(ids == Set([LuciaSQLiteFixture.sessionU1, LuciaSQLiteFixture.sessionU2, LuciaSQLiteFixture.sessionReal].map {
            AuthCrypto.hexLowercase(AuthCrypto.sha256($0))
        }))
        let store = try await f.store()
        #expect(store.tokenFormat == .sha256)
        #expect(try await store.validate(SessionToken(LuciaSQLiteFixture.sessionU1))?.user.id == "u1")
        #expect(try await f.run(["check"]).status == 0)
    }

    @Test func splitIsRefusedAndNothingIsWritten() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        try await f.makeSQLite(.v3)
        let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--session-format", "split"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("split cannot be derived from existing tokens"))
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(try await f.collections().isEmpty)
    }

    @Test func aDryRunWritesNothingAndLeavesTheFileAlone() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        try await f.makeSQLite(.v2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: f.sqlitePath))
        let mtime = try FileManager.default.attributesOfItem(atPath: f.sqlitePath)[.modificationDate] as? Date
        let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--dry-run"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("sample users:") && out.stdout.contains("duplicate-username") && out.stdout.contains("nothing was written"))
        #expect(try await f.collections().isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.sqlitePath)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: f.sqlitePath)[.modificationDate] as? Date == mtime)
    }

    @Test func badFilesAreOneLineAndExit2() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        let notSQLite = f.dir.appending("notes.db")
        try Data("hello, this is not a database at all, just text\n".utf8).write(to: URL(fileURLWithPath: notSQLite))
        let other = f.dir.appending("other.db")
        try await f.blocking { try TestPython.run("import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('CREATE TABLE todo (id)'); d.commit()", [other]) }
        for (path, message) in [(notSQLite, "not an SQLite database"), (other, "tables found: todo"), (f.dir.appending("absent.db"), "no such file")] {
            let out = try await f.run(["migrate", "sqlite", "--from", path])
            #expect(out.status == 2 && out.stderr.contains(message), "\(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count == 1)
        }
        #expect(try await f.collections().isEmpty)
    }

    @Test func aUsernameTheTargetHasAlreadyIsReportedAndItsSessionsSkipped() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        try await f.makeSQLite(.v3, badRows: false)
        #expect(try await f.run(["provision", "--session-format", "lucia-v3"]).status == 0)
        _ = try await f.pool.withClient { [db = f.database] in try $0.database(db).collection("users").insertOne(["_id": "other", "username": "BOB"]) }
        let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"])
        #expect(out.status == 1)
        let report = try f.migrateJSON(out)
        let skips = try #require(report["skips"] as? [[String: Any]])
        #expect(skips.contains { $0["row"] as? String == "u2" && $0["reason"] as? String == "duplicate-username" })
        #expect(skips.contains { $0["reason"] as? String == "user-skipped" && ($0["detail"] as? String)?.contains("u2") == true })
        #expect((report["verification"] as? [String: Any])?["passed"] as? Bool == true)
        #expect(try await f.find("users").map { $0["_id"] } == ["other", "u1"])
    }
}
}
