public import Foundation
public import AuthStore
import MongoBridge

extension MongoAuthBackend {
    /// Session fields besides `AuthLayoutNames.sessionColumns` that attributes may not use: the
    /// aggregate's joined users (`userDocs`) and Mongoose's `__v`.
    static let reservedSessionFields: Set<String> = AuthLayoutNames.sessionColumns.union([MongoAuthDocuments.joinedUsersField, "__v", "_doc"])

    public func insertSession(_ session: SessionRecord) async throws(AuthStoreError) {
        let sessions = configuration.sessionsCollection
        for name in session.attributes.keys where !AuthLayoutNames.isValidAttributeName(name, reserved: Self.reservedSessionFields) {
            throw AuthStoreError(.invalidAttribute, "session attribute \"\(name)\" is reserved or malformed")
        }
        let document = MongoAuthDocuments.sessionDocument(session)
        try await run("inserting a session") { c in
            guard try c.users.findOne(["_id": .string(session.userID)], projection: ["_id": 1]) != nil else {
                throw AuthStoreError(.userNotFound, "the session's user does not exist")
            }
            do {
                try c.sessions.insertOne(document)
            } catch let error as MongoError where MongoAuthErrors.isDuplicateKey(error) {
                throw AuthStoreError(.duplicateID, "a session with this id exists in \(sessions)", backendCode: Int32(MongoAuthErrors.duplicateKey))
            }
        }
    }

    /**
     The session and its user in one round trip: Lucia's aggregate
     `[{$match: {_id}}, {$lookup: {from: users, localField: "user_id", foreignField: "_id", as: "userDocs"}}]`.

     - Throws: `.unsupportedIDType` when the session names its user with a non-string `user_id`,
       when the joined user's `_id` is not a string, or when the join finds nothing but `users`
       holds an ObjectId `_id` equal to the 24-hex `user_id` (Lucia issue #1647: every session
       of such a user validates as null). The session is then left in place, not deleted as an
       orphan, so that the data can be migrated to string ids.
     */
    nonisolated(nonsending) public func sessionAndUser(id: String) async throws(AuthStoreError) -> SessionLookup? {
        let names = configuration
        return try await run("validating a session") { (c) throws -> SessionLookup? in
            let found = try c.sessions.aggregateFirstBatch([
                ["$match": ["_id": .string(id)]],
                ["$lookup": [
                    "from": .string(names.usersCollection), "localField": "user_id", "foreignField": "_id",
                    "as": .string(MongoAuthDocuments.joinedUsersField),
                ]],
            ])
            guard let document = found.first else { return nil }
            let session = try MongoAuthDocuments.session(document, collection: names.sessionsCollection)
            if let userDocument = document[MongoAuthDocuments.joinedUsersField]?.arrayValue?.first?.documentValue {
                return SessionLookup(session: session, user: try MongoAuthDocuments.user(userDocument, collection: names.usersCollection))
            }
            if let objectID = ObjectId(hex: session.userID), try c.users.findOne(["_id": .objectId(objectID)], projection: ["_id": 1]) != nil {
                throw AuthStoreError(.unsupportedIDType, "\(names.sessionsCollection).user_id is a string but the user's \(names.usersCollection)._id is an ObjectId: the join finds no user (Lucia needs string ids; migrate users._id to strings)")
            }
            return SessionLookup(session: session, user: nil)
        }
    }

    public func updateSessionExpiration(id: String, to expiresAt: Date) async throws(AuthStoreError) {
        try await run("extending a session") { c in
            _ = try c.sessions.update(["_id": .string(id)], with: ["$set": ["expires_at": .date(BSONDate(expiresAt))]])
        }
    }

    public func deleteSession(id: String) async throws(AuthStoreError) {
        try await run("deleting a session") { c in _ = try c.sessions.delete(["_id": .string(id)]) }
    }

    public func deleteSessions(userID: String) async throws(AuthStoreError) -> Int {
        try await run("deleting a user's sessions") { c in try c.sessions.delete(["user_id": .string(userID)], many: true) }
    }

    /// Lucia's `deleteExpiredSessions`: `deleteMany({expires_at: {$lte: now}})`.
    public func deleteExpiredSessions(now: Date) async throws(AuthStoreError) -> Int {
        try await run("deleting expired sessions") { c in
            try c.sessions.delete(["expires_at": ["$lte": .date(BSONDate(now))]], many: true)
        }
    }

    /// Lucia's `getUserSessions`: `find({user_id})` with `{__v: 0, _doc: 0}` dropped, expired ones included.
    public func sessions(userID: String) async throws(AuthStoreError) -> [SessionRecord] {
        let sessions = configuration.sessionsCollection
        return try await run("listing a user's sessions") { (c) throws -> [SessionRecord] in
            try c.sessions.find(["user_id": .string(userID)], sort: ["expires_at": 1, "_id": 1]).map { (d) throws(AuthStoreError) in
                try MongoAuthDocuments.session(d, collection: sessions)
            }
        }
    }
}
