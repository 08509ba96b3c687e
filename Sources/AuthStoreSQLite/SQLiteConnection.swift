internal import CSQLite
package import AuthStore

/// One SQLite connection: the sole owner of its `sqlite3*` and of its prepared statements, used by
/// one thread at a time (the pool hands it out). Closing finalizes every statement first.
package final class SQLiteConnection {
    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]
    private var lastPrepared: (sql: String, statement: SQLiteStatement)?
    /// The database file, for errors.
    package let path: String

    /**
     Opens (or creates) `path` with WAL, a busy timeout, and foreign keys on (as better-sqlite3 has them).

     - Throws: `AuthStoreError` naming the file: `.notADatabase`, `.corruptDatabase`, `.cannotOpen`, …
     */
    /// `readOnly` opens an existing file without creating it or changing its journal mode.
    package init(path: String, busyTimeoutMilliseconds: Int32, readOnly: Bool = false) throws(AuthStoreError) {
        self.path = path
        // Before SQLite sees it: SQLite would take a short file of anything for an empty database.
        try SQLiteFileHeader.check(path: path)
        SQLiteProcessSettings.apply()
        var db: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let flags = access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | (readOnly ? SQLITE_OPEN_URI : 0)
        let name = readOnly ? SQLiteReadOnlyName.uri(for: path) : path
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        handle = db
        guard rc == SQLITE_OK else {
            close()
            throw SQLiteErrors.error(rc, path: path, doing: "opening the database")
        }
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        do {
            // Reading the schema first proves the file is a database before anything is written.
            try execute("SELECT count(*) FROM sqlite_schema")
            if readOnly { return }
            try execute("PRAGMA foreign_keys = ON")
            if try scalarText("PRAGMA journal_mode") != "wal" { _ = try scalarText("PRAGMA journal_mode = WAL") }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalizes every statement, then closes the handle (idempotent).
    package func close() {
        statements.values.forEach { $0.finalize() }
        statements.removeAll()
        lastPrepared = nil
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// The cached prepared statement for `sql`, reset and unbound after `body`.
    package func withStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws(AuthStoreError) -> T) throws(AuthStoreError) -> T {
        let statement = try prepared(sql)
        defer { statement.reset() }
        return try body(statement)
    }

    /// Runs statements without results (DDL, pragmas, `BEGIN`/`COMMIT`), one at a time.
    package func execute(_ sql: String) throws(AuthStoreError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw SQLiteErrors.error(rc, path: path, doing: "running a statement") }
    }

    /// The first column of the first row of `sql`, as text.
    package func scalarText(_ sql: String) throws(AuthStoreError) -> String? {
        try withStatement(sql) { (s) throws(AuthStoreError) -> String? in try s.step() ? s.text(0) : nil }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws(AuthStoreError) -> T) throws(AuthStoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    private func prepared(_ sql: String) throws(AuthStoreError) -> SQLiteStatement {
        // The statement used last first: a connection mostly runs one query over and over, and the
        // comparison of the same string is a pointer check where the dictionary hashes every byte.
        if let last = lastPrepared, last.sql == sql { return last.statement }
        if let cached = statements[sql] {
            lastPrepared = (sql, cached)
            return cached
        }
        guard let handle else { throw AuthStoreError(.closed, "the database is closed", file: path) }
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else {
            sqlite3_finalize(raw)
            throw SQLiteErrors.error(rc, path: path, doing: "preparing a statement")
        }
        let statement = SQLiteStatement(raw, path: path)
        statements[sql] = statement
        lastPrepared = (sql, statement)
        return statement
    }
}
