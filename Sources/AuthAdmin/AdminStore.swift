import AuthStoreMongo
import AuthStoreSQLite
public import AuthStore
public import DoctorRun
import Foundation
import MongoBridge
import Provisioning

/// An `AuthStore` opened for an admin command, with what must be closed after it.
///
/// The token format is the one asked for, else (MongoDB) the one `provision` recorded in its
/// ledger, else what the stored sessions show, else `split` (MongoDB, as `provision` decides it) or
/// `lucia-v3` (SQLite: a file without `secret_hash` is not split, and opening it must not add the
/// column; `sha256` looks the same until a session exists, so name it with `--session-format`).
public final class AdminStore: Sendable {
    /// The store.
    public let store: AuthStore
    /// Where it is, without secrets.
    public let description: AdminStoreDescription
    private let closer: @Sendable () async -> Void

    private init(store: AuthStore, description: AdminStoreDescription, closer: @escaping @Sendable () async -> Void) {
        self.store = store
        self.description = description
        self.closer = closer
    }

    /// Closes the backend (pool or file).
    public func close() async { await closer() }

    /**
     Opens the store of `target` for `command`.

     - Parameter maxClients: MongoDB clients the pool opens at most (2 for a command; more for a server).
     - Throws: `RunError` (exit 2): a URI libmongoc refuses, a server that does not answer, a
       missing SQLite file, a file that is not a usable database. Never a secret in the message.
     */
    public static func open(_ target: AdminTarget, format asked: SessionTokenFormat?, command: String, maxClients: Int = 2) async throws(RunError) -> AdminStore {
        switch target {
        case .sqlite(let path):
            return try await openSQLite(path: path, format: asked, command: command)
        case .mongo(let resolved, let database, let users, let sessions, let timeout):
            let connection = try MongoTargetConnection.open(resolved, timeout: timeout, maxSize: maxClients, command: command)
            let configuration = MongoAuthConfiguration(
                database: MongoProvisioner.databaseName(flag: database, uriDatabase: connection.uri.database),
                usersCollection: users, sessionsCollection: sessions)
            do {
                // Without --session-format the backend takes the one provision recorded, else what the data shows.
                let backend = MongoAuthBackend(pool: connection.pool, configuration: configuration)
                let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: asked))
                let description = AdminStoreDescription(backend: "mongodb", database: configuration.database, path: nil, sessionFormat: store.tokenFormat)
                return AdminStore(store: store, description: description) { await connection.close() }
            } catch {
                await connection.close()
                throw connection.failure(command, error)
            }
        }
    }

    private static func openSQLite(path: String, format: SessionTokenFormat?, command: String) async throws(RunError) -> AdminStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RunError("\(command): no SQLite store at \(path) (create it with: mongo-doctor provision --sqlite \(path))")
        }
        do {
            // A database without AuthStore's tables is someone else's file: refuse it rather than add tables to it.
            if let report = try await SQLiteAuthBackend.inspect(path: path), !(report.hasUserTable && report.hasSessionTable) {
                throw RunError("\(command): \(path) is an SQLite database without the auth tables user and session (provision it first: mongo-doctor provision --sqlite \(path))")
            }
            let backend = try await SQLiteAuthBackend.open(path: path)
            do {
                // A file without secret_hash is not split (provision adds the column for split), so an
                // empty session table means lucia-v3 here, never a silent conversion to split.
                var resolved = format
                if resolved == nil { resolved = try await backend.detectTokenFormat() ?? .luciaV3 }
                let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: resolved))
                let description = AdminStoreDescription(backend: "sqlite", database: nil, path: path, sessionFormat: store.tokenFormat)
                return AdminStore(store: store, description: description) { backend.close() }
            } catch {
                backend.close()
                throw error
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError("\(command): \(ErrorWords.of(error))")
        }
    }
}
