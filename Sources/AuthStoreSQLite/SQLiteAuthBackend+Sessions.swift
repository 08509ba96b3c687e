public import Foundation
public import AuthStore
internal import CSQLite

extension SQLiteAuthBackend {
    public func insertSession(_ session: SessionRecord) async throws(AuthStoreError) {
        try await run { (c, schema) throws(AuthStoreError) in
            let names = session.attributes.keys.sorted()
            for name in names where !AuthLayoutNames.isValidAttributeName(name, reserved: AuthLayoutNames.sessionColumns) || !schema.sessionColumns.contains(name) {
                throw AuthStoreError(.invalidAttribute, "session attribute \"\(name)\" is reserved, malformed or not a column of table session", file: c.path)
            }
            var columns = ["id", "user_id", "expires_at"]
            var values: [AuthValue] = [.text(session.id), .text(session.userID), .integer(Self.seconds(session.expiresAt))]
            if let hash = session.secretHash {
                guard schema.hasSecretHash else { throw AuthStoreError(.schemaMismatch, "table session has no secret_hash column", file: c.path) }
                columns.append("secret_hash")
                values.append(.blob(hash))
            }
            columns += names
            values += names.map { session.attributes[$0]! }
            let sql = #"INSERT INTO "session" ("# + columns.map(SQLiteSchema.quoted).joined(separator: ", ") + ") VALUES (" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
            do throws(AuthStoreError) {
                try c.withStatement(sql) { (s) throws(AuthStoreError) in try s.run(values) }
            } catch where error.backendCode == Int32(MD_SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw AuthStoreError(.duplicateID, "a session with this id exists", file: c.path, backendCode: error.backendCode)
            }
        }
    }

    nonisolated(nonsending) public func sessionAndUser(id: String) async throws(AuthStoreError) -> SessionLookup? {
        try await run { (c, schema) throws(AuthStoreError) -> SessionLookup? in
            try c.withStatement(schema.sessionLookupSQL) { (s) throws(AuthStoreError) -> SessionLookup? in
                try s.withText(id, boundAt: 1) { () throws(AuthStoreError) -> SessionLookup? in
                    guard try s.step() else { return nil }
                    let session = Self.session(from: s, roles: schema.sessionRoles)
                    return SessionLookup(session: session, user: Self.user(from: s, roles: schema.userRoles, offset: schema.sessionRoles.count))
                }
            }
        }
    }

    public func updateSessionExpiration(id: String, to expiresAt: Date) async throws(AuthStoreError) {
        try await execute(#"UPDATE "session" SET expires_at = ? WHERE id = ?"#, [.integer(Self.seconds(expiresAt)), .text(id)])
    }

    public func deleteSession(id: String) async throws(AuthStoreError) {
        try await execute(#"DELETE FROM "session" WHERE id = ?"#, [.text(id)])
    }

    public func deleteSessions(userID: String) async throws(AuthStoreError) -> Int {
        try await execute(#"DELETE FROM "session" WHERE user_id = ?"#, [.text(userID)])
    }

    public func deleteExpiredSessions(now: Date) async throws(AuthStoreError) -> Int {
        // Lucia: `DELETE FROM session WHERE expires_at <= ?` with floor(now / 1000) seconds.
        try await execute(#"DELETE FROM "session" WHERE expires_at <= ?"#, [.integer(Self.seconds(now))])
    }

    public func sessions(userID: String) async throws(AuthStoreError) -> [SessionRecord] {
        try await run { (c, schema) throws(AuthStoreError) -> [SessionRecord] in
            let sql = "SELECT " + schema.sessionColumns.map(SQLiteSchema.quoted).joined(separator: ", ") + #" FROM "session" WHERE user_id = ? ORDER BY expires_at, id"#
            return try c.withStatement(sql) { (s) throws(AuthStoreError) -> [SessionRecord] in
                try s.bind([.text(userID)])
                var records: [SessionRecord] = []
                while try s.step() { records.append(Self.session(from: s, roles: schema.sessionRoles)) }
                return records
            }
        }
    }

    /// Runs one writing statement; returns the rows it changed.
    @discardableResult
    private func execute(_ sql: String, _ values: [AuthValue]) async throws(AuthStoreError) -> Int {
        try await run { (c, _) throws(AuthStoreError) -> Int in
            try c.withStatement(sql) { (s) throws(AuthStoreError) in try s.run(values) }
            return c.changes
        }
    }

    /// Unix seconds, floored, as Lucia's adapter writes them (`Math.floor(getTime() / 1000)`).
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    static func session(from s: SQLiteStatement, roles: [SQLiteColumnRole]) -> SessionRecord {
        var record = SessionRecord(id: "", userID: "", expiresAt: Date(timeIntervalSince1970: 0))
        for (index, role) in roles.enumerated() {
            switch (role, s.value(index)) {
            case (.id, .text(let text)): record.id = text
            case (.userID, .text(let text)): record.userID = text
            case (.userID, .integer(let number)): record.userID = String(number)
            case (.expiresAt, .integer(let number)): record.expiresAt = Date(timeIntervalSince1970: TimeInterval(number))
            case (.expiresAt, .real(let number)): record.expiresAt = Date(timeIntervalSince1970: number.rounded(.down))
            case (.secretHash, .blob(let bytes)): record.secretHash = bytes
            case (.attribute(let name), let value): record.attributes[name] = value
            default: break  // a known column holding another type
            }
        }
        return record
    }
}
