public import BlockingWork
internal import CLibMongoC
import Foundation

/// A libmongoc client: either owned outright (single-threaded, for probes) or checked out of a
/// `ClientPool` for the length of one `withClient` body.
///
/// Its operations (`runCommand`, `ping`, and those of `MongoDatabase` and `MongoCollection`) block
/// the calling thread. Call them only where blocking is allowed: inside a `ClientPool.withClient`
/// or `MongoClient.perform` body, or on a `BlockingExecutor.dedicatedThread` (probes). A pooled
/// client goes back to its pool when its body ends; using it afterwards throws `MongoError`
/// (`isClientReleased`) instead of touching a client someone else holds.
///
/// Ownership: exactly one `MongoClient` holds each `mongoc_client_t`; a standalone client destroys
/// it in `deinit`, a pooled one pushes it back on release (or in `deinit`, if never released).
/// A `mongoc_client_t` is not thread-safe, so every call takes `lock`.
public final class MongoClient: @unchecked Sendable {
    private enum Owner {
        case standalone
        case pool(ClientPool)
    }

    private var handle: OpaquePointer?  // mongoc_client_t; nil once released to its pool. Guarded by lock.
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

    convenience init(pooled handle: OpaquePointer, pool: ClientPool) {
        self.init(handle: handle, owner: .pool(pool))
    }

    private init(handle: OpaquePointer, owner: Owner) {
        self.handle = handle
        self.owner = owner
    }

    deinit {
        guard let handle else { return }
        switch owner {
        case .standalone: mongoc_client_destroy(handle)
        case .pool(let pool): pool.giveBack(handle)
        }
    }

    /// Pushes a pooled client back to its pool now; later calls throw. No-op for standalone clients.
    func release() {
        guard case .pool(let pool) = owner else { return }
        lock.lock()
        let released = handle
        handle = nil
        lock.unlock()
        if let released { pool.giveBack(released) }
    }

    /// Runs `body` with the raw client under the lock. Internal: pointers never leave the bridge.
    ///
    /// - Throws: `MongoError` (`isClientReleased`) when the client went back to its pool.
    func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let handle else { throw MongoError.clientReleased() }
        return try body(handle)
    }

    /**
     Runs blocking client work on a bounded thread pool, off the cooperative pool.

     - Parameters:
       - threads: where `work` runs; `BlockingThreadPool.shared` by default.
       - work: blocking work with this client.
     - Returns: what `work` returned.
     - Throws: what `work` threw, or `BlockingThreadPoolError.shutDown`.
     */
    public func perform<T: Sendable>(
        on threads: BlockingThreadPool = .shared, _ work: @escaping @Sendable (MongoClient) throws -> T
    ) async throws -> T {
        try await threads.run { try work(self) }
    }

    /// Runs a command against `database` and returns the server's reply. Blocks (see the type's notes).
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

    /// Sends `ping` to the admin database. Blocks (see the type's notes).
    public func ping() throws {
        _ = try runCommand(["ping": 1])
    }

    /// A handle on `name` in this client's databases.
    public func database(_ name: String) -> MongoDatabase {
        MongoDatabase(client: self, name: name)
    }
}
