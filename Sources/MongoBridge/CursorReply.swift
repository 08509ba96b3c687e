internal import CLibMongoC

/// What a caller reads from a command's cursor reply (`{cursor: {firstBatch: [...], id, ns}, ok}`):
/// the first batch and the cursor id. Internal to the bridge.
///
/// Read in place from the libbson reply: only the batch's documents become Swift values, not the
/// reply and cursor around them (two documents, four arrays and the namespace string a validation
/// would otherwise copy and free). The reply stays owned by the caller and is only read.
struct CursorReply {
    /// The documents of `cursor.firstBatch`, in order.
    var firstBatch: [BSONDocument]
    /// `cursor.id`: 0 when the server keeps no cursor open.
    var cursorID: Int64

    /// Reads `cursor.firstBatch` and `cursor.id` of `reply`.
    ///
    /// - Throws: `MongoError` (`.bridge`) when the reply has no `cursor` document, the cursor no
    ///   `firstBatch` array, or the batch holds something that is not a document.
    static func read(_ reply: OpaquePointer) throws -> CursorReply {
        try LibBSONScratch.with { top in
            guard bson_iter_init_find(top, reply, "cursor"), bson_iter_type(top) == BSON_TYPE_DOCUMENT else {
                throw MongoError.bridge("the aggregate reply has no cursor.firstBatch")
            }
            return try LibBSONScratch.with { cursor in
                guard bson_iter_recurse(top, cursor) else { throw MongoError.bridge("corrupt cursor document") }
                var batch: [BSONDocument]?
                var id: Int64 = 0
                while bson_iter_next(cursor) {
                    switch (String(cString: bson_iter_key(cursor)), bson_iter_type(cursor)) {
                    case ("firstBatch", BSON_TYPE_ARRAY): batch = try documents(in: cursor)
                    case ("id", BSON_TYPE_INT64), ("id", BSON_TYPE_INT32): id = bson_iter_as_int64(cursor)
                    default: continue
                    }
                }
                guard let batch else { throw MongoError.bridge("the aggregate reply has no cursor.firstBatch") }
                return CursorReply(firstBatch: batch, cursorID: id)
            }
        }
    }

    /// The elements of the array `iter` points at, each of which must be a document.
    private static func documents(in iter: OpaquePointer) throws -> [BSONDocument] {
        try LibBSONScratch.with { element in
            guard bson_iter_recurse(iter, element) else { throw MongoError.bridge("corrupt firstBatch array") }
            var documents: [BSONDocument] = []
            while bson_iter_next(element) {
                guard bson_iter_type(element) == BSON_TYPE_DOCUMENT else {
                    throw MongoError.bridge("the aggregate's firstBatch holds a non-document")
                }
                documents.append(try BSONReader.readChild(element))
            }
            return documents
        }
    }
}
