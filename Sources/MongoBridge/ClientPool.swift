internal import CLibMongoC
import BlockingWork
import Foundation

/// A bounded, thread-safe pool of libmongoc clients (`mongoc_client_pool_t`).
///
/// Ownership: the pool owns the `mongoc_client_pool_t` and destroys it in `deinit`. Each
/// checked-out client is a `MongoClient` that pushes itself back when released, and keeps
/// the pool alive until then. libmongoc documents the pool as thread-safe.
public final class ClientPool: @unchecked Sendable {
    private let handle: OpaquePointer  // mongoc_client_pool_t

    /// The most clients that can be checked out at once.
    public let maxSize: Int

    /// Creates a pool for `uri` holding at most `maxSize` clients.
    ///
    /// - Throws: `MongoError` when libmongoc rejects the URI (an SRV lookup failure surfaces here).
    public init(uri: MongoURI, maxSize: Int = 8) throws(MongoError) {
        MongoRuntime.ensureInitialized()
        var error = bson_error_t()
        guard let pool = uri.withHandle({ mongoc_client_pool_new_with_error($0, &error) }) else {
            throw MongoError(error)
        }
        _ = mongoc_client_pool_set_error_api(pool, 2)
        mongoc_client_pool_max_size(pool, UInt32(max(1, maxSize)))
        self.handle = pool
        self.maxSize = max(1, maxSize)
    }

    deinit { mongoc_client_pool_destroy(handle) }

    /// Checks out a client, blocking while all `maxSize` are in use. Call from blocking code only.
    public func checkOut() -> MongoClient {
        MongoClient(pooled: mongoc_client_pool_pop(handle), pool: self)
    }

    /// Checks out a client if one is free right now.
    public func tryCheckOut() -> MongoClient? {
        mongoc_client_pool_try_pop(handle).map { MongoClient(pooled: $0, pool: self) }
    }

    /// Runs blocking `work` with a pooled client on `BlockingExecutor`.
    public func withClient<T: Sendable>(_ work: @escaping @Sendable (MongoClient) throws -> T) async throws -> T {
        try await BlockingExecutor.dedicatedThread { [self] in
            let client = checkOut()
            return try work(client)
        }
    }

    func push(_ client: OpaquePointer) {
        mongoc_client_pool_push(handle, client)
    }
}
