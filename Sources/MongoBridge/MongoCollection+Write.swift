internal import CLibMongoC

/// Updates and deletes.
extension MongoCollection {
    /// The outcome of an update.
    public struct UpdateResult: Sendable, Equatable {
        /// Documents matched by the filter.
        public var matchedCount: Int
        /// Documents actually changed.
        public var modifiedCount: Int
        /// The `_id` of an upserted document, when the update inserted one.
        public var upsertedId: BSONValue?
    }

    /// Updates the first (or every, with `many`) document matching `filter`; `upsert` inserts when none match.
    @discardableResult
    public func update(
        _ filter: BSONDocument, with update: BSONDocument, upsert: Bool = false, many: Bool = false
    ) throws -> UpdateResult {
        let opts: BSONDocument = ["upsert": .bool(upsert)]
        let reply = try withHandle { coll in
            try filter.withBSONPointer { f in
                try update.withBSONPointer { u in
                    try opts.withBSONPointer { o in
                        try ReplyBuffer.collect { reply, error in
                            many
                                ? mongoc_collection_update_many(coll, f, u, o, reply, &error)
                                : mongoc_collection_update_one(coll, f, u, o, reply, &error)
                        }
                    }
                }
            }
        }
        return UpdateResult(
            matchedCount: reply["matchedCount"]?.intValue ?? 0,
            modifiedCount: reply["modifiedCount"]?.intValue ?? 0,
            upsertedId: reply["upsertedId"]
        )
    }

    /// Deletes the first (or every, with `many`) document matching `filter`; returns how many went.
    @discardableResult
    public func delete(_ filter: BSONDocument, many: Bool = false) throws -> Int {
        let reply = try withHandle { coll in
            try filter.withBSONPointer { f in
                try ReplyBuffer.collect { reply, error in
                    many
                        ? mongoc_collection_delete_many(coll, f, nil, reply, &error)
                        : mongoc_collection_delete_one(coll, f, nil, reply, &error)
                }
            }
        }
        return reply["deletedCount"]?.intValue ?? 0
    }

    /// Drops the collection.
    public func drop() throws {
        _ = try database.runCommand(["drop": .string(name)])
    }
}
