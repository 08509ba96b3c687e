// The load run of issue 13 (not a product): CALLERS concurrent tasks validating a mix of live,
// expired, unknown and forged session tokens through AuthStore for SECONDS, every answer checked.
//   authstore-load mongo URI SECONDS CALLERS POOL     (MongoAuthBackend on a ClientPool of POOL clients)
//   authstore-load sqlite FILE SECONDS CALLERS POOL   (SQLiteAuthBackend with POOL connections)
// Prints one JSON object (LoadReport); exit 0 when it ran, whatever it found (the caller judges),
// 2 when it could not run. Run by IntegrationTests' SessionLoadTests (5 s) and scripts/load (30 s).
import AuthStore
import AuthStoreMongo
import AuthStoreSQLite
import BlockingWork
import Foundation
import MongoBridge

/// Runs the command `arguments` names.
func run(_ arguments: [String]) async throws -> LoadReport {
    guard arguments.count == 6, let seconds = Double(arguments[3]), let callers = Int(arguments[4]), let poolSize = Int(arguments[5]) else {
        throw UsageError()
    }
    let threads = BlockingThreadPool(threadCount: poolSize, name: "authstore-load")
    let report = try await run(arguments[1], target: arguments[2], seconds: seconds, callers: callers, poolSize: poolSize, threads: threads)
    await threads.shutdown()
    return report
}

/// One run on `backend` (`mongo` or `sqlite`) at `target` (a URI or a file).
func run(_ backend: String, target: String, seconds: Double, callers: Int, poolSize: Int, threads: BlockingThreadPool) async throws -> LoadReport {
    switch backend {
    case "mongo":
        try MongoRuntime.configure(appName: "authstore-load", version: "0")
        let appName = "md-load-\(UUID().uuidString.prefix(8).lowercased())"
        let base = target
        let uri = base + (base.contains("?") ? "&" : "?") + "appName=\(appName)"
        let counter = try ServerConnections(uri: base, appName: appName)
        let pool = try ClientPool(uri: MongoURI(uri), maxSize: poolSize, threads: threads)
        let database = "load_\(UUID().uuidString.prefix(8).lowercased())"
        let backend = MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: database))
        let store = try await AuthStore.open(backend: backend)
        var report = try await LoadLoop.run(store, seconds: seconds, callers: callers, sample: { try? await counter.sample() })
        report.backend = "mongodb"
        report.poolSize = poolSize
        _ = try? await pool.withClient { try $0.database(database).drop() }
        await pool.close()
        report.connectionsAfterClose = try await counter.settledAfterClose()
        report.serverConnectionsAfter = try? await counter.serverCurrent()
        await counter.close()
        return report
    case "sqlite":
        let sqlite = try await SQLiteAuthBackend.open(path: target, threads: threads, maxConnections: poolSize)
        defer { sqlite.close() }
        let store = try await AuthStore.open(backend: sqlite)
        var report = try await LoadLoop.run(store, seconds: seconds, callers: callers, sample: { nil })
        report.backend = "sqlite"
        report.poolSize = poolSize
        return report
    default:
        throw UsageError()
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String { "usage: authstore-load mongo URI|sqlite FILE SECONDS CALLERS POOL" }
}

do {
    let report = try await run(CommandLine.arguments)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("authstore-load: \(error)\n".utf8))
    exit(2)
}
