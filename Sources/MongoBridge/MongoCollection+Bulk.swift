internal import CLibMongoC

/// One operation of a bulk write.
public enum WriteModel: Sendable, Equatable {
    /// Inserts the document.
    case insertOne(BSONDocument)
    /// Replaces the first document matching `filter` (inserting `replacement` when none does and `upsert`).
    case replaceOne(filter: BSONDocument, replacement: BSONDocument, upsert: Bool)
    /// Applies an update document (`$set`, …) to the first document matching `filter`.
    case updateOne(filter: BSONDocument, update: BSONDocument, upsert: Bool)
    /// Deletes the first document matching `filter`.
    case deleteOne(filter: BSONDocument)
}

/// What the server did with a bulk write: counts per kind of write, and the operations it refused.
public struct BulkWriteResult: Sendable, Equatable {
    /// One refused operation.
    public struct WriteError: Sendable, Equatable {
        /// The operation's position in the models passed to `bulkWrite`.
        public var index: Int
        /// The server's error code (11000 duplicate key, 121 document failed validation).
        public var code: Int
        /// The key pattern of the unique index a duplicate key broke (`{_id: 1}`), when the server names it.
        public var keyPattern: BSONDocument?
        /// The server's message. It can quote the document's values: never print it unfiltered.
        public var serverMessage: String

        /// Whether this is a duplicate key on `_id` (the server's `keyPattern`, else its message names `_id_`).
        public var isDuplicateID: Bool {
            guard code == 11000 else { return false }
            if let keyPattern { return keyPattern.keys == ["_id"] }
            return serverMessage.contains("index: _id_ ")
        }
    }

    /// Documents inserted.
    public var insertedCount = 0
    /// Documents matched by replaces and updates.
    public var matchedCount = 0
    /// Documents changed by replaces and updates.
    public var modifiedCount = 0
    /// Documents inserted by upserts.
    public var upsertedCount = 0
    /// Documents deleted.
    public var deletedCount = 0
    /// The refused operations, by index.
    public var writeErrors: [WriteError] = []

    /// An empty result.
    public init() {}

    /// Reads libmongoc's merged bulk reply (`nInserted`, `nMatched`, …, `writeErrors`).
    init(reply: BSONDocument) {
        insertedCount = reply["nInserted"]?.intValue ?? 0
        matchedCount = reply["nMatched"]?.intValue ?? 0
        modifiedCount = reply["nModified"]?.intValue ?? 0
        upsertedCount = reply["nUpserted"]?.intValue ?? 0
        deletedCount = reply["nRemoved"]?.intValue ?? 0
        writeErrors = (reply["writeErrors"]?.arrayValue ?? []).compactMap(\.documentValue).map { error in
            WriteError(index: error["index"]?.intValue ?? -1, code: error["code"]?.intValue ?? 0,
                       keyPattern: error["keyPattern"]?.documentValue, serverMessage: error["errmsg"]?.stringValue ?? "")
        }
    }
}

/// Bulk writes (`mongoc_bulk_operation_t`).
extension MongoCollection {
    /**
     Sends `models` as one bulk write (libmongoc splits it into as many commands as the server's
     limits need). Unordered by default: the server goes on past a refused operation.

     Ownership: the `mongoc_bulk_operation_t` is created and destroyed here; every document is copied
     into it when appended, so the temporary `bson_t`s are destroyed right after.

     - Returns: the counts, and each refused operation (duplicate keys, validation failures) by index.
     - Throws: `MongoError` when the write as a whole failed (no connection, a write concern error,
       the server refused the command): nothing can then be said about single operations.
     */
    public func bulkWrite(_ models: [WriteModel], ordered: Bool = false) throws -> BulkWriteResult {
        guard !models.isEmpty else { return BulkWriteResult() }
        return try withHandle { coll in
            let options: BSONDocument = ["ordered": .bool(ordered)]
            guard let bulk = try options.withBSONPointer({ mongoc_collection_create_bulk_operation_with_opts(coll, $0) }) else {
                throw MongoError.bridge("no bulk operation")
            }
            defer { mongoc_bulk_operation_destroy(bulk) }
            for model in models { try Self.append(model, to: bulk) }
            var error = bson_error_t()
            let (server, document) = LibBSONScratch.with { reply in
                bson_init(reply)
                defer { bson_destroy(reply) }
                let server = mongoc_bulk_operation_execute(bulk, reply, &error)
                return (server, (try? BSONReader.document(from: reply)) ?? BSONDocument())
            }
            let result = BulkWriteResult(reply: document)
            let concernErrors = document["writeConcernErrors"]?.arrayValue ?? []
            if server == 0, result.writeErrors.isEmpty || !concernErrors.isEmpty {
                throw MongoError(error, reply: document.isEmpty ? nil : document)
            }
            return result
        }
    }

    private static func append(_ model: WriteModel, to bulk: OpaquePointer) throws {
        var error = bson_error_t()
        let ok: Bool
        switch model {
        case .insertOne(let document):
            ok = try document.withBSONPointer { mongoc_bulk_operation_insert_with_opts(bulk, $0, nil, &error) }
        case .replaceOne(let filter, let replacement, let upsert):
            ok = try filter.withBSONPointer { f in
                try replacement.withBSONPointer { r in
                    try (["upsert": .bool(upsert)] as BSONDocument).withBSONPointer { o in
                        mongoc_bulk_operation_replace_one_with_opts(bulk, f, r, o, &error)
                    }
                }
            }
        case .updateOne(let filter, let update, let upsert):
            ok = try filter.withBSONPointer { f in
                try update.withBSONPointer { u in
                    try (["upsert": .bool(upsert)] as BSONDocument).withBSONPointer { o in
                        mongoc_bulk_operation_update_one_with_opts(bulk, f, u, o, &error)
                    }
                }
            }
        case .deleteOne(let filter):
            ok = try filter.withBSONPointer { mongoc_bulk_operation_remove_one_with_opts(bulk, $0, nil, &error) }
        }
        guard ok else { throw MongoError(error) }
    }
}
