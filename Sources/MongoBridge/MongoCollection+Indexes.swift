internal import CLibMongoC

/// Index operations.
extension MongoCollection {
    /// Creates indexes; each model is `{key: {...}, name: ..., unique: ..., expireAfterSeconds: ...}`.
    @discardableResult
    public func createIndexes(_ models: [BSONDocument]) throws -> BSONDocument {
        try database.runCommand([
            "createIndexes": .string(name),
            "indexes": .array(models.map { .document($0) }),
        ])
    }

    /// The collection's indexes as `listIndexes` describes them.
    public func listIndexes() throws -> [BSONDocument] {
        try withHandle { coll in
            try Cursor.drain(mongoc_collection_find_indexes_with_opts(coll, nil))
        }
    }

    /// Drops the index called `indexName`.
    public func dropIndex(_ indexName: String) throws {
        try withHandle { coll in
            var error = bson_error_t()
            guard mongoc_collection_drop_index_with_opts(coll, indexName, nil, &error) else {
                throw MongoError(error)
            }
        }
    }
}
