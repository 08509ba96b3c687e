public import MongoBridge

/// One single-field ascending index `provision` wants, and how an existing index is compared with it.
public struct IndexSpec: Sendable, Equatable {
    /// The step's id.
    public var stepID: String
    /// The collection it belongs on.
    public var role: CollectionRole
    /// The indexed field (ascending).
    public var field: String
    /// `unique: true`.
    public var unique = false
    /// `expireAfterSeconds` (a TTL index).
    public var expireAfterSeconds: Int?
    /// The collation (`locale`, `strength`).
    public var collation: BSONDocument?

    /// The index name (the server's default for the key).
    public var name: String { field + "_1" }

    /// The `createIndexes` model.
    public var model: BSONDocument {
        var model: BSONDocument = ["key": .document([field: .int32(1)]), "name": .string(name)]
        if unique { model["unique"] = true }
        if let expireAfterSeconds { model["expireAfterSeconds"] = .int32(Int32(expireAfterSeconds)) }
        if let collation { model["collation"] = .document(collation) }
        return model
    }

    /// Whether `index` (a `listIndexes` document) has exactly this key, whatever its options.
    public func hasSameKey(_ index: BSONDocument) -> Bool {
        guard let key = index["key"]?.documentValue, key.count == 1, key.keys.first == field else { return false }
        return key.values.first?.intValue == 1
    }

    /// How the options of `index` (same key) differ from this spec; empty when they match.
    /// A collation is compared on `locale` and `strength` only (mongod fills in the other fields).
    public func optionDifferences(_ index: BSONDocument) -> [String] {
        var differences: [String] = []
        if (index["unique"]?.boolValue ?? false) != unique { differences.append("unique \(index["unique"]?.boolValue ?? false)") }
        let ttl = index["expireAfterSeconds"]?.intValue
        if ttl != expireAfterSeconds { differences.append("expireAfterSeconds \(ttl.map(String.init) ?? "none")") }
        let theirs = index["collation"]?.documentValue
        let same = theirs?["locale"]?.stringValue == collation?["locale"]?.stringValue
            && theirs?["strength"]?.intValue == collation?["strength"]?.intValue
        if !same && !(theirs?["locale"]?.stringValue == "simple" && collation == nil) {
            differences.append("collation \(theirs.map { "\($0["locale"]?.stringValue ?? "?")/\($0["strength"]?.intValue ?? 3)" } ?? "none")")
        }
        if index["partialFilterExpression"] != nil { differences.append("partialFilterExpression") }
        if index["sparse"]?.boolValue == true { differences.append("sparse") }
        return differences
    }
}
