import Foundation
import Testing
import AuthStore
import AuthStoreSQLite
import TestSupport

/// The offline backends the contract suite runs against here; IntegrationTests' `MongoContractTests`
/// runs the same bodies (TestSupport's `UserContract`, `SessionContract`, `RealHasherContract`) on MongoDB.
enum BackendKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite
    var testDescription: String { rawValue }

    /// Makes this kind's fixture, for the shared contract bodies.
    var maker: AuthFixtureMaker { { try await BackendFixture.make(self) } }
}

/// One backend for one test, with what the test needs to reach around the API.
struct BackendFixture: AuthContractFixture {
    let backend: any AuthStoreBackend
    let kind: BackendKind
    let directory: TemporaryDirectory?
    var databasePath: String? { directory?.appending("auth.db") }

    static func make(_ kind: BackendKind) async throws -> BackendFixture {
        switch kind {
        case .memory:
            return BackendFixture(backend: MemoryAuthBackend(), kind: kind, directory: nil)
        case .sqlite:
            let directory = try TemporaryDirectory(prefix: "authstore")
            let backend = try await SQLiteAuthBackend.open(path: directory.appending("auth.db"))
            return BackendFixture(backend: backend, kind: kind, directory: directory)
        }
    }

    /// Writes a session whose user does not exist, as another application could.
    func insertOrphan(id: String, userID: String, expiresAt: Date) async throws {
        switch kind {
        case .memory:
            (backend as! MemoryAuthBackend).insertRawSession(SessionRecord(id: id, userID: userID, expiresAt: expiresAt))
        case .sqlite:
            try Python.sqlite(databasePath!, "db.execute('INSERT INTO session (id, user_id, expires_at) VALUES (?, ?, ?)', (\(Python.literal(id)), \(Python.literal(userID)), \(Int(expiresAt.timeIntervalSince1970))))")
        }
    }

    func remove() {
        (backend as? SQLiteAuthBackend)?.close()
        directory?.remove()
    }

    func tearDown() async { remove() }
}

/// Runs Python's sqlite3 against a file (the "Lucia side" of interop tests; foreign keys off, as
/// Python's default).
enum Python {
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// Runs `body` with `db` bound to a connection to `path`, commits, and returns stdout.
    @discardableResult
    static func sqlite(_ path: String, _ body: String) throws -> String {
        try TestPython.run("import sqlite3, sys, json\ndb = sqlite3.connect(\(literal(path)))\n" + body + "\ndb.commit()\n")
    }
}
