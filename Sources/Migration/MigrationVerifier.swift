import AuthStore
public import MongoBridge

/// A bounded, uniform sample of the documents written (reservoir sampling): what the verification
/// compares field by field with what the server holds.
public struct DocumentSample: Sendable {
    /// The most documents kept.
    public let capacity: Int
    /// The documents kept.
    public private(set) var documents: [BSONDocument] = []
    private var seen = 0

    /// An empty sample of at most `capacity` documents.
    public init(capacity: Int = 25) { self.capacity = capacity }

    /// Offers one more document.
    public mutating func offer(_ document: BSONDocument) {
        seen += 1
        if documents.count < capacity { documents.append(document); return }
        let slot = Int.random(in: 0..<seen)
        if slot < capacity { documents[slot] = document }
    }
}

/// The verification at the end of a migration (blocking: call inside `ClientPool.withClient`): the
/// target's count per kind against what was written, and a sample compared field by field.
public enum MigrationVerifier {
    /// What one kind's verification found.
    public struct Result: Sendable {
        /// Documents in the target collection.
        public var inTarget: Int
        /// Documents compared.
        public var sampled: Int
        /// Differences (field names and fingerprints only, never values).
        public var problems: [String]
    }

    /**
     Checks `collection` after a copy: it must hold at least the `expected` documents (others may have
     been there before), every one of them confirmed `written`, and each sampled document must be found
     with exactly the converted fields and values.
     */
    public static func verify(_ kind: MigrationKind, collection: MongoCollection, expected: Int, written: Int,
                              sample: [BSONDocument], filter: BSONDocument = [:]) throws -> Result {
        let inTarget = try collection.countDocuments(filter)
        var problems: [String] = []
        if written != expected { problems.append("\(kind.key): \(expected) documents converted but \(written) confirmed written") }
        if inTarget < expected { problems.append("\(kind.key): \(collection.name) holds \(inTarget) documents, fewer than the \(expected) migrated") }
        problems += try compare(kind, sample, in: collection)
        return Result(inTarget: inTarget, sampled: sample.count, problems: problems)
    }

    /// The differences between `sample` and the documents with the same `_id` in `collection`.
    public static func compare(_ kind: MigrationKind, _ sample: [BSONDocument], in collection: MongoCollection, fields: Set<String>? = nil) throws -> [String] {
        guard !sample.isEmpty else { return [] }
        let ids = sample.compactMap { $0["_id"] }
        var stored: [String: BSONDocument] = [:]
        for document in try collection.find(["_id": ["$in": .array(ids)]]) {
            if let id = document["_id"]?.stringValue { stored[id] = document }
        }
        var problems: [String] = []
        for expected in sample {
            let id = expected["_id"] ?? .null
            let name = label(kind, id)
            guard let found = id.stringValue.flatMap({ stored[$0] }) else { problems.append("\(name): not found"); continue }
            let keys = fields ?? Set(expected.keys).union(found.keys)
            let differing = keys.filter { expected[$0] != found[$0] }.sorted()
            if !differing.isEmpty { problems.append("\(name): \(differing.joined(separator: ", ")) differ") }
        }
        return problems
    }

    /// How a document is named in a problem: a user or account by `_id`, a session by fingerprint.
    static func label(_ kind: MigrationKind, _ id: BSONValue) -> String {
        let text = id.stringValue ?? "(\(MigrationConverter.typeName(id)))"
        return kind == .sessions ? "session \(AuthSession.fingerprint(ofStoredID: text))" : "\(kind.key) \(text)"
    }
}
