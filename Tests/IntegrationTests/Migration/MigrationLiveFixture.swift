import AuthStore
import AuthStoreMongo
import BlockingWork
import Foundation
import MongoBridge
import PasswordHashing
import Testing
import TestSupport

/// A database of its own for one migration test (dropped in `tearDown`), the built binary, and the
/// secrets no output may contain. The migrations run on a test server of their own when `scripts/test`
/// started one (`MONGODB_TEST_MIGRATE_URI`): they keep a server busy for seconds, and the other servers
/// serve timed tests.
/// The live migration suites, one at a time (each keeps the server busy).
@Suite(.serialized, .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct MigrationLive {}

final class MigrationLiveFixture: @unchecked Sendable {
    let uri: String
    let database = TestServer.uniqueDatabaseName("migrate")
    let pool: ClientPool
    let dir: TemporaryDirectory
    var secrets: [String] = [LuciaSQLiteFixture.s2Hash, LuciaSQLiteFixture.legacyHash, LuciaSQLiteFixture.v3ScryptHash,
                             LuciaSQLiteFixture.sessionU1, LuciaSQLiteFixture.sessionU2, LuciaSQLiteFixture.sessionReal,
                             LuciaSQLiteFixture.sessionGhost, LuciaSQLiteFixture.sessionBadExpiry, LuciaSQLiteFixture.sessionU3,
                             LuciaSQLiteFixture.sessionExpired]

    init() throws {
        TestRuntime.configureOnce()
        uri = try TestServer.migrateURI ?? TestServer.requireURI()
        pool = try ClientPool(uri: MongoURI(uri), maxSize: 2)
        dir = try TemporaryDirectory(prefix: "migrate-live")
    }

    var sqlitePath: String { dir.appending("auth.db") }

    /// Runs `mongo-doctor ARGS --uri … --db …` (on a thread of its own: the wait must not hold one of
    /// the few cooperative threads other suites need) and checks that no secret was printed.
    func run(_ args: [String], target: Bool = true) async throws -> ProcessRunner.Output {
        let arguments = args + (target ? ["--uri", uri, "--db", database] : [])
        let out = try await BlockingExecutor.dedicatedThread { () throws -> ProcessRunner.Output in try ProcessRunner.run("mongo-doctor", arguments) }
        for secret in secrets where out.combined.contains(secret) {
            Issue.record(Comment(rawValue: "mongo-doctor \(args.joined(separator: " ")) printed a secret"))
        }
        return out
    }

    /// The `migrate` section of a `--json` run.
    func migrateJSON(_ out: ProcessRunner.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        return try #require(object?["migrate"] as? [String: Any], "not JSON: \(out.combined)")
    }

    func find(_ collection: String, _ filter: BSONDocument = [:]) async throws -> [BSONDocument] {
        let name = database
        return try await pool.withClient { try $0.database(name).collection(collection).find(filter, sort: ["_id": 1]) }
    }

    func count(_ collection: String, _ filter: BSONDocument = [:]) async throws -> Int {
        let name = database
        return try await pool.withClient { try $0.database(name).collection(collection).countDocuments(filter) }
    }

    func collections() async throws -> [String] {
        let name = database
        return try await pool.withClient { try $0.database(name).collectionNames().sorted() }
    }

    /// An AuthStore on the migrated database, with the format it detects (provision's ledger).
    func store() async throws -> AuthStore {
        try await AuthStore.open(backend: MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: database)))
    }

    /// pymongo against this database (`db` bound), for the Lucia v2 documents mongoose wrote.
    func pymongo(_ body: String) async throws {
        let (uri, database) = (uri, database)
        try await BlockingExecutor.dedicatedThread { () throws in _ = try PyMongo.run(uri: uri, database: database, body) }
    }

    /// Writes `LuciaSQLiteFixture.make` at `sqlitePath` (on a thread of its own).
    func makeSQLite(_ layout: LuciaSQLiteFixture.Layout, badRows: Bool = true, now: Date = Date()) async throws {
        let path = sqlitePath
        try await BlockingExecutor.dedicatedThread { () throws in try LuciaSQLiteFixture.make(at: path, layout: layout, badRows: badRows, now: now) }
    }

    /// Runs a blocking step (Python, a file write) on a thread of its own.
    func blocking(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await BlockingExecutor.dedicatedThread { () throws in try work() }
    }

    func tearDown() async {
        let name = database
        _ = try? await pool.withClient { try $0.database(name).drop() }
        await pool.close()
        dir.remove()
    }
}
