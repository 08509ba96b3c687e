import AuthStore
import AuthStoreSQLite
import Foundation
import Testing
import TestSupport

/// `users` and `sessions` through the built binary on a temporary SQLite store (offline). Sessions
/// are created and expired sessions written through the library; every output is checked for the
/// password, the tokens, the stored session ids and the hash.
@Suite("users and sessions commands (SQLite)")
struct AdminCommandTests {
    static let password = "c0rrect-H0rse-battery"

    /// A provisioned store in a temporary directory, and every secret that must never be printed.
    final class Store: @unchecked Sendable {
        let directory: TemporaryDirectory
        let path: String
        let format: SessionTokenFormat
        var secrets: [String] = [AdminCommandTests.password]

        init(_ format: SessionTokenFormat) throws {
            directory = try TemporaryDirectory()
            path = directory.appending("auth.db")
            self.format = format
            let out = try ProcessRunner.run("mongo-doctor", ["provision", "--sqlite", path, "--session-format", format.rawValue])
            #expect(out.status == 0, "provision: \(out.combined)")
        }

        /// Runs `mongo-doctor ARGS --sqlite PATH [--json]`, asserting no secret is in the output.
        func run(_ args: [String], json: Bool = true, stdin: String? = nil) throws -> (status: Int32, object: [String: Any], out: ProcessRunner.Output) {
            let out = try ProcessRunner.run("mongo-doctor", args + ["--sqlite", path] + (json ? ["--json"] : []), stdin: stdin)
            for secret in secrets { #expect(!out.combined.contains(secret), "mongo-doctor \(args.joined(separator: " ")) showed a secret") }
            guard json else { return (out.status, [:], out) }
            let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
            return (out.status, try #require(object, "not JSON: \(out.combined)"), out)
        }

        /// Runs `body` with an AuthStore on the file (the library side of the test).
        func withLibrary<T>(clock: Date = Date(), _ body: (AuthStore, SQLiteAuthBackend) async throws -> T) async throws -> T {
            let backend = try await SQLiteAuthBackend.open(path: path)
            defer { backend.close() }
            let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: format, clock: { clock }))
            return try await body(store, backend)
        }

        /// A session written directly with an expiry in the past; returns its token.
        func insertExpired(userID: String) async throws -> String {
            let generated = try format.generate()
            try await withLibrary { _, backend in
                try await backend.insertSession(SessionRecord(id: generated.sessionID, userID: userID, expiresAt: Date().addingTimeInterval(-60), secretHash: generated.secretHash))
            }
            secrets += [generated.token.value, generated.sessionID]
            return generated.token.value
        }

        /// A live session created through the library; returns its token and stored id.
        func createSession(userID: String) async throws -> (token: String, id: String) {
            let created = try await withLibrary { store, _ in try await store.createSession(userID: userID) }
            secrets += [created.token.value, created.session.id]
            return (created.token.value, created.session.id)
        }
    }

    @Test("add, list, verify, validate, revoke, expired, purge, delete", arguments: SessionTokenFormat.allCases)
    func lifecycle(format: SessionTokenFormat) async throws {
        let store = try Store(format)
        defer { store.directory.remove() }

        let added = try store.run(["users", "add", "alice", "--password-stdin"], stdin: Self.password + "\n")
        #expect(added.status == 0)
        let user = try #require(added.object["user"] as? [String: Any])
        #expect(user["username"] as? String == "alice" && user["hasPassword"] as? Bool == true)
        let userID = try #require(user["id"] as? String)
        let hash = try #require(try await store.withLibrary { s, _ in try await s.user(id: userID)?.hashedPassword })
        #expect(hash.hasPrefix("$argon2id$"))
        store.secrets.append(hash)
        // Before any session, the format is the one provision recorded in the file's ledger (sha256 included).
        #expect((added.object["store"] as? [String: Any])?["sessionFormat"] as? String == format.rawValue)
        let columns = try TestPython.run("import sqlite3, sys\nprint(','.join(r[1] for r in sqlite3.connect(sys.argv[1]).execute('PRAGMA table_info(session)')))", [store.path])
        #expect(columns.contains("secret_hash") == (format == .split), "opening the store must not add secret_hash: \(columns)")

        let taken = try store.run(["users", "add", "ALICE", "--password-stdin"], stdin: "other")
        #expect(taken.status == 1 && taken.object["reason"] as? String == "username-taken")

        let listed = try store.run(["users", "list"])
        #expect(listed.status == 0)
        #expect((listed.object["users"] as? [[String: Any]])?.map { $0["username"] as? String } == ["alice"])

        let right = try store.run(["users", "verify", "Alice", "--password-stdin"], stdin: Self.password)
        #expect(right.status == 0 && right.object["match"] as? Bool == true)
        let wrong = try store.run(["users", "verify", "alice", "--password-stdin"], stdin: Self.password + "x")
        #expect(wrong.status == 1 && wrong.object["match"] as? Bool == false)
        #expect(try store.run(["users", "verify", "nobody", "--password-stdin"], stdin: Self.password).status == 1)

        let session = try await store.createSession(userID: userID)
        let fingerprint = AuthSession.fingerprint(ofStoredID: session.id)
        #expect(fingerprint.count == 8 && fingerprint.allSatisfy(\.isHexDigit))
        let sessions = try store.run(["sessions", "list", "alice"])
        #expect((sessions.object["store"] as? [String: Any])?["sessionFormat"] as? String == format.rawValue, "detected from the session")
        #expect((sessions.object["sessions"] as? [[String: Any]])?.map { $0["fingerprint"] as? String } == [fingerprint])

        let valid = try store.run(["sessions", "validate", "--token-stdin"], stdin: session.token + "\n")
        #expect(valid.status == 0 && valid.object["valid"] as? Bool == true)
        #expect((valid.object["user"] as? [String: Any])?["username"] as? String == "alice")
        #expect((valid.object["session"] as? [String: Any])?["fingerprint"] as? String == fingerprint)
        let validText = try store.run(["sessions", "validate", "--token-stdin"], json: false, stdin: session.token)
        #expect(validText.status == 0 && validText.out.stdout.contains("\"alice\"") && validText.out.stdout.contains(fingerprint))

        let revoked = try store.run(["sessions", "revoke", "alice"])
        #expect(revoked.status == 0 && revoked.object["revoked"] as? Int == 1)
        let gone = try store.run(["sessions", "validate", "--token-stdin"], stdin: session.token)
        #expect(gone.status == 1 && gone.object["reason"] as? String == "unknown" && gone.object["user"] is NSNull)

        let expired = try await store.insertExpired(userID: userID)
        let expiredOut = try store.run(["sessions", "validate", "--token-stdin"], stdin: expired)
        #expect(expiredOut.status == 1 && expiredOut.object["reason"] as? String == "expired")
        let expiredText = try store.run(["sessions", "validate", "--token-stdin"], json: false, stdin: expired)
        #expect(expiredText.status == 1 && expiredText.out.stdout == "not valid: unknown\n", "the expired session was deleted")

        _ = try await store.insertExpired(userID: userID)
        _ = try await store.insertExpired(userID: userID)
        let live = try await store.createSession(userID: userID)
        let purged = try store.run(["sessions", "purge-expired"])
        #expect(purged.status == 0 && purged.object["purged"] as? Int == 2)
        #expect(try store.run(["sessions", "purge-expired"]).object["purged"] as? Int == 0)

        let deleted = try store.run(["users", "delete", "alice"])
        #expect(deleted.status == 0 && deleted.object["deleted"] as? Bool == true)
        let afterDelete = try store.run(["sessions", "validate", "--token-stdin"], stdin: live.token)
        #expect(afterDelete.status == 1 && afterDelete.object["reason"] as? String == "unknown", "deleting a user deletes their sessions")
        #expect(try store.run(["users", "delete", "alice"]).status == 1)
        #expect(try store.run(["sessions", "list", "alice"]).object["reason"] as? String == "no-such-user")
        #expect(try store.run(["users", "list"]).object["users"] as? [Any] != nil)
    }

    @Test("a session whose user row is gone is rejected as user-gone, then unknown")
    func orphanIsUserGone() async throws {
        let store = try Store(.luciaV3)
        defer { store.directory.remove() }
        let id = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy"
        store.secrets.append(id)
        let expires = Int(Date().timeIntervalSince1970) + 86_400
        try TestPython.run("import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\ndb.execute('INSERT INTO session (id, user_id, expires_at) VALUES (?, ?, ?)', (sys.argv[2], 'ghost', int(sys.argv[3])))\ndb.commit()\n",
                           [store.path, id, String(expires)])
        let first = try store.run(["sessions", "validate", "--token-stdin"], stdin: id)
        #expect(first.status == 1 && first.object["reason"] as? String == "user-gone")
        let second = try store.run(["sessions", "validate", "--token-stdin"], json: false, stdin: id)
        #expect(second.status == 1 && second.out.stdout == "not valid: unknown\n")
    }

    @Test("tool failures and bad arguments exit 2 on stderr", arguments: [
        ["users", "add", "bob"], ["users", "verify", "bob"], ["sessions", "validate"],
        ["users", "list", "--db", "x"], ["users", "list", "--uri", "mongodb://127.0.0.1:1/"],
        ["users", "list", "--session-format", "nope"], ["users", "list", "--limit", "0"], ["sessions", "list"],
    ])
    func badArguments(args: [String]) throws {
        let store = try Store(.split)
        defer { store.directory.remove() }
        let out = try ProcessRunner.run("mongo-doctor", args + ["--sqlite", store.path], stdin: Self.password)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("mongo-doctor: ") && !out.combined.contains(Self.password))
    }

    @Test("a missing store, or a file that is no database, is a tool failure", arguments: ["missing", "text"])
    func unreadableStore(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        if kind == "text" { try "not a database, just some text that is long enough to be read".write(toFile: path, atomically: true, encoding: .utf8) }
        let out = try ProcessRunner.run("mongo-doctor", ["users", "list", "--sqlite", path, "--json"])
        #expect(out.status == 2 && out.stdout.isEmpty)
        #expect(out.stderr.contains(kind == "missing" ? "no SQLite store" : "not an SQLite database"), "\(out.stderr)")
        #expect(kind == "text" || !FileManager.default.fileExists(atPath: path), "a missing store is not created")
    }

    @Test("sessions validate and users verify read their secret on stdin only: no argument takes it")
    func noSecretArguments() throws {
        for args in [["sessions", "validate", "--token", "x"], ["users", "verify", "bob", "--password", "x"], ["users", "add", "bob", "x", "--password-stdin"]] {
            let out = try ProcessRunner.run("mongo-doctor", args + ["--sqlite", "/nonexistent/auth.db"])
            #expect(out.status == 2, "mongo-doctor \(args.joined(separator: " ")) must be refused")
        }
    }
}
