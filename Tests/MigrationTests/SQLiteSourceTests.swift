import AuthStore
import Foundation
import Migration
import MongoBridge
import Testing
import TestSupport

/// The read-only SQLite source on real files of every layout, and the one-line errors for bad files.
@Suite struct SQLiteSourceTests {
    @Test(arguments: LuciaSQLiteFixture.Layout.allCases)
    func readsEveryLayoutInBatches(_ layout: LuciaSQLiteFixture.Layout) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        try LuciaSQLiteFixture.make(at: path, layout: layout)
        let source = try SQLiteSource(path: path)
        defer { source.close() }
        let tables = LuciaSQLiteFixture.tables(layout)
        #expect(source.layout == SQLiteLayout(version: layout == .v3 ? .v3 : .v2, userTable: tables.user, sessionTable: tables.session, keyTable: tables.key))
        #expect(source.counts.users == 5 && source.counts.sessions == 8 && source.counts.keys == (layout.hasKeys ? 6 : 0))

        var users: [SourceUser] = []
        var cursor: Int64 = 0
        while case let (rows, last?) = try source.users(after: cursor, limit: 2) {
            #expect(rows.count <= 2)
            users += rows
            cursor = last
        }
        #expect(users.count == 5)
        let alice = try #require(users.first { $0.id == "u1" })
        #expect(alice.fields.first { $0.0 == "age" }?.1 == .int64(30))
        #expect(alice.fields.first { $0.0 == "score" }?.1 == .double(1.5))
        #expect(alice.fields.first { $0.0 == "avatar" }?.1 == .binary(BSONBinary(bytes: [1, 2])))
        #expect(alice.fields.first { $0.0 == "note" }?.1 == .null)
        #expect(users.contains { $0.id == .null } && users.contains { $0.id == .binary(BSONBinary(bytes: [1])) })
        if layout.hasKeys {
            #expect(Set(alice.keys.compactMap { $0.id?.stringValue }) == ["username:alice", "github:42", "nocolon"])
            #expect(users.first { $0.id == "u2" }?.keys.first?.hashedPassword == .string(LuciaSQLiteFixture.legacyHash))
            let orphans = try source.orphanKeys(limit: 10)
            #expect(orphans.count == 1 && orphans.skips.first?.row == "github:7")
        } else {
            #expect(alice.fields.first { $0.0 == "password_hash" }?.1 == .string(LuciaSQLiteFixture.v3ScryptHash))
        }

        var sessions: [SourceSession] = []
        cursor = 0
        while case let (rows, last?) = try source.sessions(after: cursor, limit: 3) {
            sessions += rows
            cursor = last
        }
        #expect(sessions.count == 8)
        #expect(sessions.first { $0.id == .string(LuciaSQLiteFixture.sessionGhost) }?.userExists == false)
        #expect(sessions.first { $0.id == .string(LuciaSQLiteFixture.sessionU1) }?.userExists == true)
        #expect(sessions.first { $0.id == .string(LuciaSQLiteFixture.sessionReal) }.map { if case .double = $0.expiry { true } else { false } } == true)
        #expect(sessions.first { $0.id == .string(LuciaSQLiteFixture.sessionU1) }?.fields.map(\.0) == ["ip"])
    }

    @Test func notAnSQLiteFileIsOneLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: MigrationError.self) { try SQLiteSource(path: path) }
        #expect(error?.description == "\(path): not an SQLite database")
    }

    @Test func aMissingFileIsOneLine() {
        let error = #expect(throws: MigrationError.self) { try SQLiteSource(path: "/nonexistent/auth.db") }
        #expect(error?.description == "/nonexistent/auth.db: no such file")
    }

    @Test func otherTablesAreListed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("app.db")
        try TestPython.run("import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('CREATE TABLE accounts (id)'); d.execute('CREATE TABLE logins (id)'); d.commit()", [path])
        let error = #expect(throws: MigrationError.self) { try SQLiteSource(path: path) }
        #expect(error?.description.contains("tables found: accounts, logins") == true)
    }

    @Test func aLockedFileIsOneLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        try LuciaSQLiteFixture.make(at: path, layout: .v3)
        // Another process holds an exclusive lock (rollback journal, as a writer in the middle of a commit).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", "import sqlite3,sys,time; d=sqlite3.connect(sys.argv[1], isolation_level=None); d.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(20)", path]
        let out = try ChildProcess.spawning { () throws -> Pipe in
            let out = Pipe()
            holder.standardOutput = out
            try holder.run()
            return out
        }
        defer { kill(holder.processIdentifier, SIGKILL); ChildProcess.waitForExit(holder) }
        _ = out.fileHandleForReading.availableData  // waits for "locked"
        let error = #expect(throws: MigrationError.self) { try SQLiteSource(path: path) }
        #expect(error?.description.contains("locked by another process") == true, "\(error?.description ?? "")")
    }
}
