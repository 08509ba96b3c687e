public import MongoBridge

/// An index the auth store needs (Lucia v3 on MongoDB, lucia-schemas.md section 7): its keys and the
/// options `mongo-doctor provision` gives it.
public struct AuthStoreIndexRule: Sendable, Equatable {
    /// The collection it belongs on.
    public var collection: String
    /// The key pattern, fields in order, each ascending (`1`).
    public var fields: [String]
    /// Whether it is unique.
    public var unique: Bool
    /// `expireAfterSeconds` of a TTL index.
    public var expireAfterSeconds: Int?
    /// The collation strength (2: case-insensitive), when it has a collation.
    public var collationStrength: Int?
    /// Why the auth store needs it, for the finding.
    public var purpose: String

    /// Creates a rule.
    public init(collection: String, fields: [String], unique: Bool = false, expireAfterSeconds: Int? = nil,
                collationStrength: Int? = nil, purpose: String) {
        self.collection = collection
        self.fields = fields
        self.unique = unique
        self.expireAfterSeconds = expireAfterSeconds
        self.collationStrength = collationStrength
        self.purpose = purpose
    }

    /// The three indexes of a v3 store: sessions `{user_id: 1}`, sessions `{expires_at: 1}` TTL 0, users
    /// `{username: 1}` unique with collation strength 2.
    public static func v3(users: String, sessions: String) -> [AuthStoreIndexRule] {
        [
            AuthStoreIndexRule(collection: sessions, fields: ["user_id"],
                               purpose: "finding and deleting a user's sessions without a collection scan"),
            AuthStoreIndexRule(collection: sessions, fields: ["expires_at"], expireAfterSeconds: 0,
                               purpose: "the server deleting expired sessions (TTL)"),
            AuthStoreIndexRule(collection: users, fields: ["username"], unique: true, collationStrength: 2,
                               purpose: "usernames unique regardless of case"),
        ]
    }

    /// The key pattern as mongosh writes it: `{user_id: 1}`.
    public var keysText: String { "{" + fields.map { "\($0): 1" }.joined(separator: ", ") + "}" }

    /// The options as text: `unique, collation strength 2`, `expireAfterSeconds 0`, `no options`.
    public var optionsText: String {
        IndexOptions(unique: unique, expireAfterSeconds: expireAfterSeconds, collationStrength: collationStrength,
                     sparse: false, partial: false).text
    }

    /// What `listIndexes` shows for this rule: present, missing, or the same keys with other options.
    public func classify(_ indexes: [BSONDocument]) -> AuthStoreIndexState {
        let sameKeys = indexes.filter { Self.keyFields($0["key"]?.documentValue) == fields }
        guard !sameKeys.isEmpty else { return .missing }
        let wanted = IndexOptions(unique: unique, expireAfterSeconds: expireAfterSeconds, collationStrength: collationStrength,
                                  sparse: false, partial: false)
        if sameKeys.contains(where: { IndexOptions($0) == wanted }) { return .present }
        let other = sameKeys[0]
        return .conflict(name: other["name"]?.stringValue ?? "(unnamed)", options: IndexOptions(other).text)
    }

    /// The fields of an ascending key pattern; `nil` when a key is not `1` (descending, hashed, text).
    static func keyFields(_ key: BSONDocument?) -> [String]? {
        guard let key else { return nil }
        var fields: [String] = []
        for (field, direction) in key.elements {
            guard direction.doubleValue == 1 else { return nil }
            fields.append(field)
        }
        return fields
    }
}

/// What `listIndexes` showed for one `AuthStoreIndexRule`.
public enum AuthStoreIndexState: Sendable, Equatable {
    /// An index with these keys and options exists.
    case present
    /// No index has these keys.
    case missing
    /// An index has these keys but other options (`provision` would fail with IndexOptionsConflict).
    case conflict(name: String, options: String)
}

/// The index options the auth store cares about, read from a `listIndexes` document.
struct IndexOptions: Equatable {
    var unique: Bool
    var expireAfterSeconds: Int?
    var collationStrength: Int?
    var sparse: Bool
    var partial: Bool

    init(unique: Bool, expireAfterSeconds: Int?, collationStrength: Int?, sparse: Bool, partial: Bool) {
        self.unique = unique
        self.expireAfterSeconds = expireAfterSeconds
        self.collationStrength = collationStrength
        self.sparse = sparse
        self.partial = partial
    }

    init(_ index: BSONDocument) {
        let collation = index["collation"]?.documentValue
        // The simple collation (locale "simple") is no collation.
        let strength = collation?["locale"]?.stringValue == "simple" ? nil : collation.map { $0["strength"]?.intValue ?? 3 }
        self.init(unique: index["unique"]?.boolValue ?? (index["unique"]?.intValue == 1),
                  expireAfterSeconds: index["expireAfterSeconds"]?.intValue, collationStrength: strength,
                  sparse: index["sparse"]?.boolValue ?? false, partial: index["partialFilterExpression"] != nil)
    }

    var text: String {
        var parts: [String] = []
        if unique { parts.append("unique") }
        if let expireAfterSeconds { parts.append("expireAfterSeconds \(expireAfterSeconds)") }
        if let collationStrength { parts.append("collation strength \(collationStrength)") }
        if sparse { parts.append("sparse") }
        if partial { parts.append("partialFilterExpression") }
        return parts.isEmpty ? "no options" : parts.joined(separator: ", ")
    }
}
