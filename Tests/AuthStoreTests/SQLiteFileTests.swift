import Foundation
import Testing
import AuthStore
import AuthStoreSQLite
import TestSupport

/// Files that are not usable databases: a typed error naming the file, the file untouched.
@Suite("AuthStore SQLite: bad files")
struct SQLiteFileTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] + Array(repeating: 0x42, count: 4096)

    @Test("a PNG, a text file, a few bytes of text, a truncated database", arguments: ["png", "text", "short", "truncated"])
    func badFile(kind: String) async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-bad")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        switch kind {
        case "png": _ = FileManager.default.createFile(atPath: path, contents: Data(Self.png))
        case "text": _ = FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "not a database\n", count: 300).utf8))
        // Shorter than a page, which SQLite alone would take for an empty database and write over.
        case "short": _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        default:
            try Python.sqlite(path, "db.execute('CREATE TABLE filler (x)')\nfor i in range(2000): db.execute('INSERT INTO filler VALUES (?)', ('x' * 100,))")
            let whole = try Data(contentsOf: URL(fileURLWithPath: path))
            try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: path))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = await #expect(throws: AuthStoreError.self) { _ = try await SQLiteAuthBackend.open(path: path) }
        #expect(error?.code == .notADatabase || error?.code == .corruptDatabase)
        #expect(error?.file == path && "\(error!)".contains(path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "never a half-write")
    }

    /// `inspect` (what `provision --dry-run` reads) writes nothing: a read-only connection to a WAL database
    /// used to leave `-wal` and `-shm` files beside it. Found by `GarbageInputTests` (a truncated auth.db).
    @Test("inspect leaves a WAL database and its directory as they were", arguments: ["whole", "truncated"])
    func inspectWritesNothing(kind: String) async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-inspect")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        let backend = try await SQLiteAuthBackend.open(path: path)
        let store = try await AuthStore.open(backend: backend)
        _ = try await store.createUser(username: "alice", hashedPassword: nil)
        backend.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["auth.db"])
        if kind == "truncated" {
            let whole = try Data(contentsOf: URL(fileURLWithPath: path))
            try whole.prefix(whole.count / 2 + 100).write(to: URL(fileURLWithPath: path))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        if kind == "whole" {
            let report = try #require(try await SQLiteAuthBackend.inspect(path: path))
            #expect(report.hasUserTable && report.hasSessionTable && report.hasUsernameIndex)
        } else {
            let error = await #expect(throws: AuthStoreError.self) { _ = try await SQLiteAuthBackend.inspect(path: path) }
            #expect(error?.code == .corruptDatabase, "\(String(describing: error))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["auth.db"])
    }

    @Test("a directory that does not exist: cannotOpen")
    func missingDirectory() async throws {
        let error = await #expect(throws: AuthStoreError.self) { _ = try await SQLiteAuthBackend.open(path: "/nonexistent-authstore/auth.db") }
        #expect(error?.code == .cannotOpen)
    }

    @Test("a new file gets Lucia v3's tables, WAL, and the split format by default")
    func newFile() async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-new")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        let backend = try await SQLiteAuthBackend.open(path: path)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend)
        #expect(store.tokenFormat == .split)
        let info = try Python.sqlite(path, """
            print(db.execute('PRAGMA journal_mode').fetchone()[0])
            print(json.dumps([[r[1], r[2], r[3], r[5]] for r in db.execute('PRAGMA table_info(session)')]))
            print(json.dumps([[r[1], r[2], r[3], r[5]] for r in db.execute('PRAGMA table_info(user)')]))
            """)
        #expect(info == """
            wal
            [["id", "TEXT", 1, 1], ["expires_at", "INTEGER", 1, 0], ["user_id", "TEXT", 1, 0], ["secret_hash", "BLOB", 0, 0]]
            [["id", "TEXT", 1, 1], ["username", "TEXT", 1, 0], ["hashed_password", "TEXT", 0, 0]]
            """)
        // Reopening detects split from the secret_hash column.
        #expect(try await AuthStore.open(backend: backend).tokenFormat == .split)
    }

    /// An empty file is how SQLite starts a database (and a WAL database's main file until its first
    /// checkpoint), so it is opened and given the tables, not refused by the header check.
    @Test("an empty file becomes the store")
    func emptyFileIsADatabase() async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-empty")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let backend = try await SQLiteAuthBackend.open(path: path)
        let store = try await AuthStore.open(backend: backend)
        _ = try await store.createUser(username: "alice", hashedPassword: nil)
        #expect(try await store.user(username: "alice") != nil)
        backend.close()
    }
}
