@testable import AuthDemo
import AuthStore
import DoctorRun
import Foundation
import MongoBridge
import Provisioning
import Testing

/// The start-up check: an unprovisioned store is refused with the `provision` command to run, and
/// nothing is written to it; a provisioned one opens.
@Suite("auth-demo start-up check")
struct PreflightTests {
    @Test func missingSQLiteFileIsRefusedAndNotCreated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/auth.db"
        let opening = try await DemoStore.open(.sqlite(path: path), format: nil)
        guard case .refused(let problems, let fix) = opening else { Issue.record("opened a missing file"); return }
        #expect(problems == ["no SQLite store at \(path)"])
        #expect(fix == "mongo-doctor provision --sqlite \(path)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func emptySQLiteFileIsRefusedAndLeftAlone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/empty.db"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let opening = try await DemoStore.open(.sqlite(path: path), format: nil)
        guard case .refused(let problems, let fix) = opening else { Issue.record("opened an empty file"); return }
        #expect(problems.contains { $0.contains("sqlite.table.user") })
        #expect(problems.contains { $0.contains("sqlite.table.session") })
        #expect(fix == "mongo-doctor provision --sqlite \(path)")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    }

    @Test func sqliteOfAnotherFormatIsRefusedWithTheFormat() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/v3.db"
        _ = try await SQLiteProvisioner.run(path: path, format: .luciaV3, dryRun: false)
        let opening = try await DemoStore.open(.sqlite(path: path), format: .split)
        guard case .refused(let problems, let fix) = opening else { Issue.record("opened without secret_hash"); return }
        #expect(problems.contains { $0.contains("sqlite.column.secret_hash") })
        #expect(fix == "mongo-doctor provision --sqlite \(path) --session-format split")
        // Without --session-format the file's own format (lucia-v3) is served.
        guard case .opened(let store, _) = try await DemoStore.open(.sqlite(path: path), format: nil) else { Issue.record("refused a v3 file"); return }
        #expect(store.store.tokenFormat == .luciaV3)
        await store.close()
    }

    /// A sha256 store without sessions looks like lucia-v3; provision's ledger says which it is.
    @Test func sqliteOpensWithTheFormatItsLedgerRecorded() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/sha.db"
        _ = try await SQLiteProvisioner.run(path: path, format: .sha256, dryRun: false)
        guard case .opened(let store, _) = try await DemoStore.open(.sqlite(path: path), format: nil) else { Issue.record("refused a sha256 file"); return }
        #expect(store.store.tokenFormat == .sha256)
        await store.close()
    }

    @Test func provisionedSQLiteOpens() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/auth.db"
        _ = try await SQLiteProvisioner.run(path: path, format: nil, dryRun: false)
        guard case .opened(let store, let notes) = try await DemoStore.open(.sqlite(path: path), format: nil) else {
            Issue.record("refused a provisioned file"); return
        }
        #expect(notes.isEmpty)
        #expect(store.label == "SQLite \(path)")
        #expect(store.store.tokenFormat == .split)
        await store.close()
    }

    @Test func aFileThatIsNoDatabaseIsAnError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/notes.txt"
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: RunError.self) { _ = try await DemoStore.open(.sqlite(path: path), format: nil) }
    }

    @Test(.enabled(if: TestEnvironment.runsMongo, "needs MONGODB_TEST_URI (scripts/test starts the server)"))
    func unprovisionedMongoDBIsRefusedThenOpensOnceProvisioned() async throws {
        let uri = try #require(TestEnvironment.mongoURI, "MONGODB_TEST_URI is not set: run the tests through scripts/test")
        let database = "authdemo_pre_" + UUID().uuidString.prefix(8).lowercased()
        let target = TargetResolver.Target(uri: uri, source: "--uri")
        let choice = StoreChoice.mongo(target, database: database, users: "users", sessions: "sessions")
        guard case .refused(let problems, let fix) = try await DemoStore.open(choice, format: nil) else {
            Issue.record("opened an empty database"); return
        }
        #expect(problems.contains("The collection \(database).users does not exist [authstore.missing]"))
        #expect(problems.contains("The collection \(database).sessions does not exist [authstore.missing]"))
        #expect(fix.hasPrefix("mongo-doctor provision --uri "))
        #expect(fix.hasSuffix("--db \(database)"))

        let pool = try ClientPool(uri: MongoURI(uri), maxSize: 1)
        _ = try await MongoProvisioner.run(ProvisionRequest(database: database, toolVersion: "auth-demo-tests"), pool: pool)
        let opened = try await DemoStore.open(choice, format: nil)
        if case .opened(let store, _) = opened {
            #expect(store.label == "MongoDB \(database)")
            #expect(store.store.tokenFormat == .split)
            await store.close()
        } else {
            Issue.record("refused a provisioned database: \(opened)")
        }
        _ = try? await pool.withClient { client in try client.database(database).drop() }
        await pool.close()
    }

    @Test func unreachableMongoDBIsRefusedWithTheCheckCommand() async throws {
        let target = TargetResolver.Target(uri: "mongodb://app:hunter2hunter2@127.0.0.1:1/shop", source: "--uri")
        let choice = StoreChoice.mongo(target, database: nil, users: "users", sessions: "sessions")
        guard case .refused(let problems, let fix) = try await DemoStore.open(choice, format: nil, timeout: .seconds(1)) else {
            Issue.record("opened an unreachable server"); return
        }
        #expect(!problems.isEmpty)
        #expect(fix.hasPrefix("mongo-doctor check --uri "))
        #expect(fix.hasSuffix("--db shop"))
        #expect(!fix.contains("hunter2hunter2"))
        #expect(!problems.joined().contains("hunter2hunter2"))
    }
}
