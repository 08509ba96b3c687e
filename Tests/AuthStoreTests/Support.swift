import Foundation
import Testing
import Synchronization
import AuthStore
import AuthStoreSQLite
import PasswordHashing
import TestSupport

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let time: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { time = Mutex(start) }
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
    func set(_ date: Date) { time.withLock { $0 = date } }
}

/// The backends the contract suite runs against.
enum BackendKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite
    var testDescription: String { rawValue }
}

/// One backend for one test, with what the test needs to reach around the API.
struct BackendFixture {
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

    func store(_ format: SessionTokenFormat?, clock: TestClock, expiresIn: TimeInterval = SessionPolicy.defaultExpiresIn) async throws -> AuthStore {
        try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(sessionExpiresIn: expiresIn, tokenFormat: format, clock: { clock.now }))
    }

    /// Writes a session whose user does not exist, as another application could.
    func insertOrphan(id: String, userID: String, expiresAt: Date) throws {
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

/// A password hasher for tests only: "fake$<password>" (current) or "old$<password>" (needs rehash).
struct FakeHasher: PasswordHashingService {
    func hash(_ password: String) async throws -> String { "fake$" + password }
    func verify(_ password: String, against hash: String) async throws -> PasswordCheck {
        if hash == "fake$" + password { return .match(needsRehash: false) }
        if hash == "old$" + password { return .match(needsRehash: true) }
        return .mismatch
    }
}
