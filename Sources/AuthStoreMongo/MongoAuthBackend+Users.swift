import Foundation
public import AuthStore
import MongoBridge

extension MongoAuthBackend {
    public func insertUser(_ user: AuthUser) async throws(AuthStoreError) {
        let users = configuration.usersCollection
        for name in user.attributes.keys where !AuthLayoutNames.isValidAttributeName(name, reserved: AuthLayoutNames.userColumns) {
            throw AuthStoreError(.invalidAttribute, "user attribute \"\(name)\" is reserved or malformed")
        }
        let document = MongoAuthDocuments.userDocument(user)
        try await run("inserting a user") { c in
            do {
                try c.users.insertOne(document)
            } catch let error as MongoError where MongoAuthErrors.isDuplicateKey(error) {
                // The key pattern says which index refused it; without one, an existing _id tells.
                let pattern = MongoAuthErrors.duplicateKeyPattern(error)
                let isID: Bool
                if let pattern { isID = pattern.keys.contains("_id") } else { isID = try c.users.findOne(["_id": .string(user.id)], projection: ["_id": 1]) != nil }
                if isID { throw AuthStoreError(.duplicateID, "a user with this id exists in \(users)", backendCode: Int32(MongoAuthErrors.duplicateKey)) }
                throw AuthStoreError(.usernameTaken, "the username is taken", backendCode: Int32(MongoAuthErrors.duplicateKey))
            }
        }
    }

    public func user(id: String) async throws(AuthStoreError) -> AuthUser? {
        let users = configuration.usersCollection
        return try await run("reading a user") { (c) throws -> AuthUser? in
            try c.users.findOne(["_id": .string(id)]).map { (d) throws(AuthStoreError) in try MongoAuthDocuments.user(d, collection: users) }
        }
    }

    /// The user whose username equals `username` under the collation `{locale: "en", strength: 2}`
    /// (the unique index's, so the index answers it): case-insensitive for every script's letters.
    public func user(username: String) async throws(AuthStoreError) -> AuthUser? {
        let users = configuration.usersCollection
        return try await run("reading a user") { (c) throws -> AuthUser? in
            let reply = try c.database.runCommand([
                "find": .string(users), "filter": ["username": .string(username)],
                "collation": .document(Self.usernameCollation), "limit": 1, "singleBatch": true,
            ])
            let first = reply.value(atPath: "cursor.firstBatch")?.arrayValue?.first?.documentValue
            return try first.map { (d) throws(AuthStoreError) in try MongoAuthDocuments.user(d, collection: users) }
        }
    }

    public func users(limit: Int) async throws(AuthStoreError) -> [AuthUser] {
        let users = configuration.usersCollection
        guard limit > 0 else { return [] }
        return try await run("listing users") { (c) throws -> [AuthUser] in
            try c.users.find([:], sort: ["username": 1, "_id": 1], limit: limit).map { (d) throws(AuthStoreError) in try MongoAuthDocuments.user(d, collection: users) }
        }
    }

    public func updateHashedPassword(userID: String, to hash: String) async throws(AuthStoreError) -> Bool {
        try await run("updating a password hash") { c in
            try c.users.update(["_id": .string(userID)], with: ["$set": ["hashed_password": .string(hash)]]).matchedCount > 0
        }
    }

    /// Deletes the user, then their sessions (Lucia's `deleteUserSessions`), on one connection.
    /// MongoDB gives no transaction here without a replica set, so the two deletes are two writes;
    /// a session left by a failure between them is an orphan, which validation rejects and deletes.
    public func deleteUser(id: String) async throws(AuthStoreError) -> Bool {
        try await run("deleting a user") { c in
            let deleted = try c.users.delete(["_id": .string(id)])
            try c.sessions.delete(["user_id": .string(id)], many: true)
            return deleted > 0
        }
    }
}
