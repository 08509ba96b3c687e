public import BlockingWork
internal import CLibMongoC
import Foundation

/// A bounded, thread-safe pool of libmongoc clients (`mongoc_client_pool_t`) for async code.
///
/// `withClient` waits for a free client *without holding a thread*: a task that finds all
/// `maxSize` clients out parks in a first-in, first-out queue and is resumed when a client comes
/// back; only then does its body take a thread of `threads`. Waiting inside
/// `mongoc_client_pool_pop` instead would let bodies waiting for clients occupy every worker
/// while the clients' holders wait for a worker (mongo-swift-driver avoids the same deadlock).
///
/// Ownership: the pool owns the `mongoc_client_pool_t` and destroys it in `close()` (or in
/// `deinit` if never closed). Each checked-out client is a `MongoClient` that pushes itself back
/// when its body ends and keeps the pool alive until then. State (open, closing, closed), the
/// count of clients out and the waiters are guarded by one lock.
public final class ClientPool: @unchecked Sendable {
    enum State {
        case open(OpaquePointer)  // mongoc_client_pool_t
        case closing(OpaquePointer)  // no new checkouts; destroyed once every client is back
        case closed
    }

    /// The outcome of one attempt of a `withClient` body on a worker thread.
    enum Attempt<T: Sendable>: Sendable {
        case done(Result<T, any Error>)
        case busy  // libmongoc had no client although a reservation was held: retry
    }

    let lock = NSLock()
    var state: State  // guarded by lock
    var reserved = 0  // clients out or about to be popped; guarded by lock
    var clientWaiters: [CheckedContinuation<Void, any Error>] = []  // guarded by lock
    var closeWaiters: [CheckedContinuation<Void, Never>] = []  // guarded by lock

    /// The most clients that can be checked out at once.
    public let maxSize: Int
    /// The threads that `withClient` bodies run on.
    public let threads: BlockingThreadPool

    /// The most clients a pool holds unless told otherwise: 8. More connections than the server serves
    /// at once only add thread wake-ups (`Benchmarks/session-validation` at 64 callers).
    public static let defaultMaxSize = 8

    /**
     Creates a pool for `uri` holding at most `maxSize` clients, running bodies on `threads`.

     - Parameters:
       - uri: the parsed connection string.
       - maxSize: the most clients out at once (at least 1); `defaultMaxSize` by default.
       - threads: the bounded thread pool for bodies; `BlockingThreadPool.shared` by default.
     - Throws: `MongoError` when libmongoc rejects the URI (an SRV lookup failure surfaces here).
     */
    public init(uri: MongoURI, maxSize: Int = ClientPool.defaultMaxSize, threads: BlockingThreadPool = .shared) throws(MongoError) {
        MongoRuntime.ensureInitialized()
        var error = bson_error_t()
        guard let pool = uri.withHandle({ mongoc_client_pool_new_with_error($0, &error) }) else {
            throw MongoError(error)
        }
        // Error API v2: server errors arrive in domain 17 with the server's code.
        _ = mongoc_client_pool_set_error_api(pool, 2)
        mongoc_client_pool_max_size(pool, UInt32(max(1, maxSize)))
        self.state = .open(pool)
        self.maxSize = max(1, maxSize)
        self.threads = threads
    }

    deinit {
        switch state {
        case .open(let pool), .closing(let pool): mongoc_client_pool_destroy(pool)
        case .closed: break
        }
    }

    /**
     Runs `body` with a pooled client on one of `threads`, after waiting (without a thread) for a
     free client. The client is pushed back when `body` returns or throws; its blocking methods
     work only inside `body` and throw `MongoError` (`isClientReleased`) afterwards.

     - Parameter body: blocking work with the client; it may call the client's sync methods.
     - Returns: what `body` returned.
     - Throws: what `body` threw; `MongoError` with `isPoolClosed` when the pool is closing or
       closed; `BlockingThreadPoolError.shutDown` when `threads` was shut down.
     */
    nonisolated(nonsending) public func withClient<T: Sendable>(_ body: @escaping @Sendable (MongoClient) throws -> T) async throws -> T {
        while true {
            try await reserveClient()
            let attempt: Attempt<T>
            do {
                attempt = try await threads.run { [self] () -> Attempt<T> in
                    guard let client = popReserved() else { return .busy }
                    defer { client.release() }
                    return .done(Result { try body(client) })
                }
            } catch {
                releaseReservation()  // the thread pool refused the work: the body never ran
                throw error
            }
            switch attempt {
            case .done(let result): return try result.get()
            case .busy: try await Task.sleep(for: .milliseconds(1))
            }
        }
    }

    /**
     Closes the pool: new checkouts fail at once, tasks waiting for a client fail, and `close()`
     returns after every checked-out client is back and the `mongoc_client_pool_t` is destroyed.
     Closing again does nothing more; every later `withClient` throws `MongoError` (`isPoolClosed`).
     */
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            var refused: [CheckedContinuation<Void, any Error>] = []
            switch state {
            case .open(let pool):
                state = .closing(pool)
                swap(&refused, &clientWaiters)
            case .closing:
                break
            case .closed:
                lock.unlock()
                continuation.resume()
                return
            }
            let drained = reserved == 0
            if !drained { closeWaiters.append(continuation) }
            lock.unlock()
            refused.forEach { $0.resume(throwing: MongoError.poolClosed()) }
            if drained { continuation.resume() }
        }
        if let pool = takeHandleForDestruction() {
            await BlockingExecutor.dedicatedThread { pool.destroy() }
        }
    }
}
