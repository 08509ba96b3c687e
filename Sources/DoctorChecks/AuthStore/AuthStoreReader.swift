public import Foundation
import MongoBridge

/// Reads an auth store through the `ServerProbe` with the URI's own credentials, read-only:
/// `listCollections`, `listIndexes`, `find` samples and counting `aggregate`s. Never reads a password
/// hash into the report: the pipelines return counts, types and lower-cased usernames only.
public struct AuthStoreReader: Sendable {
    /// The probe.
    public var probe: any ServerProbe
    /// The connection string, credentials included.
    public var uri: String
    /// The per-command timeout.
    public var timeout: Duration
    /// The ledger step of a `migrate lucia-v2-to-v3` run (Migration's `MigrationLedger`).
    public static let v2MigrationStep = "migrate.lucia-v2-to-v3"
    /// How many documents the type samples read.
    public var sampleSize = 200

    /// Creates a reader.
    public init(probe: any ServerProbe, uri: String, timeout: Duration) {
        self.probe = probe
        self.uri = uri
        self.timeout = timeout
    }

    /// Everything the check needs about `target`. - Throws: `MongoError` (Unauthorized when the user may not read it).
    public func snapshot(of target: AuthStoreTarget, now: Date = Date()) async throws -> AuthStoreSnapshot {
        var snapshot = AuthStoreSnapshot()
        for info in try await batch(["listCollections": 1], in: target.database) {
            guard let name = info["name"]?.stringValue else { continue }
            snapshot.collections[name] = info.value(atPath: "options.validator") != nil
        }
        let hasUsers = snapshot.collections[target.users] != nil
        let hasSessions = snapshot.collections[target.sessions] != nil
        for name in [target.users, target.sessions] where snapshot.collections[name] != nil {
            snapshot.indexes[name] = try await batch(["listIndexes": .string(name)], in: target.database)
        }
        if hasUsers { snapshot.userIDTypes = try await types(of: "_id", in: target.users, db: target.database) }
        if snapshot.collections[target.keys] != nil, let ledger = target.ledger, snapshot.collections[ledger] != nil {
            let filter: BSONDocument = ["step": .string(Self.v2MigrationStep), "verified": true]
            let found = try? await batch(["find": .string(ledger), "filter": .document(filter), "limit": 1], in: target.database)
            snapshot.migratedFromV2 = !(found ?? []).isEmpty
        }
        guard hasSessions else { return snapshot }
        snapshot.sessionUserIDTypes = try await types(of: "user_id", in: target.sessions, db: target.database)
        let v2Filter: BSONDocument = ["$or": [["active_expires": ["$exists": true]], ["idle_expires": ["$exists": true]]]]
        if let v2 = try await batch(["find": .string(target.sessions), "filter": .document(v2Filter), "limit": 1], in: target.database).first {
            snapshot.v2SessionFields = ["active_expires", "idle_expires"].filter { v2[$0] != nil }
        }
        let isV2 = !snapshot.v2SessionFields.isEmpty || (snapshot.collections[target.keys] != nil && !snapshot.migratedFromV2)
        let expired: BSONDocument = isV2
            ? ["idle_expires": ["$lt": .double(now.timeIntervalSince1970 * 1000)]]
            : ["expires_at": ["$lt": .date(BSONDate(now))]]
        snapshot.expiredSessions = try await count([["$match": .document(expired)]], in: target.sessions, db: target.database)
        if hasUsers, snapshot.idTypesAgree {
            let lookup: BSONDocument = ["from": .string(target.users), "localField": "user_id", "foreignField": "_id", "as": "user"]
            snapshot.orphanSessions = try await count(
                [["$lookup": .document(lookup)], ["$match": ["user": ["$size": 0]]]], in: target.sessions, db: target.database)
        }
        if hasUsers { snapshot.duplicateUsernames = try await duplicateUsernames(in: target.users, db: target.database) }
        return snapshot
    }

    /// The BSON type names of `field` in a sample of `collection`, with counts (`missing` for absent).
    func types(of field: String, in collection: String, db: String) async throws -> [String: Int] {
        let command: BSONDocument = ["find": .string(collection), "projection": [field: 1], "limit": .int32(Int32(sampleSize)),
                                     "batchSize": .int32(Int32(sampleSize))]
        var counts: [String: Int] = [:]
        for document in try await batch(command, in: db) { counts[document[field]?.typeName ?? "missing", default: 0] += 1 }
        return counts
    }

    /// How many documents of `collection` come out of `pipeline`.
    func count(_ pipeline: [BSONValue], in collection: String, db: String) async throws -> Int {
        let counted = pipeline + [["$group": ["_id": .null, "n": ["$sum": 1]]]]
        let reply = try await batch(["aggregate": .string(collection), "pipeline": .array(counted), "cursor": [:]], in: db)
        return reply.first?["n"]?.intValue ?? 0
    }

    /// Usernames (lower-cased) that more than one user holds, most first.
    func duplicateUsernames(in collection: String, db: String) async throws -> [(name: String, count: Int)] {
        let pipeline: [BSONValue] = [
            ["$match": ["username": ["$type": "string"]]],
            ["$group": ["_id": ["$toLower": "$username"], "n": ["$sum": 1]]],
            ["$match": ["n": ["$gt": 1]]],
            ["$sort": ["n": -1, "_id": 1]],
        ]
        let reply = try await batch(["aggregate": .string(collection), "pipeline": .array(pipeline), "cursor": ["batchSize": 1000]], in: db)
        return reply.compactMap { group in
            guard let name = group["_id"]?.stringValue, let n = group["n"]?.intValue else { return nil }
            return (name, n)
        }
    }

    /// The first batch of a command that answers with a cursor.
    func batch(_ command: BSONDocument, in db: String) async throws -> [BSONDocument] {
        let reply = try await probe.command(command, database: db, uri: uri, timeout: timeout)
        return (reply.value(atPath: "cursor.firstBatch")?.arrayValue ?? []).compactMap(\.documentValue)
    }
}

extension AuthStoreSnapshot {
    /// Whether the sampled `users._id` and `sessions.user_id` share a BSON type (or one side is empty).
    public var idTypesAgree: Bool {
        let users = Set(userIDTypes.keys), sessions = Set(sessionUserIDTypes.keys).subtracting(["missing"])
        return users.isEmpty || sessions.isEmpty || !users.isDisjoint(with: sessions)
    }
}
