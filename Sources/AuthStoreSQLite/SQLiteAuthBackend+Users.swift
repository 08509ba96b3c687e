import Foundation
public import AuthStore
internal import CSQLite

extension SQLiteAuthBackend {
    public func insertUser(_ user: AuthUser) async throws(AuthStoreError) {
        try await run { (c, schema) throws(AuthStoreError) in
            let names = user.attributes.keys.sorted()
            for name in names where !AuthLayoutNames.isValidAttributeName(name, reserved: AuthLayoutNames.userColumns) || !schema.userColumns.contains(name) {
                throw AuthStoreError(.invalidAttribute, "user attribute \"\(name)\" is reserved, malformed or not a column of table user", file: c.path)
            }
            let columns = ["id", "username", "hashed_password"] + names
            let sql = #"INSERT INTO "user" ("# + columns.map(SQLiteSchema.quoted).joined(separator: ", ") + ") VALUES (" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
            let values: [AuthValue] = [.text(user.id), user.username.map(AuthValue.text) ?? .null, user.hashedPassword.map(AuthValue.text) ?? .null] + names.map { user.attributes[$0]! }
            do throws(AuthStoreError) {
                try c.withStatement(sql) { (s) throws(AuthStoreError) in try s.run(values) }
            } catch where error.backendCode == Int32(MD_SQLITE_CONSTRAINT_UNIQUE) {
                throw AuthStoreError(.usernameTaken, "the username is taken", file: c.path, backendCode: error.backendCode)
            } catch where error.backendCode == Int32(MD_SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw AuthStoreError(.duplicateID, "a user with this id exists", file: c.path, backendCode: error.backendCode)
            }
        }
    }

    public func user(id: String) async throws(AuthStoreError) -> AuthUser? {
        try await fetchUser(where: "id = ?", .text(id))
    }

    public func user(username: String) async throws(AuthStoreError) -> AuthUser? {
        try await fetchUser(where: "username = ? COLLATE NOCASE", .text(username))
    }

    public func users(limit: Int) async throws(AuthStoreError) -> [AuthUser] {
        try await run { (c, schema) throws(AuthStoreError) -> [AuthUser] in
            let sql = "SELECT " + schema.userColumns.map(SQLiteSchema.quoted).joined(separator: ", ") + #" FROM "user" ORDER BY username, id LIMIT ?"#
            return try c.withStatement(sql) { (s) throws(AuthStoreError) -> [AuthUser] in
                try s.bind([.integer(Int64(limit))])
                var users: [AuthUser] = []
                while try s.step() { if let user = Self.user(from: s, roles: schema.userRoles, offset: 0) { users.append(user) } }
                return users
            }
        }
    }

    public func updateHashedPassword(userID: String, to hash: String) async throws(AuthStoreError) -> Bool {
        try await run { (c, _) throws(AuthStoreError) -> Bool in
            try c.withStatement(#"UPDATE "user" SET hashed_password = ? WHERE id = ?"#) { (s) throws(AuthStoreError) in try s.run([.text(hash), .text(userID)]) }
            return c.changes > 0
        }
    }

    public func deleteUser(id: String) async throws(AuthStoreError) -> Bool {
        try await run { (c, _) throws(AuthStoreError) -> Bool in
            try c.transaction { () throws(AuthStoreError) -> Bool in
                try c.withStatement(#"DELETE FROM "session" WHERE user_id = ?"#) { (s) throws(AuthStoreError) in try s.run([.text(id)]) }
                try c.withStatement(#"DELETE FROM "user" WHERE id = ?"#) { (s) throws(AuthStoreError) in try s.run([.text(id)]) }
                return c.changes > 0
            }
        }
    }

    private func fetchUser(where condition: String, _ value: AuthValue) async throws(AuthStoreError) -> AuthUser? {
        try await run { (c, schema) throws(AuthStoreError) -> AuthUser? in
            let sql = "SELECT " + schema.userColumns.map(SQLiteSchema.quoted).joined(separator: ", ") + #" FROM "user" WHERE "# + condition
            return try c.withStatement(sql) { (s) throws(AuthStoreError) -> AuthUser? in
                try s.bind([value])
                return try s.step() ? Self.user(from: s, roles: schema.userRoles, offset: 0) : nil
            }
        }
    }

    /// The user in the result columns from `offset` on, as `roles` describes them; `nil` when its id is NULL (no join match).
    static func user(from s: SQLiteStatement, roles: [SQLiteColumnRole], offset: Int) -> AuthUser? {
        var user = AuthUser(id: "", username: nil)
        for (index, role) in roles.enumerated() {
            switch (role, s.value(offset + index)) {
            case (.id, .text(let id)): user.id = id
            case (.id, .integer(let id)): user.id = String(id)
            case (.id, _): return nil  // no joined user (NULL), or an id of another type
            case (.username, .text(let text)): user.username = text
            case (.hashedPassword, .text(let text)): user.hashedPassword = text
            case (.attribute(let name), let value): user.attributes[name] = value
            default: break
            }
        }
        return user
    }
}
