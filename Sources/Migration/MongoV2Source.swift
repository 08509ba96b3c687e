public import MongoBridge

/// Lucia v2's collections in MongoDB (adapter-mongoose: `users`, `sessions` with millisecond
/// `active_expires`/`idle_expires`, `keys`), read in batches in `_id` order (keyset: `_id > last`).
///
/// Blocking: call inside `ClientPool.withClient`. Only string `_id`s are paged; documents with
/// other `_id` types are read separately as skips.
public struct MongoV2Source: Sendable {
    /// The database.
    public var database: String
    /// The collection names (users, sessions, keys).
    public var users: String, sessions: String, keys: String

    /// Creates the source.
    public init(database: String, users: String = "users", sessions: String = "sessions", keys: String = "keys") {
        self.database = database
        self.users = users
        self.sessions = sessions
        self.keys = keys
    }

    /// Sessions still in v2 form: they have `idle_expires` (already migrated ones are left alone).
    public static let v2SessionFilter: BSONDocument = ["idle_expires": ["$exists": true]]

    /// The collections that exist, by name.
    public func existing(_ client: MongoClient) throws -> Set<String> {
        Set(try client.database(database).collectionNames())
    }

    /// Up to `limit` users with a string `_id` after `after`, each with its keys.
    public func users(_ client: MongoClient, after: String?, limit: Int) throws -> [SourceUser] {
        let db = client.database(database)
        let filter: BSONDocument = after.map { ["_id": ["$gt": .string($0)]] } ?? ["_id": ["$type": "string"]]
        let documents = try db.collection(users).find(filter, sort: ["_id": 1], limit: limit)
        let ids = documents.compactMap { $0["_id"]?.stringValue }
        var keysByUser: [String: [SourceKey]] = [:]
        if !ids.isEmpty {
            for key in try db.collection(keys).find(["user_id": ["$in": .array(ids.map { .string($0) })]], sort: ["_id": 1]) {
                guard let userID = key["user_id"]?.stringValue else { continue }
                keysByUser[userID, default: []].append(SourceKey(id: key["_id"], userID: userID, hashedPassword: key["hashed_password"]))
            }
        }
        return documents.map { document in
            let id = document["_id"]
            let fields = document.elements.filter { $0.key != "_id" }.map { ($0.key, $0.value) }
            return SourceUser(row: id?.stringValue ?? "", id: id, fields: fields, keys: id?.stringValue.flatMap { keysByUser[$0] } ?? [])
        }
    }

    /// Users whose `_id` is not a string (at most `limit`), as skips, and how many there are.
    public func nonStringUsers(_ client: MongoClient, limit: Int) throws -> (skips: [MigrationSkip], count: Int) {
        let collection = client.database(database).collection(users)
        let filter: BSONDocument = ["_id": ["$not": ["$type": "string"]]]
        let count = try collection.countDocuments(filter)
        let skips = try collection.find(filter, projection: ["_id": 1], limit: limit).map { document in
            let id = document["_id"] ?? .null
            return MigrationSkip(source: "users", row: Self.describe(id), reason: .nonTextID,
                                 detail: "the user _id is \(MigrationConverter.typeName(id)), not a string")
        }
        return (skips, count)
    }

    /// Up to `limit` v2 sessions with a string `_id` after `after`, each saying whether its user exists.
    public func sessions(_ client: MongoClient, after: String?, limit: Int) throws -> [SourceSession] {
        let db = client.database(database)
        var filter = Self.v2SessionFilter
        filter["_id"] = after.map { ["$gt": .string($0)] } ?? ["$type": "string"]
        let documents = try db.collection(sessions).find(filter, sort: ["_id": 1], limit: limit)
        let userIDs = Set(documents.compactMap { $0["user_id"]?.stringValue })
        var existing: Set<String> = []
        if !userIDs.isEmpty {
            let found = try db.collection(users).find(["_id": ["$in": .array(userIDs.sorted().map { .string($0) })]], projection: ["_id": 1])
            existing = Set(found.compactMap { $0["_id"]?.stringValue })
        }
        return documents.map { document in
            let fields = document.elements.filter { !["_id", "user_id", "idle_expires", "active_expires"].contains($0.key) }.map { ($0.key, $0.value) }
            return SourceSession(row: nil, id: document["_id"], userID: document["user_id"], expiry: document["idle_expires"], fields: fields,
                                 userExists: document["user_id"]?.stringValue.map(existing.contains) ?? false)
        }
    }

    /// v2 sessions whose `_id` is not a string (at most `limit`), as skips, and how many there are.
    public func nonStringSessions(_ client: MongoClient, limit: Int) throws -> (skips: [MigrationSkip], count: Int) {
        let collection = client.database(database).collection(sessions)
        var filter = Self.v2SessionFilter
        filter["_id"] = ["$not": ["$type": "string"]]
        let count = try collection.countDocuments(filter)
        let skips = try collection.find(filter, projection: ["_id": 1], limit: limit).map { document in
            let id = document["_id"] ?? .null
            return MigrationSkip(source: "sessions", row: "(session _id of type \(MigrationConverter.typeName(id)))", reason: .nonTextID,
                                 detail: "the session _id is \(MigrationConverter.typeName(id)), not a string")
        }
        return (skips, count)
    }

    /// Keys whose user does not exist (at most `limit`), as skips, and how many there are.
    public func orphanKeys(_ client: MongoClient, limit: Int) throws -> (skips: [MigrationSkip], count: Int) {
        let pipeline: [BSONDocument] = [
            ["$lookup": ["from": .string(users), "localField": "user_id", "foreignField": "_id", "as": "owner"]],
            ["$match": ["owner": ["$size": 0]]],
            ["$project": ["_id": 1, "user_id": 1]],
        ]
        let orphans = try client.database(database).collection(keys).aggregate(pipeline)
        let skips = orphans.prefix(limit).map { key in
            MigrationSkip(source: "keys", row: Self.describe(key["_id"] ?? .null), reason: .missingUser,
                          detail: "its user \(Self.describe(key["user_id"] ?? .null)) does not exist")
        }
        return (Array(skips), orphans.count)
    }

    static func describe(_ value: BSONValue) -> String {
        switch value {
        case .string(let text): text
        case .objectId(let oid): "ObjectId(\(oid))"
        case .int32(let v): String(v)
        case .int64(let v): String(v)
        default: "(\(MigrationConverter.typeName(value)))"
        }
    }
}
