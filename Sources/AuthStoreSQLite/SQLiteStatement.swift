internal import CSQLite
package import AuthStore

/// A prepared statement, owned by its `SQLiteConnection` (which finalizes it); borrowed inside
/// `withStatement` only.
package final class SQLiteStatement {
    private var raw: OpaquePointer?
    private let path: String

    init(_ raw: OpaquePointer, path: String) {
        self.raw = raw
        self.path = path
    }

    /// Releases the statement (called by the owning connection only).
    func finalize() {
        sqlite3_finalize(raw)
        raw = nil
    }

    /// Clears bindings and rewinds, ready for the next use.
    func reset() {
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
    }

    /// Binds `values` to parameters 1…n.
    package func bind(_ values: [AuthValue]) throws(AuthStoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .text(let text): rc = Self.bindText(text, to: raw, at: index)
            case .integer(let number): rc = sqlite3_bind_int64(raw, index, number)
            case .real(let number): rc = sqlite3_bind_double(raw, index, number)
            case .null: rc = sqlite3_bind_null(raw, index)
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { sqlite3_bind_blob(raw, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), md_sqlite_transient()) }
            }
            guard rc == SQLITE_OK else { throw SQLiteErrors.error(rc, path: path, doing: "binding a value") }
        }
    }

    /// Binds `text` from its own UTF-8 storage with its length (no C-string copy; SQLite copies it).
    private static func bindText(_ text: String, to raw: OpaquePointer?, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            // An empty buffer may have no address, which SQLite would bind as NULL instead of "".
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return sqlite3_bind_text(raw, index, "", 0, md_sqlite_transient()) }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(raw, index, $0, Int32(utf8.count), md_sqlite_transient())
            }
        }
    }

    /// Binds `text` to parameter `index` in place (no copy into SQLite, no array of values), runs `body`
    /// while it is bound, then resets the statement and clears its bindings before the text's buffer may
    /// go. For a statement run once per request with one text parameter (the session lookup).
    /// (SQLite refuses to unbind a statement that is still stepping, so the reset comes first.)
    package func withText<T>(_ text: String, boundAt index: Int32, _ body: () throws(AuthStoreError) -> T) throws(AuthStoreError) -> T {
        guard !text.isEmpty else {
            try bind([.text(text)])
            return try body()
        }
        var text = text
        let result = text.withUTF8 { utf8 -> Result<T, AuthStoreError> in
            // A nil destructor is SQLITE_STATIC: SQLite reads the caller's bytes, valid inside this closure.
            let rc = utf8.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(raw, index, $0.baseAddress, Int32($0.count), nil) }
            guard rc == SQLITE_OK else { return .failure(SQLiteErrors.error(rc, path: path, doing: "binding a value")) }
            defer { reset() }
            return Result { () throws(AuthStoreError) -> T in try body() }
        }
        switch consume result {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    /// The statement's SQL with the values bound now (`sqlite3_expanded_sql`), for tests of binding.
    package var expandedSQL: String? {
        guard let text = sqlite3_expanded_sql(raw) else { return nil }
        defer { sqlite3_free(text) }
        return String(cString: text)
    }

    /// Steps once: `true` with a row, `false` when done.
    package func step() throws(AuthStoreError) -> Bool {
        let rc = sqlite3_step(raw)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteErrors.error(sqlite3_extended_errcode(sqlite3_db_handle(raw)), path: path, doing: "running a statement")
        }
    }

    /// Binds `values` and steps to the end (INSERT, UPDATE, DELETE).
    package func run(_ values: [AuthValue]) throws(AuthStoreError) {
        try bind(values)
        while try step() {}
    }

    /// The number of result columns.
    package var columnCount: Int { Int(sqlite3_column_count(raw)) }

    /// The name of result column `index`.
    package func columnName(_ index: Int) -> String { sqlite3_column_name(raw, Int32(index)).map { String(cString: $0) } ?? "" }

    /// Column `index` of the current row as text, `nil` when NULL.
    package func text(_ index: Int) -> String? {
        let column = Int32(index)
        guard let bytes = sqlite3_column_text(raw, column) else { return nil }
        // The length SQLite already knows, instead of another scan for the terminator.
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(raw, column))), as: UTF8.self)
    }

    /// Column `index` of the current row as an integer.
    package func integer(_ index: Int) -> Int64 { sqlite3_column_int64(raw, Int32(index)) }

    /// Column `index` of the current row as it is stored.
    package func value(_ index: Int) -> AuthValue {
        let column = Int32(index)
        switch sqlite3_column_type(raw, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(raw, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(raw, column))
        case SQLITE_TEXT: return text(index).map(AuthValue.text) ?? .null
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(raw, column))
            guard count > 0, let bytes = sqlite3_column_blob(raw, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}
