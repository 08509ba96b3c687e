import BlockingWork
import Foundation
import MongoBridge
import Testing
import TestSupport

/// A SecantusDB of one fault test's own (`--test-commands`: failpoints; killed and revived), a SQLite
/// file or Lucia v2 collections to migrate, the built binary, and the exact documents a migration must
/// end with. Made by `with`, which stops the server whatever happens.
final class MigrationFaultFixture: @unchecked Sendable {
    let server: OwnTestServer
    /// The URI the binary gets: `retryWrites=false`, so that libmongoc's own single retry of a write does
    /// not hide the migration's retries (the tests count them); `heartbeatFrequencyMS=500`, so that
    /// libmongoc sees the server again soon after a "shutting down" error, and the retry window (a
    /// heartbeat and a `--timeout`, 1 s in `killDuring`) is short: a server that stays down stops the run
    /// in seconds.
    let cliURI: String
    /// The test's own pool: a short heartbeat, so that it finds the server again soon after a revive.
    let pool: ClientPool
    let dir: TemporaryDirectory
    let now = Date()
    let users: Int, sessions: Int

    /// Runs `body` with a fixture, then closes the pool, stops the server and removes the files, whatever
    /// happened (awaited here: a teardown left to a task would not run when the test process ends first).
    static func with(_ prefix: String, users: Int, sessions: Int, _ body: (MigrationFaultFixture) async throws -> Void) async throws {
        let fixture = try MigrationFaultFixture(prefix, users: users, sessions: sessions)
        do { try await body(fixture) } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    private init(_ prefix: String, users: Int, sessions: Int) throws {
        TestRuntime.configureOnce()
        server = try OwnTestServer(prefix: prefix, testCommands: true)
        cliURI = server.uri + "?retryWrites=false&heartbeatFrequencyMS=500"
        do {
            pool = try ClientPool(uri: MongoURI(server.uri + "?serverSelectionTimeoutMS=5000&heartbeatFrequencyMS=500"), maxSize: 2)
            dir = try TemporaryDirectory(prefix: "migrate-fault")
        } catch {
            server.stop()
            throw error
        }
        self.users = users
        self.sessions = sessions
    }

    var sqlitePath: String { dir.appending("auth.db") }
    var nowMs: Int64 { Int64(now.timeIntervalSince1970 * 1000) }

    func stop() async {
        await pool.close()
        server.stop()
        dir.remove()
    }

    /// `configureFailPoint: failCommand` with `mode` and `data` (`mode: "off"` turns it off).
    func failpoint(_ mode: BSONValue, _ data: BSONDocument = [:]) async throws {
        var command: BSONDocument = ["configureFailPoint": "failCommand", "mode": mode]
        if !data.isEmpty { command["data"] = .document(data) }
        let finished = command
        _ = try await pool.withClient { try $0.runCommand(finished) }
    }

    /// Runs `mongo-doctor ARGS --uri … --db DATABASE --batch-size 50 --timeout TIMEOUT` on a thread of its
    /// own (a busy machine may make a connection or server selection take a second: 3 s by default).
    func run(_ args: [String], database: String, timeout: Int = 3) async throws -> ProcessRunner.Output {
        let arguments = args + ["--uri", cliURI, "--db", database, "--batch-size", "50", "--timeout", String(timeout)]
        return try await BlockingExecutor.dedicatedThread { () throws -> ProcessRunner.Output in try ProcessRunner.run("mongo-doctor", arguments) }
    }

    func migrateJSON(_ out: ProcessRunner.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        return try #require(object?["migrate"] as? [String: Any], "not JSON: \(out.combined)")
    }

    func count(_ database: String, _ collection: String, _ filter: BSONDocument = [:]) async throws -> Int {
        try await pool.withClient { try $0.database(database).collection(collection).countDocuments(filter) }
    }

    func all(_ database: String, _ collection: String) async throws -> [BSONDocument] {
        try await pool.withClient { try $0.database(database).collection(collection).find([:], sort: ["_id": 1]) }
    }

    // MARK: the SQLite source

    func makeSQLite() async throws {
        let (path, users, sessions, now) = (sqlitePath, users, sessions, now)
        try await BlockingExecutor.dedicatedThread { () throws in try LuciaSQLiteFixture.makeLarge(at: path, users: users, sessions: sessions, now: now) }
    }

    static func sessionID(_ j: Int) -> String { "s" + String(repeating: "0", count: 39 - String(j).count) + String(j) }

    /// The users and sessions `LuciaSQLiteFixture.makeLarge` gives, as `migrate sqlite` writes them.
    var sqliteExpected: (users: [[String: BSONValue]], sessions: [[String: BSONValue]]) {
        let users = (1...self.users).map { i -> [String: BSONValue] in
            ["_id": .string(String(format: "user%06d", i)), "username": .string(String(format: "name%06d", i)), "created": .int64(Int64(i)),
             "hashed_password": .string(LuciaSQLiteFixture.s2Hash)]
        }
        let sessions = (0..<self.sessions).map { j -> [String: BSONValue] in
            ["_id": .string(Self.sessionID(j)), "user_id": .string(String(format: "user%06d", (j % self.users) + 1)),
             "expires_at": .date(BSONDate(millisecondsSinceEpoch: nowMs + 15 * 86_400_000 + Int64(j)))]
        }
        return (users, sessions)
    }

    // MARK: Lucia v2 in MongoDB

    static func v2SessionID(_ j: Int) -> String { "v2s" + String(repeating: "0", count: 37 - String(j).count) + String(j) }

    /// Lucia v2's collections in `database` (as adapter-mongoose writes them): users `u00000`… with a
    /// `username:` key holding an s2 hash each, and sessions `v2s…` in milliseconds. `migratedUsers`: the
    /// users have their v3 fields already (nothing to `$set`, so the first `update` is a sessions batch).
    func seedV2(_ database: String, migratedUsers: Bool = false) async throws {
        let body = """
            now = \(nowMs)
            day = 86400000
            U, S = \(users), \(sessions)
            migrated = \(migratedUsers ? "True" : "False")
            def user(i):
                doc = {"_id": f"u{i:05d}", "__v": 0}
                if migrated: doc.update({"hashed_password": "\(LuciaSQLiteFixture.s2Hash)", "username": f"name{i:05d}"})
                return doc
            db.users.insert_many([user(i) for i in range(U)])
            db.keys.insert_many([{"_id": f"username:name{i:05d}", "user_id": f"u{i:05d}", "hashed_password": "\(LuciaSQLiteFixture.s2Hash)", "__v": 0} for i in range(U)])
            db.sessions.insert_many([{"_id": "v2s" + str(j).zfill(37), "user_id": f"u{j % U:05d}", "active_expires": bson.Int64(now + day),
                                      "idle_expires": bson.Int64(now + 15 * day + j), "__v": 0} for j in range(S)])
            """
        let uri = server.uri
        try await BlockingExecutor.dedicatedThread { () throws in _ = try PyMongo.run(uri: uri, database: database, body) }
    }

    /// The users and sessions of `seedV2` after `migrate lucia-v2-to-v3`.
    var v2Expected: (users: [[String: BSONValue]], sessions: [[String: BSONValue]]) {
        let users = (0..<self.users).map { i -> [String: BSONValue] in
            ["_id": .string(String(format: "u%05d", i)), "__v": .int32(0), "username": .string(String(format: "name%05d", i)),
             "hashed_password": .string(LuciaSQLiteFixture.s2Hash)]
        }
        let sessions = (0..<self.sessions).map { j -> [String: BSONValue] in
            ["_id": .string(Self.v2SessionID(j)), "user_id": .string(String(format: "u%05d", j % self.users)), "__v": .int32(0),
             "expires_at": .date(BSONDate(millisecondsSinceEpoch: nowMs + 15 * 86_400_000 + Int64(j)))]
        }
        return (users, sessions)
    }

    // MARK: the checks

    static func fields(_ document: BSONDocument) -> [String: BSONValue] {
        Dictionary(document.elements.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// `collection` holds exactly `expected` (by `_id`, field by field, none twice, none more): the first
    /// differences are recorded.
    func expectExactly(_ database: String, _ collection: String, _ expected: [[String: BSONValue]],
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let found = try await all(database, collection).map(Self.fields)
        #expect(found.count == expected.count, "\(collection): \(found.count) documents, \(expected.count) expected", sourceLocation: sourceLocation)
        let byID = Dictionary(found.map { ($0["_id"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byID.count == found.count, "\(collection): \(found.count - byID.count) ids twice", sourceLocation: sourceLocation)
        let wrong = expected.filter { byID[$0["_id"]?.stringValue ?? ""] != $0 }
        #expect(wrong.isEmpty, "\(collection): \(wrong.count) documents missing or different, the first \(wrong.first?["_id"]?.stringValue ?? "")",
                sourceLocation: sourceLocation)
    }

    /// A run that ended the migration: exit 0, verification passed, exactly `expected` in users and
    /// sessions, and one verified ledger record of `migration`. Returns the report for further checks.
    @discardableResult
    func expectEndsExact(_ out: ProcessRunner.Output, database: String, migration: String,
                         expected: (users: [[String: BSONValue]], sessions: [[String: BSONValue]]), label: String = "",
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        #expect(out.status == 0, "\(label) \(out.combined)", sourceLocation: sourceLocation)
        let report = try migrateJSON(out)
        #expect((report["verification"] as? [String: Any])?["passed"] as? Bool == true, "\(label) \(report["verification"] ?? "")",
                sourceLocation: sourceLocation)
        try await expectExactly(database, "users", expected.users, sourceLocation: sourceLocation)
        try await expectExactly(database, "sessions", expected.sessions, sourceLocation: sourceLocation)
        let records = try await ledger(database, migration)
        #expect(records.count == 1 && records.first?["verified"] == .bool(true), "\(label) ledger: \(records)", sourceLocation: sourceLocation)
        return report
    }

    /// The ledger records of `migration` (`sqlite`, `lucia-v2-to-v3`) in `database`.
    func ledger(_ database: String, _ migration: String) async throws -> [BSONDocument] {
        try await pool.withClient { try $0.database(database).collection("auth_provision").find(["step": .string("migrate." + migration)]) }
    }

    /// Kills the server once `ready` finds something in `collection` of `database` (polled from a thread and
    /// a client of its own) while `mongo-doctor ARGS` runs; returns its output and the seconds from the
    /// kill to its end.
    func killDuring(_ args: [String], database: String, when ready: BSONDocument, in collection: String) async throws -> (out: ProcessRunner.Output, seconds: Double) {
        async let out = run(args, database: database, timeout: 1)
        let watcher = try MongoClient(uri: MongoURI(server.uri))
        let server = server
        let killedAt: Date? = try await BlockingExecutor.dedicatedThread { () throws -> Date? in
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if (try? watcher.database(database).collection(collection).findOne(ready, projection: ["_id": 1])) != nil {
                    try server.kill()
                    return Date()
                }
                usleep(2_000)
            }
            return nil
        }
        #expect(killedAt != nil, "nothing matched in \(collection) within 30 s")
        let output = try await out
        return (output, Date().timeIntervalSince(killedAt ?? Date()))
    }
}
