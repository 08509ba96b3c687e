public import AuthStore
import AuthStoreMongo
import AuthStoreSQLite
import Foundation
import MongoBridge

/// A Lucia SQLite file opened read-only (`SQLITE_OPEN_READONLY`: nothing is ever written to it, so a
/// running app keeps its file), its layout detected, its rows read in batches by rowid so that no read
/// holds a lock for long and memory stays bounded.
///
/// Blocking: every method runs SQLite on the calling thread; call them on a `BlockingThreadPool`. One
/// caller at a time (the migration reads sequentially); the connection is this object's alone.
public final class SQLiteSource: @unchecked Sendable {
    /// The file.
    public let path: String
    /// The tables it was read through.
    public let layout: SQLiteLayout
    /// Rows per table (users, sessions, keys) when opened.
    public let counts: (users: Int, sessions: Int, keys: Int)
    /// The format the stored sessions are in (`lucia-v3` raw ids; `sha256` hex ids; `split` with `secret_hash`).
    public let sessionFormat: SessionTokenFormat
    private let connection: SQLiteConnection
    private let userColumns: [String]
    private let sessionColumns: [String]
    private var keysCopied = false
    /// The keys copied into SQLite's temporary database with an index on `user_id` (Lucia's key table has
    /// none, and a read-only connection cannot add one to the file): one pass instead of a scan per batch.
    static let keyCopy = "temp.\"__md_keys\""

    /// How long a read waits for a writer's lock before the file counts as locked.
    public static let busyTimeoutMilliseconds: Int32 = 2000

    /**
     Opens `path` read-only and detects its layout.

     - Parameter tables: `--tables USER,SESSION[,KEY]`, when given.
     - Throws: `MigrationError` (one line naming the file): missing, not an SQLite database, locked,
       damaged, no Lucia tables (listing the tables found), a missing column.
     */
    public init(path: String, tables: [String]? = nil) throws(MigrationError) {
        guard FileManager.default.fileExists(atPath: path) else { throw MigrationError("\(path): no such file") }
        self.path = path
        let db: SQLiteConnection
        do {
            db = try SQLiteConnection(path: path, busyTimeoutMilliseconds: Self.busyTimeoutMilliseconds, readOnly: true)
        } catch {
            throw Self.failure(error, path)
        }
        connection = db
        do {
            var found: [String: [String]] = [:]
            let names = try Self.rows(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.text(0) }
            for case let name? in names {
                found[name] = try Self.rows(db, "SELECT name FROM pragma_table_info(\(Self.literal(name)))") { $0.text(0) ?? "" }
            }
            layout = try SQLiteLayout.detect(tables: found, named: tables, file: path)
            userColumns = found[layout.userTable] ?? []
            sessionColumns = found[layout.sessionTable] ?? []
            func count(_ table: String?) throws(AuthStoreError) -> Int {
                guard let table else { return 0 }
                return Int(try db.scalarText("SELECT count(*) FROM \(Self.quoted(table))") ?? "0") ?? 0
            }
            counts = (try count(layout.userTable), try count(layout.sessionTable), try count(layout.keyTable))
            let sample = try Self.rows(db, "SELECT id FROM \(Self.quoted(layout.sessionTable)) WHERE typeof(id) = 'text' LIMIT 20") { $0.text(0) }
            sessionFormat = layout.version == .v2 ? .luciaV3
                : SessionTokenFormat.detect(hasSecretHashColumn: sessionColumns.contains("secret_hash"), sampleSessionIDs: sample.compactMap { $0 }) ?? .luciaV3
        } catch let error as MigrationError {
            db.close()
            throw error
        } catch {
            db.close()
            throw Self.failure(error, path)
        }
    }

    deinit { connection.close() }

    /// Closes the file.
    public func close() { connection.close() }

    /// Up to `limit` users after rowid `after`, each with its keys (Lucia v2), and the last rowid read.
    public func users(after: Int64, limit: Int) throws(MigrationError) -> (rows: [SourceUser], last: Int64?) {
        let columns = userColumns.map { "u." + Self.quoted($0) }.joined(separator: ", ")
        let page = "SELECT rowid AS \"__rowid\", * FROM \(Self.quoted(layout.userTable)) WHERE rowid > ?1 ORDER BY rowid LIMIT ?2"
        let sql: String
        if let key = layout.keyTable {
            if !keysCopied {
                do {
                    try connection.execute("CREATE TEMP TABLE \"__md_keys\" AS SELECT rowid AS r, user_id, id, hashed_password FROM \(Self.quoted(key))")
                    try connection.execute("CREATE INDEX temp.\"__md_keys_user\" ON \"__md_keys\" (user_id, r)")
                } catch { throw Self.failure(error, path) }
                keysCopied = true
            }
            sql = "SELECT u.\"__rowid\", \(columns), k.id, k.hashed_password FROM (\(page)) AS u LEFT JOIN \(Self.keyCopy) AS k ON k.user_id = u.id ORDER BY u.\"__rowid\", k.r"
        } else {
            sql = "SELECT u.\"__rowid\", \(columns) FROM (\(page)) AS u ORDER BY u.\"__rowid\""
        }
        var result: [SourceUser] = []
        var last: Int64?
        do {
            try connection.withStatement(sql) { (s) throws(AuthStoreError) in
                try s.bind([.integer(after), .integer(Int64(limit))])
                while try s.step() {
                    let rowid = s.integer(0)
                    if rowid != last {
                        var fields: [(String, BSONValue)] = []
                        var id: BSONValue?
                        for (offset, name) in userColumns.enumerated() {
                            let value = Self.bson(s.value(offset + 1))
                            if name == "id" { id = value } else { fields.append((name, value)) }
                        }
                        result.append(SourceUser(row: "rowid \(rowid)", id: id, fields: fields))
                        last = rowid
                    }
                    if layout.keyTable != nil, case .string(let userID)? = result.last?.id {
                        let keyColumn = userColumns.count + 1
                        let keyID = Self.bson(s.value(keyColumn))
                        if keyID != .null || s.value(keyColumn + 1) != .null {
                            result[result.count - 1].keys.append(SourceKey(id: keyID, userID: userID, hashedPassword: Self.bson(s.value(keyColumn + 1))))
                        }
                    }
                }
            }
        } catch { throw Self.failure(error, path) }
        return (result, last)
    }

    /// Up to `limit` sessions after rowid `after`, each saying whether its user exists, and the last rowid read.
    public func sessions(after: Int64, limit: Int) throws(MigrationError) -> (rows: [SourceSession], last: Int64?) {
        let columns = sessionColumns.map { "s." + Self.quoted($0) }.joined(separator: ", ")
        let sql = """
            SELECT s.rowid, \(columns), EXISTS (SELECT 1 FROM \(Self.quoted(layout.userTable)) AS u WHERE u.id = s.user_id) \
            FROM \(Self.quoted(layout.sessionTable)) AS s WHERE s.rowid > ?1 ORDER BY s.rowid LIMIT ?2
            """
        var result: [SourceSession] = []
        var last: Int64?
        let expiryColumn = layout.expiryColumn
        let consumed = layout.consumedSessionColumns
        do {
            try connection.withStatement(sql) { (s) throws(AuthStoreError) in
                try s.bind([.integer(after), .integer(Int64(limit))])
                while try s.step() {
                    let rowid = s.integer(0)
                    var session = SourceSession(row: "rowid \(rowid)", id: nil, userID: nil, expiry: nil, fields: [], userExists: s.integer(sessionColumns.count + 1) != 0)
                    for (offset, name) in sessionColumns.enumerated() {
                        let value = Self.bson(s.value(offset + 1))
                        switch name {
                        case "id": session.id = value
                        case "user_id": session.userID = value
                        case expiryColumn: session.expiry = value
                        default: if !consumed.contains(name) { session.fields.append((name, value)) }
                        }
                    }
                    result.append(session)
                    last = rowid
                }
            }
        } catch { throw Self.failure(error, path) }
        return (result, last)
    }

    /// Keys whose user does not exist (at most `limit`; Lucia v2 with a key table only), and how many there are.
    public func orphanKeys(limit: Int) throws(MigrationError) -> (skips: [MigrationSkip], count: Int) {
        guard let key = layout.keyTable else { return ([], 0) }
        let condition = "NOT EXISTS (SELECT 1 FROM \(Self.quoted(layout.userTable)) AS u WHERE u.id = k.user_id)"
        do {
            let total = Int(try connection.scalarText("SELECT count(*) FROM \(Self.quoted(key)) AS k WHERE \(condition)") ?? "0") ?? 0
            let rows = try Self.rows(connection, "SELECT k.rowid, k.id, k.user_id FROM \(Self.quoted(key)) AS k WHERE \(condition) ORDER BY k.rowid LIMIT \(limit)") { s in
                MigrationSkip(source: "keys", row: s.text(1) ?? "rowid \(s.integer(0))", reason: .missingUser,
                              detail: "its user \(s.text(2) ?? "NULL") does not exist")
            }
            return (rows, total)
        } catch { throw Self.failure(error, path) }
    }

    static func rows<T>(_ connection: SQLiteConnection, _ sql: String, _ read: (SQLiteStatement) -> T) throws(AuthStoreError) -> [T] {
        try connection.withStatement(sql) { (s) throws(AuthStoreError) -> [T] in
            var rows: [T] = []
            while try s.step() { rows.append(read(s)) }
            return rows
        }
    }

    /// SQLite's storage classes as BSON (`AuthValue.bsonValue`: INTEGER int64, REAL double, TEXT string, BLOB binary, NULL null).
    static func bson(_ value: AuthValue) -> BSONValue { value.bsonValue }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// One line naming the file: SQLite's own message is never used (it can quote SQL).
    static func failure(_ error: any Error, _ path: String) -> MigrationError {
        guard let error = error as? AuthStoreError else { return MigrationError("\(path): \(error)") }
        switch error.code {
        case .busy: return MigrationError("\(path): the file is locked by another process (still locked after \(busyTimeoutMilliseconds) ms)")
        case .notADatabase: return MigrationError("\(path): not an SQLite database")
        case .corruptDatabase: return MigrationError("\(path): the SQLite database is damaged")
        case .cannotOpen: return MigrationError("\(path): cannot be opened (missing, or not readable)")
        default: return MigrationError("\(path): \(error.reason)")
        }
    }
}
