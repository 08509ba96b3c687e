internal import CLibMongoC
import Foundation

/// Reservations: at most `maxSize` clients are out or about to be popped; waiters queue in order.
extension ClientPool {
    /// Waits, without a thread, until a client may be popped.
    ///
    /// - Throws: `MongoError` (`isPoolClosed`) when the pool is closing or closed.
    nonisolated(nonsending) func reserveClient() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            lock.lock()
            guard case .open = state else {
                lock.unlock()
                continuation.resume(throwing: MongoError.poolClosed())
                return
            }
            if reserved < maxSize {
                reserved += 1
                lock.unlock()
                continuation.resume()
            } else {
                clientWaiters.append(continuation)
                lock.unlock()
            }
        }
    }

    /// Whether the pool still accepts checkouts (neither closing nor closed).
    package var isOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .open = state { return true }
        return false
    }

    /// Takes a reservation if one is free right now.
    func tryReserveClient() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard case .open = state, reserved < maxSize else { return false }
        reserved += 1
        return true
    }

    /// Hands the reservation to the oldest waiter, or frees it (resuming `close()` when the last is back).
    func releaseReservation() {
        lock.lock()
        if case .open = state, !clientWaiters.isEmpty {
            let next = clientWaiters.removeFirst()
            lock.unlock()
            next.resume()  // the reservation passes on unchanged
            return
        }
        reserved -= 1
        var closers: [CheckedContinuation<Void, Never>] = []
        if reserved == 0, case .closing = state { swap(&closers, &closeWaiters) }
        lock.unlock()
        closers.forEach { $0.resume() }
    }

    /// Pops a client with `mongoc_client_pool_try_pop` for a held reservation (never blocks);
    /// on `nil` the reservation is released.
    func popReserved() -> MongoClient? {
        guard let pool = currentHandle(), let client = mongoc_client_pool_try_pop(pool) else {
            releaseReservation()
            return nil
        }
        return MongoClient(pooled: client, pool: self)
    }

    /// Checks out a client if one is free right now, without waiting. The client goes back when
    /// released by its last reference. Blocking code and tests only; async code uses `withClient`.
    package func tryCheckOut() -> MongoClient? {
        guard tryReserveClient() else { return nil }
        return popReserved()
    }

    /// Pushes a client back (`mongoc_client_pool_push`) and frees its reservation.
    func giveBack(_ client: OpaquePointer) {
        if let pool = currentHandle() { mongoc_client_pool_push(pool, client) }
        releaseReservation()
    }

    /// The pool handle while open or closing (valid while any reservation is held).
    private func currentHandle() -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .open(let pool), .closing(let pool): return pool
        case .closed: return nil
        }
    }

    /// Moves a drained closing pool to `closed` and hands its handle over, exactly once.
    func takeHandleForDestruction() -> PoolHandle? {
        lock.lock()
        defer { lock.unlock() }
        guard case .closing(let pool) = state, reserved == 0 else { return nil }
        state = .closed
        return PoolHandle(pointer: pool)
    }

    /// A `mongoc_client_pool_t` on its way to `mongoc_client_pool_destroy`, the only owner left.
    struct PoolHandle: @unchecked Sendable {
        let pointer: OpaquePointer

        func destroy() { mongoc_client_pool_destroy(pointer) }
    }
}
