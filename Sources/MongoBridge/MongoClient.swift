internal import CLibMongoC
import BlockingWork
import Foundation

/// A libmongoc client: either owned outright (single-threaded, for probes) or checked
/// out of a `ClientPool` and pushed back when released.
///
/// Ownership: exactly one `MongoClient` holds each `mongoc_client_t`; `deinit` destroys
/// it or returns it to its pool. A `mongoc_client_t` is not thread-safe, so every call
/// takes `lock`. Calls block: from async code use `perform`.
public final class MongoClient: @unchecked Sendable {
    private enum Owner {
        case standalone
        case pool(ClientPool)
    }

    let handle: OpaquePointer  // mongoc_client_t
    private let owner: Owner
    private let lock = NSLock()

    /// A single-threaded client for `uri` (no background monitoring; with the default
    /// `serverSelectionTryOnce=true` a failed first scan fails at once instead of waiting).
    ///
    /// - Throws: `MongoError` when libmongoc rejects the URI or cannot create the client
    ///   (an SRV lookup failure surfaces here).
    public convenience init(uri: MongoURI) throws(MongoError) {
        MongoRuntime.ensureInitialized()
        var error = bson_error_t()
        guard let client = uri.withHandle({ mongoc_client_new_from_uri_with_error($0, &error) }) else {
            throw MongoError(error)
        }
        // Error API v2: server errors arrive in domain 17 with the server's code.
        _ = mongoc_client_set_error_api(client, 2)
        self.init(handle: client, owner: .standalone)
    }

    init(pooled handle: OpaquePointer, pool: ClientPool) {
        self.handle = handle
        self.owner = .pool(pool)
    }

    private init(handle: OpaquePointer, owner: Owner) {
        self.handle = handle
        self.owner = owner
    }

    deinit {
        switch owner {
        case .standalone: mongoc_client_destroy(handle)
        case .pool(let pool): pool.push(handle)
        }
    }

    /// Runs `body` with the raw client under the lock. Internal: pointers never leave the bridge.
    func withHandle<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(handle)
    }

    /// Runs blocking client work on `BlockingExecutor`, off the cooperative pool.
    public func perform<T: Sendable>(_ work: @escaping @Sendable (MongoClient) throws -> T) async throws -> T {
        try await BlockingExecutor.dedicatedThread { try work(self) }
    }

    /// Runs a command against `database` and returns the server's reply.
    ///
    /// - Throws: `MongoError` with the reply attached when the server answered `ok: 0`.
    public func runCommand(_ command: BSONDocument, database: String = "admin") throws -> BSONDocument {
        try withHandle { client in
            try command.withBSONPointer { cmd in
                try ReplyBuffer.collect { reply, error in
                    mongoc_client_command_with_opts(client, database, cmd, nil, nil, reply, &error)
                }
            }
        }
    }

    /// Sends `ping` to the admin database.
    public func ping() throws {
        _ = try runCommand(["ping": 1])
    }

    /// A handle on `name` in this client's databases.
    public func database(_ name: String) -> MongoDatabase {
        MongoDatabase(client: self, name: name)
    }
}
