internal import CSQLite
import AuthStore

/// SQLite result codes as `AuthStoreError`s. Only SQLite's generic text for the code
/// (`sqlite3_errstr`) is used, never `sqlite3_errmsg`, which can quote SQL.
enum SQLiteErrors {
    static func error(_ rc: Int32, path: String, doing action: String) -> AuthStoreError {
        let primary = rc & 0xff
        let generic = sqlite3_errstr(rc).map { String(cString: $0) } ?? "error"
        let code: AuthStoreError.Code
        let reason: String
        switch primary {
        case SQLITE_NOTADB: (code, reason) = (.notADatabase, "the file is not an SQLite database")
        case SQLITE_CORRUPT: (code, reason) = (.corruptDatabase, "the SQLite database is damaged (truncated or malformed)")
        case SQLITE_CANTOPEN: (code, reason) = (.cannotOpen, "the SQLite database cannot be opened")
        case SQLITE_READONLY, SQLITE_PERM: (code, reason) = (.readOnly, "the SQLite database is read-only")
        case SQLITE_BUSY, SQLITE_LOCKED: (code, reason) = (.busy, "the SQLite database stayed locked past the busy timeout")
        case SQLITE_CONSTRAINT:
            if rc == Int32(MD_SQLITE_CONSTRAINT_FOREIGNKEY) { (code, reason) = (.userNotFound, "the user does not exist") }
            else { (code, reason) = (.duplicateID, "a row with this key exists") }
        default: (code, reason) = (.backend, "SQLite failed \(action): \(generic)")
        }
        return AuthStoreError(code, reason, file: path, backendCode: rc)
    }
}
