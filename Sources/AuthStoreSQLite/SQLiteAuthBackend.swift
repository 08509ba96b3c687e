import Foundation
public import AuthStore
public import BlockingWork
import Synchronization

/// AuthStore's SQLite backend: Lucia v3's tables `user` and `session` (`expires_at` INTEGER seconds)
/// in one file, WAL, a busy timeout, prepared statements, every SQLite call on a `BlockingThreadPool`.
/// A session and its user come back in one query (`session LEFT JOIN user`).
public final class SQLiteAuthBackend: AuthStoreBackend {
    /// The database file.
    public let path: String
    let pool: SQLiteConnectionPool
    /// The tables as opened.
    private let openedSchema: SQLiteSchema
    /// The tables after `prepare(for:)` added `secret_hash` (set at most once, released only in `deinit`),
    /// read without a lock: every call reads the schema, and a lock here was the whole cost of eight
    /// concurrent callers. (An `AtomicLazyReference` looked up its generic metadata on every load.)
    private let preparedSchema = Atomic<Unmanaged<SQLiteSchema>?>(nil)

    /**
     Opens or creates the database at `path` and creates the missing tables and indexes in one transaction.

     - Parameters:
       - path: the file (created when missing).
       - threads: where SQLite calls run; defaults to the shared pool.
       - maxConnections: connections opened at most (default 4).
       - busyTimeout: how long a statement waits for another writer (default 5 s).
     - Throws: `AuthStoreError` naming the file (`.notADatabase` for another kind of file,
       `.corruptDatabase`, `.cannotOpen`, `.schemaMismatch`); the file is then left as it was.
     */
    public static func open(
        path: String,
        threads: BlockingThreadPool = .shared,
        maxConnections: Int = 4,
        busyTimeout: Duration = .seconds(5)
    ) async throws(AuthStoreError) -> SQLiteAuthBackend {
        let milliseconds = Int32(clamping: busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000)
        let pool = SQLiteConnectionPool(path: path, threads: threads, maximum: maxConnections, busyTimeoutMilliseconds: milliseconds)
        do {
            let schema = try await pool.run { (connection) throws(AuthStoreError) in try SQLiteSchema.ensure(on: connection) }
            return SQLiteAuthBackend(path: path, pool: pool, schema: schema)
        } catch {
            pool.close()
            throw error
        }
    }

    private init(path: String, pool: SQLiteConnectionPool, schema: SQLiteSchema) {
        self.path = path
        self.pool = pool
        self.openedSchema = schema
    }

    /// The thread pool every SQLite call runs on: tasks that prefer it make their calls without a hand-off.
    public var preferredExecutor: (any TaskExecutor)? { pool.threads }

    /// Closes the connections; later calls throw `.closed`.
    public func close() { pool.close() }

    deinit { preparedSchema.load(ordering: .acquiring)?.release() }

    var currentSchema: SQLiteSchema { preparedSchema.load(ordering: .acquiring)?.takeUnretainedValue() ?? openedSchema }

    /// The format the provision ledger recorded last, else what the stored sessions show.
    public func detectTokenFormat() async throws(AuthStoreError) -> SessionTokenFormat? {
        let hasSecretHash = currentSchema.hasSecretHash
        let (recorded, ids) = try await pool.run { (c) throws(AuthStoreError) -> (SessionTokenFormat?, [String]) in
            if let recorded = try SQLiteLedger.recordedFormat(on: c) { return (recorded, []) }
            return (nil, try c.withStatement(#"SELECT id FROM "session" LIMIT 20"#) { (s) throws(AuthStoreError) -> [String] in
                var ids: [String] = []
                while try s.step() { ids.append(s.text(0) ?? "") }
                return ids
            })
        }
        return recorded ?? SessionTokenFormat.detect(hasSecretHashColumn: hasSecretHash, sampleSessionIDs: ids)
    }

    public func prepare(for format: SessionTokenFormat) async throws(AuthStoreError) {
        guard format.storesSecretHash, !currentSchema.hasSecretHash else { return }
        let updated = try await pool.run { (c) throws(AuthStoreError) in try SQLiteSchema.addSecretHash(on: c) }
        let stored = Unmanaged.passRetained(updated)
        if !preparedSchema.compareExchange(expected: nil, desired: stored, ordering: .acquiringAndReleasing).exchanged {
            stored.release()
        }
    }

    /// Runs `body` with a connection and the current schema, on a blocking thread.
    nonisolated(nonsending) func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection, SQLiteSchema) throws(AuthStoreError) -> T) async throws(AuthStoreError) -> T {
        let schema = currentSchema
        // On the pool's own thread the work runs here; the closure below is not boxed for it.
        if let done = try pool.runInPlace({ (c) throws(AuthStoreError) -> T in try body(c, schema) }) { return done }
        return try await pool.run { (c) throws(AuthStoreError) -> T in try body(c, schema) }
    }
}
