import Foundation
import AuthStore
import BlockingWork

/// A bounded set of connections to one file. Work runs on a `BlockingThreadPool` thread (never the
/// cooperative pool) with a connection checked out for that thread alone; when all are in use the
/// worker thread waits for one (it is a blocking thread, so that is allowed). Connections open lazily.
final class SQLiteConnectionPool: @unchecked Sendable {
    let path: String
    /// Where every call runs.
    let threads: BlockingThreadPool
    private let maximum: Int
    private let busyTimeoutMilliseconds: Int32
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [SQLiteConnection] = []
    private var opened = 0
    private var isClosed = false

    init(path: String, threads: BlockingThreadPool, maximum: Int, busyTimeoutMilliseconds: Int32) {
        self.path = path
        self.threads = threads
        self.maximum = max(1, maximum)
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// Runs `body` with a connection on a blocking thread. Through `runShort`: the calls here take
    /// microseconds, so the caller waits a moment for the result before it suspends, when the pool
    /// lets it poll (a polling slot is free and the machine has a core to spare, see `SpareCoreProbe`).
    nonisolated(nonsending) func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws(AuthStoreError) -> T) async throws(AuthStoreError) -> T {
        if let done = try runInPlace(body) { return done }
        let result: Result<T, AuthStoreError>
        do {
            result = try await threads.runShort { [self] in
                Result { () throws(AuthStoreError) -> T in try withConnection(body) }
            }
        } catch {
            throw AuthStoreError(.closed, "the blocking thread pool is shut down", file: path)
        }
        return try result.get()
    }

    /// Runs `body` with a connection right here when this thread is one of the pool's threads (a task
    /// preferring them, see `AuthStore.preferredExecutor`), as `threads.run` would: `nil` when it is not,
    /// and the caller hands the work over with `run(_:)`. `body` does not escape, so a caller's closure
    /// is not boxed on the way (a session check's path).
    func runInPlace<T>(_ body: (SQLiteConnection) throws(AuthStoreError) -> T) throws(AuthStoreError) -> T? {
        guard threads.canRunInPlace else { return nil }
        return try withConnection(body)
    }

    /// Runs `body` with a connection checked out for it; the calling thread must be a blocking one.
    private func withConnection<T>(_ body: (SQLiteConnection) throws(AuthStoreError) -> T) throws(AuthStoreError) -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Closes every idle connection and refuses new work; connections in use close when returned.
    func close() {
        condition.lock()
        isClosed = true
        let connections = idle
        idle.removeAll()
        condition.broadcast()
        condition.unlock()
        connections.forEach { $0.close() }
    }

    private func checkOut() throws(AuthStoreError) -> SQLiteConnection {
        condition.lock()
        while true {
            if isClosed {
                condition.unlock()
                throw AuthStoreError(.closed, "the database is closed", file: path)
            }
            if let connection = idle.popLast() {
                condition.unlock()
                return connection
            }
            if opened < maximum {
                opened += 1
                condition.unlock()
                do {
                    return try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
                } catch {
                    condition.lock()
                    opened -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func checkIn(_ connection: SQLiteConnection) {
        condition.lock()
        if isClosed {
            opened -= 1
            condition.unlock()
            connection.close()
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }
}
