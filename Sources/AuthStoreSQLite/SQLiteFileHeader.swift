internal import CSQLite
import AuthStore
import Foundation

/// The first bytes of an SQLite database file, checked before SQLite opens it.
///
/// SQLite treats any file shorter than one page as an empty database: a few bytes of text would
/// open, report no tables, and be overwritten by the first table created. So a file that has bytes
/// but not SQLite's 16-byte header ("SQLite format 3" and a NUL) is refused as not a database before
/// anything reads or writes it. An empty file is left to SQLite: it is how SQLite itself starts a
/// database, and in WAL mode the main file stays empty until the first checkpoint.
enum SQLiteFileHeader {
    /// The header every SQLite 3 database file starts with.
    static let magic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Whether `prefix` (a file's first bytes) may be an SQLite database: empty, or starting with ``magic``.
    static func mayBeDatabase(prefix: [UInt8]) -> Bool {
        prefix.isEmpty || prefix.starts(with: magic)
    }

    /**
     Throws when the file at `path` exists, has bytes, and does not start with ``magic``. A file that
     is missing or cannot be read is left for SQLite to report.

     - Throws: `AuthStoreError` `.notADatabase` naming the file, with SQLite's code `SQLITE_NOTADB`.
     */
    static func check(path: String) throws(AuthStoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: magic.count) else { return }
        guard !mayBeDatabase(prefix: Array(prefix)) else { return }
        throw AuthStoreError(.notADatabase, "the file is not an SQLite database", file: path, backendCode: SQLITE_NOTADB)
    }
}
