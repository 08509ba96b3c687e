public import AuthStore
public import BlockingWork
import Foundation

/// What an SQLite auth file holds of the schema `SQLiteAuthBackend.open` creates, read without
/// writing anything (for `provision --sqlite`, which plans before it applies).
public struct SQLiteSchemaReport: Sendable, Equatable {
    /// The `user` table exists.
    public var hasUserTable: Bool
    /// The `session` table exists.
    public var hasSessionTable: Bool
    /// The unique `username COLLATE NOCASE` index exists.
    public var hasUsernameIndex: Bool
    /// The `session(user_id)` index exists.
    public var hasUserIDIndex: Bool
    /// `session` has `secret_hash` (the `split` format).
    public var hasSecretHash: Bool
    /// Groups of usernames equal when ASCII case is ignored (they block the unique index).
    public var duplicateUsernames: [[String]]
    /// Up to 20 stored session ids (to detect the token format).
    public var sampleSessionIDs: [String] = []
    /// The session format the provision ledger (`auth_provision`) recorded last, if any.
    public var recordedSessionFormat: SessionTokenFormat?

    /// Creates a report.
    public init(hasUserTable: Bool = false, hasSessionTable: Bool = false, hasUsernameIndex: Bool = false,
                hasUserIDIndex: Bool = false, hasSecretHash: Bool = false, duplicateUsernames: [[String]] = []) {
        self.hasUserTable = hasUserTable
        self.hasSessionTable = hasSessionTable
        self.hasUsernameIndex = hasUsernameIndex
        self.hasUserIDIndex = hasUserIDIndex
        self.hasSecretHash = hasSecretHash
        self.duplicateUsernames = duplicateUsernames
    }
}

extension SQLiteAuthBackend {
    /// Reads what `path` holds of AuthStore's schema, read-only; `nil` when the file does not exist.
    ///
    /// - Throws: `AuthStoreError` naming the file (`.notADatabase`, `.corruptDatabase`, …).
    public static func inspect(path: String, threads: BlockingThreadPool = .shared) async throws(AuthStoreError) -> SQLiteSchemaReport? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let result: Result<SQLiteSchemaReport, AuthStoreError>
        do {
            result = try await threads.run {
                Result { () throws(AuthStoreError) -> SQLiteSchemaReport in
                    let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 5000, readOnly: true)
                    defer { connection.close() }
                    return try report(on: connection)
                }
            }
        } catch {
            throw AuthStoreError(.closed, "the blocking thread pool is shut down", file: path)
        }
        return try result.get()
    }

    private static func report(on connection: SQLiteConnection) throws(AuthStoreError) -> SQLiteSchemaReport {
        let names = try connection.withStatement("SELECT type, name FROM sqlite_schema") { (s) throws(AuthStoreError) -> Set<String> in
            var names: Set<String> = []
            while try s.step() { names.insert("\(s.text(0) ?? ""):\(s.text(1) ?? "")") }
            return names
        }
        var report = SQLiteSchemaReport(
            hasUserTable: names.contains("table:user"), hasSessionTable: names.contains("table:session"),
            hasUsernameIndex: names.contains("index:\(SQLiteSchema.usernameIndexName)"),
            hasUserIDIndex: names.contains("index:\(SQLiteSchema.userIDIndexName)"))
        report.recordedSessionFormat = try SQLiteLedger.recordedFormat(on: connection)
        if report.hasSessionTable {
            report.hasSecretHash = try SQLiteSchema.read(on: connection).hasSecretHash
            report.sampleSessionIDs = try connection.withStatement(#"SELECT id FROM "session" LIMIT 20"#) { (s) throws(AuthStoreError) -> [String] in
                var ids: [String] = []
                while try s.step() { ids.append(s.text(0) ?? "") }
                return ids
            }
        }
        if report.hasUserTable, try SQLiteSchema.read(on: connection).userColumns.contains("username") {
            report.duplicateUsernames = try duplicates(on: connection)
        }
        return report
    }

    private static func duplicates(on connection: SQLiteConnection) throws(AuthStoreError) -> [[String]] {
        let sql = #"SELECT username FROM "user" WHERE username IS NOT NULL ORDER BY lower(username), username"#
        let names = try connection.withStatement(sql) { (s) throws(AuthStoreError) -> [String] in
            var names: [String] = []
            while try s.step() { names.append(s.text(0) ?? "") }
            return names
        }
        // NOCASE folds ASCII letters only; so does this grouping.
        let groups = Dictionary(grouping: names) { String($0.unicodeScalars.map { $0.isASCII ? Character($0).lowercased() : String($0) }.joined()) }
        return groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}
