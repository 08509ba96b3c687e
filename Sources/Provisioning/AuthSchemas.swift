public import AuthStore
public import MongoBridge

/// The `$jsonSchema` validators and index models of each layout (lucia-schemas.md §2.2, §1.2, §2.6).
public enum AuthSchemas {
    /// The collection options `provision` creates: the validator with `validationLevel: moderate`
    /// (documents already stored that break it are not checked on update).
    public static func collectionOptions(validator: BSONDocument) -> BSONDocument {
        ["validator": .document(["$jsonSchema": .document(validator)]), "validationLevel": "moderate"]
    }

    /// The `$jsonSchema` of `collection` (a logical name: users, sessions, keys) in `layout`.
    public static func validator(for role: CollectionRole, layout: ProvisionLayout, format: SessionTokenFormat) -> BSONDocument {
        switch (layout, role) {
        case (.luciaV3, .users):
            return schema(required: ["_id", "username"], properties: [
                ("_id", ["bsonType": "string"]), ("username", ["bsonType": "string"]),
                ("hashed_password", ["bsonType": ["string", "null"]]),
            ])
        case (.luciaV3, .sessions):
            var properties: [(String, BSONDocument)] = [
                ("_id", ["bsonType": "string"]), ("user_id", ["bsonType": "string"]), ("expires_at", ["bsonType": "date"]),
            ]
            var required = ["_id", "user_id", "expires_at"]
            if format.storesSecretHash {
                properties.append(("secret_hash", ["bsonType": "binData"]))
                required.append("secret_hash")
            }
            return schema(required: required, documents: properties)
        case (.luciaV2, .users), (.luciaV3, .keys):
            return schema(required: ["_id"], properties: [("_id", ["bsonType": "string"])])
        case (.luciaV2, .sessions):
            let number: BSONDocument = ["bsonType": ["double", "int", "long"]]
            return schema(required: ["_id", "user_id", "active_expires", "idle_expires"], properties: [
                ("_id", ["bsonType": "string"]), ("user_id", ["bsonType": "string"]),
                ("active_expires", .document(number)), ("idle_expires", .document(number)),
            ])
        case (.luciaV2, .keys):
            return schema(required: ["_id", "user_id"], properties: [
                ("_id", ["bsonType": "string"]), ("user_id", ["bsonType": "string"]),
                ("hashed_password", ["bsonType": ["string", "null"]]),
            ])
        }
    }

    private static func schema(required: [String], properties: [(String, BSONValue)]) -> BSONDocument {
        ["bsonType": "object", "required": .array(required.map { .string($0) }), "properties": .document(BSONDocument(properties))]
    }

    private static func schema(required: [String], documents properties: [(String, BSONDocument)]) -> BSONDocument {
        schema(required: required, properties: properties.map { ($0.0, BSONValue.document($0.1)) })
    }

    /// The case-insensitive collation of the unique username index.
    public static let usernameCollation: BSONDocument = ["locale": "en", "strength": 2]

    /// The indexes of `layout`, in creation order.
    public static func indexes(for layout: ProvisionLayout) -> [IndexSpec] {
        switch layout {
        case .luciaV3:
            [
                IndexSpec(stepID: "index.sessions.user_id", role: .sessions, field: "user_id"),
                IndexSpec(stepID: "index.sessions.expires_at-ttl", role: .sessions, field: "expires_at", expireAfterSeconds: 0),
                IndexSpec(stepID: "index.users.username-unique", role: .users, field: "username", unique: true, collation: usernameCollation),
            ]
        case .luciaV2:
            [
                IndexSpec(stepID: "index.sessions.user_id", role: .sessions, field: "user_id"),
                IndexSpec(stepID: "index.keys.user_id", role: .keys, field: "user_id"),
            ]
        }
    }
}

/// Which auth collection a step is about (its logical name; the real one comes from `AuthCollectionNames`).
public enum CollectionRole: String, Sendable, CaseIterable {
    case users, sessions, keys

    /// The real name in `names`.
    public func name(in names: AuthCollectionNames) -> String {
        switch self {
        case .users: names.users
        case .sessions: names.sessions
        case .keys: names.keys
        }
    }

    /// The roles of `layout`, in creation order.
    public static func all(for layout: ProvisionLayout) -> [CollectionRole] {
        layout == .luciaV2 ? [.users, .sessions, .keys] : [.users, .sessions]
    }
}
