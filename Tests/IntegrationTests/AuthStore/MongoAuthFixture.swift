import Foundation
import AuthStore
import AuthStoreMongo
import MongoBridge
import TestSupport

/// A `MongoAuthBackend` in a database of its own on the plain test server (dropped in `tearDown`),
/// for the shared contract bodies and the MongoDB-only tests.
struct MongoAuthFixture: AuthContractFixture {
    let pool: ClientPool
    let mongo: MongoAuthBackend
    var backend: any AuthStoreBackend { mongo }
    var database: String { mongo.configuration.database }
    /// The test server's URI with the fixture's database as path, for pymongo.
    let uri: String

    /// The maker the contract bodies take.
    static let maker: AuthFixtureMaker = { try make() }

    static func make(maxSize: Int = 4, users: String = "users", sessions: String = "sessions", appName: String? = nil) throws -> MongoAuthFixture {
        TestRuntime.configureOnce()
        let base = try TestServer.requireURI()
        let uri = appName.map { base + (base.contains("?") ? "&" : "?") + "appName=\($0)" } ?? base
        let pool = try ClientPool(uri: MongoURI(uri), maxSize: maxSize)
        let configuration = MongoAuthConfiguration(database: TestServer.uniqueDatabaseName("authstore"), usersCollection: users, sessionsCollection: sessions)
        return MongoAuthFixture(pool: pool, mongo: MongoAuthBackend(pool: pool, configuration: configuration), uri: base)
    }

    /// Inserts a session whose user does not exist, as Lucia's `setSession` writes one.
    func insertOrphan(id: String, userID: String, expiresAt: Date) async throws {
        let names = mongo.configuration
        try await pool.withClient { client in
            _ = try client.database(names.database).collection(names.sessionsCollection)
                .insertOne(["_id": .string(id), "user_id": .string(userID), "expires_at": .date(BSONDate(expiresAt))])
        }
    }

    /// Runs blocking work on the fixture's database.
    func withDatabase<T: Sendable>(_ body: @escaping @Sendable (MongoDatabase) throws -> T) async throws -> T {
        let name = database
        return try await pool.withClient { try body($0.database(name)) }
    }

    func tearDown() async {
        let name = database
        _ = try? await pool.withClient { try $0.database(name).drop() }
        await pool.close()
    }
}

/// pymongo in the project's `.venv` (installed by `scripts/bootstrap --test`): the "Lucia side" of
/// the interop tests, issuing exactly what `@lucia-auth/adapter-mongodb` 1.x issues.
enum PyMongo {
    /// `<package root>/.venv/bin/python`.
    static let python = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".venv/bin/python")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` with `db` bound to database `database` on `uri` (and `datetime`, `bson`
    /// imported); returns its stdout, trimmed.
    @discardableResult
    static func run(uri: String, database: String, _ body: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "no \(python.path): run scripts/bootstrap --test")
        }
        let script = """
            import sys, datetime, json, pymongo, bson
            client = pymongo.MongoClient(sys.argv[1], tz_aware=True)
            db = client[sys.argv[2]]
            """ + "\n" + body + "\n"
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, uri, database]
        let (out, err) = try ChildProcess.spawning { () throws -> (Pipe, Pipe) in
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            return (out, err)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        guard ChildProcess.waitForExit(process) == 0 else { throw Failure(description: "pymongo failed: " + String(decoding: errors, as: UTF8.self)) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
