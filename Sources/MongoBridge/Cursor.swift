internal import CLibMongoC

/// Drains libmongoc cursors into arrays of documents. Internal to the bridge.
///
/// Ownership: the cursor passed to `drain` is destroyed here, in `defer`.
enum Cursor {
    /// Reads every document from `cursor` (taking ownership of it), at most `limit` when given.
    static func drain(_ cursor: OpaquePointer?, limit: Int? = nil) throws -> [BSONDocument] {
        guard let cursor else { throw MongoError.bridge("libmongoc returned no cursor") }
        defer { mongoc_cursor_destroy(cursor) }
        var documents: [BSONDocument] = []
        var current: OpaquePointer?  // borrowed from the cursor; valid until the next call
        while mongoc_cursor_next(cursor, &current), let doc = current {
            documents.append(try BSONReader.document(from: doc))
            if let limit, documents.count >= limit { break }
        }
        var error = bson_error_t()
        var replyPointer: OpaquePointer?
        if mongoc_cursor_error_document(cursor, &error, &replyPointer) {
            let reply = try? replyPointer.map { try BSONReader.document(from: $0) }
            throw MongoError(error, reply: reply.flatMap { $0 }.flatMap { $0.isEmpty ? nil : $0 })
        }
        return documents
    }
}
