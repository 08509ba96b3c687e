public import AuthStore
public import Foundation

/// The embedded store's provision ledger: the table `auth_provision` (`ProvisionLedger.collection(forUsers:
/// "user")`, the name the MongoDB ledger has for Lucia's default collections), one row per applied step
/// with the tool's version, the time (Unix seconds) and the session token format. Lucia never reads it.
enum SQLiteLedger {
    /// The ledger's table name.
    static let table = ProvisionLedger.collection(forUsers: "user")

    static let create = """
        CREATE TABLE IF NOT EXISTS \(SQLiteSchema.quoted(table)) (
            step TEXT NOT NULL,
            applied_at INTEGER NOT NULL,
            tool_version TEXT NOT NULL,
            session_format TEXT NOT NULL
        )
        """

    /// The format of the newest row, or `nil` when there is no ledger or it names no known format.
    static func recordedFormat(on connection: SQLiteConnection) throws(AuthStoreError) -> SessionTokenFormat? {
        let exists = try connection.withStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?") { (s) throws(AuthStoreError) -> Bool in
            try s.bind([.text(table)])
            return try s.step()
        }
        guard exists else { return nil }
        let sql = "SELECT session_format FROM \(SQLiteSchema.quoted(table)) ORDER BY applied_at DESC, rowid DESC LIMIT 1"
        return try connection.scalarText(sql).flatMap(SessionTokenFormat.init(rawValue:))
    }

    /// Appends one row per step in one transaction (the table is created first when missing).
    static func record(steps: [String], format: SessionTokenFormat, toolVersion: String, at date: Date, on connection: SQLiteConnection) throws(AuthStoreError) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        try connection.transaction { () throws(AuthStoreError) in
            try connection.execute(create)
            let insert = "INSERT INTO \(SQLiteSchema.quoted(table)) (step, applied_at, tool_version, session_format) VALUES (?, ?, ?, ?)"
            for step in steps {
                try connection.withStatement(insert) { (s) throws(AuthStoreError) in
                    try s.run([.text(step), .integer(seconds), .text(toolVersion), .text(format.rawValue)])
                }
            }
        }
    }
}

extension SQLiteAuthBackend {
    /// Records applied provisioning steps and the session format in the file's ledger (`auth_provision`),
    /// which `detectTokenFormat()` reads before it looks at the sessions.
    public func recordProvision(steps: [String], format: SessionTokenFormat, toolVersion: String, at date: Date = Date()) async throws(AuthStoreError) {
        guard !steps.isEmpty else { return }
        try await pool.run { (c) throws(AuthStoreError) in
            try SQLiteLedger.record(steps: steps, format: format, toolVersion: toolVersion, at: date, on: c)
        }
    }
}
