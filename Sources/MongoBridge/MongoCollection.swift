internal import CLibMongoC

/// A collection on a `MongoClient`: CRUD, aggregation and index operations.
///
/// Ownership: the `mongoc_collection_t` exists only inside `withHandle` and is destroyed there.
/// Every method blocks; call it from `MongoClient.perform` or `ClientPool.withClient` in async code.
public struct MongoCollection: Sendable {
    /// The database the collection lives in.
    public let database: MongoDatabase
    /// The collection name.
    public let name: String

    func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        try database.client.withHandle { c in
            guard let coll = mongoc_client_get_collection(c, database.name, name) else {
                throw MongoError.bridge("no collection handle")
            }
            defer { mongoc_collection_destroy(coll) }
            return try body(coll)
        }
    }

    /// Inserts one document and returns the server's reply (`insertedCount`).
    @discardableResult
    public func insertOne(_ document: BSONDocument) throws -> BSONDocument {
        try withHandle { coll in
            try document.withBSONPointer { doc in
                try ReplyBuffer.collect { reply, error in
                    mongoc_collection_insert_one(coll, doc, nil, reply, &error)
                }
            }
        }
    }

    /// Inserts many documents in one bulk write; `ordered: false` continues past failures.
    ///
    /// - Throws: `MongoError` whose reply carries `writeErrors` for the documents that failed.
    @discardableResult
    public func insertMany(_ documents: [BSONDocument], ordered: Bool = true) throws -> BSONDocument {
        guard !documents.isEmpty else { return ["insertedCount": 0] }
        let built = try documents.map { try BSONWriter.make($0) }
        defer { built.forEach { bson_destroy($0) } }  // each made with bson_new()
        var pointers: [OpaquePointer?] = built
        return try withHandle { coll in
            try (["ordered": .bool(ordered)] as BSONDocument).withBSONPointer { opts in
                try ReplyBuffer.collect { reply, error in
                    pointers.withUnsafeMutableBufferPointer { buf in
                        mongoc_collection_insert_many(coll, buf.baseAddress, buf.count, opts, reply, &error)
                    }
                }
            }
        }
    }

    /// Finds documents matching `filter`, with optional projection, sort and limit.
    public func find(
        _ filter: BSONDocument = [:], projection: BSONDocument? = nil, sort: BSONDocument? = nil, limit: Int? = nil
    ) throws -> [BSONDocument] {
        var opts = BSONDocument()
        if let projection { opts["projection"] = .document(projection) }
        if let sort { opts["sort"] = .document(sort) }
        if let limit { opts["limit"] = .int64(Int64(limit)) }
        return try withHandle { coll in
            try filter.withBSONPointer { f in
                try opts.withBSONPointer { o in
                    try Cursor.drain(mongoc_collection_find_with_opts(coll, f, o, nil), limit: limit)
                }
            }
        }
    }

    /// Finds the first document matching `filter`.
    public func findOne(_ filter: BSONDocument = [:], projection: BSONDocument? = nil) throws -> BSONDocument? {
        try find(filter, projection: projection, limit: 1).first
    }

    /// Runs an aggregation pipeline and returns every result document.
    public func aggregate(_ pipeline: [BSONDocument]) throws -> [BSONDocument] {
        let stages: BSONDocument = ["pipeline": .array(pipeline.map { .document($0) })]
        return try withHandle { coll in
            try stages.withBSONPointer { p in
                try Cursor.drain(mongoc_collection_aggregate(coll, MONGOC_QUERY_NONE, p, nil, nil))
            }
        }
    }

    /// Runs `pipeline` as one `aggregate` command and returns its first batch, without a libmongoc cursor.
    ///
    /// For pipelines that answer in one batch, such as a `$match` on `_id`: it saves the cursor object,
    /// its copies of the command and of the reply, and the collection handle (a validation's share of
    /// client CPU). When the server keeps a cursor open (more results than its first batch, 101
    /// documents by default), the cursor is killed and only the first batch is returned.
    ///
    /// - Throws: `MongoError` from the command, or `.bridge` when the reply has no `cursor.firstBatch`.
    public func aggregateFirstBatch(_ pipeline: [BSONDocument]) throws -> [BSONDocument] {
        let command: BSONDocument = ["aggregate": .string(name), "pipeline": .array(pipeline.map { .document($0) }), "cursor": [:]]
        let reply = try database.client.withHandle { c in
            try command.withBSONPointer { cmd in
                try ReplyBuffer.collect({ reply, error in
                    mongoc_client_read_command_with_opts(c, database.name, cmd, nil, nil, reply, &error)
                }, read: CursorReply.read)
            }
        }
        if reply.cursorID != 0 {
            _ = try? database.runCommand(["killCursors": .string(name), "cursors": [.int64(reply.cursorID)]])
        }
        return reply.firstBatch
    }

    /// Counts the documents matching `filter`.
    public func countDocuments(_ filter: BSONDocument = [:]) throws -> Int {
        try withHandle { coll in
            try filter.withBSONPointer { f in
                var error = bson_error_t()
                let count = mongoc_collection_count_documents(coll, f, nil, nil, nil, &error)
                guard count >= 0 else { throw MongoError(error) }
                return Int(count)
            }
        }
    }
}
