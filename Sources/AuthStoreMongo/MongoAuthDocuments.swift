import Foundation
import AuthStore
import MongoBridge

/// Lucia v3's documents (`@lucia-auth/adapter-mongodb` 1.x) to and from AuthStore's values.
///
/// users: `{_id: String, username, hashed_password, …attributes}`; sessions: `{_id: String,
/// user_id: String, expires_at: Date, secret_hash?: BinData, …attributes}`. Attributes are the
/// remaining top-level fields: strings, integers, doubles, binary and null map to `AuthValue`
/// (a boolean reads as integer 0 or 1, as SQLite stores it); other BSON types (dates, documents,
/// arrays, ObjectIds, …) are left out of `attributes` when read and never touched in the database,
/// since AuthStore writes only the fields it owns. Mongoose's `__v` is dropped on read, as Lucia does.
enum MongoAuthDocuments {
    /// The field the one-round-trip `$lookup` puts the user into (Lucia's name).
    static let joinedUsersField = "userDocs"
    /// Fields dropped on read as Lucia drops them.
    static let ignoredFields: Set<String> = ["__v", "_doc"]

    static func userDocument(_ user: AuthUser) -> BSONDocument {
        var document: BSONDocument = ["_id": .string(user.id)]
        if let username = user.username { document["username"] = .string(username) }
        if let hash = user.hashedPassword { document["hashed_password"] = .string(hash) }
        for name in user.attributes.keys.sorted() { document[name] = bson(user.attributes[name]!) }
        return document
    }

    static func sessionDocument(_ session: SessionRecord) -> BSONDocument {
        // Lucia's setSession: { _id, user_id, expires_at, ...attributes }.
        var document: BSONDocument = [
            "_id": .string(session.id),
            "user_id": .string(session.userID),
            "expires_at": .date(BSONDate(session.expiresAt)),
        ]
        if let hash = session.secretHash { document["secret_hash"] = .binary(BSONBinary(subtype: 0, bytes: hash)) }
        for name in session.attributes.keys.sorted() { document[name] = bson(session.attributes[name]!) }
        return document
    }

    /// The user a document holds.
    ///
    /// - Throws: `.unsupportedIDType` when `_id` is not a string (an ObjectId, a number): Lucia's
    ///   layout needs string ids, and `sessions.user_id` could not match it.
    static func user(_ document: BSONDocument, collection: String) throws(AuthStoreError) -> AuthUser {
        guard case .string(let id)? = document["_id"] else {
            throw AuthStoreError(.unsupportedIDType, "\(collection)._id is \(typeName(document["_id"])), not a string: Lucia's layout needs string user ids (sessions.user_id must have the same BSON type)")
        }
        var user = AuthUser(id: id, username: nil)
        for (key, value) in document.elements where key != "_id" && !ignoredFields.contains(key) {
            switch key {
            case "username": user.username = value.stringValue
            case "hashed_password": user.hashedPassword = value.stringValue
            default: if let attribute = authValue(value) { user.attributes[key] = attribute }
            }
        }
        return user
    }

    /// The session a document holds (without the joined users, when the aggregate added them).
    ///
    /// - Throws: `.unsupportedIDType` when `user_id` is not a string; `.schemaMismatch` when
    ///   `expires_at` is not a BSON Date (Lucia needs a Date; a number or string breaks it too).
    static func session(_ document: BSONDocument, collection: String) throws(AuthStoreError) -> SessionRecord {
        guard case .string(let id)? = document["_id"] else {
            throw AuthStoreError(.unsupportedIDType, "\(collection)._id is \(typeName(document["_id"])), not a string")
        }
        guard case .string(let userID)? = document["user_id"] else {
            throw AuthStoreError(.unsupportedIDType, "\(collection).user_id is \(typeName(document["user_id"])), not a string: Lucia's layout needs string user ids")
        }
        guard case .date(let expires)? = document["expires_at"] else {
            throw AuthStoreError(.schemaMismatch, "\(collection).expires_at is \(typeName(document["expires_at"])), not a BSON Date")
        }
        var record = SessionRecord(id: id, userID: userID, expiresAt: expires.date)
        for (key, value) in document.elements {
            switch key {
            case "_id", "user_id", "expires_at", joinedUsersField: continue
            case "secret_hash": if case .binary(let binary) = value { record.secretHash = binary.bytes }
            default:
                if !ignoredFields.contains(key), let attribute = authValue(value) { record.attributes[key] = attribute }
            }
        }
        return record
    }

    static func bson(_ value: AuthValue) -> BSONValue { value.bsonValue }

    static func authValue(_ value: BSONValue) -> AuthValue? {
        switch value {
        case .string(let text): .text(text)
        case .int32(let number): .integer(Int64(number))
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .binary(let binary): .blob(binary.bytes)
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .null: .null
        default: nil
        }
    }

    /// A BSON type's name for an error (`an ObjectId`, `missing`, …): never the value.
    static func typeName(_ value: BSONValue?) -> String {
        switch value {
        case nil: "missing"
        case .objectId?: "an ObjectId"
        case .string?: "a string"
        case .int32?, .int64?, .double?, .decimal128?: "a number"
        case .date?: "a Date"
        case .null?: "null"
        case .document?: "a document"
        case .array?: "an array"
        case .binary?: "binary"
        default: "another BSON type"
        }
    }
}
