internal import CLibMongoC

/// Reply out-parameter storage for libmongoc calls.
///
/// Ownership: `collect` allocates an initialised `bson_t` (`md_bson_alloc_initialized`), hands it
/// to the call, copies the reply out, then `bson_destroy` + `md_aligned_free` in `defer`. Because the
/// reply is initialised before the call, the destroy is safe even when libmongoc never touched it.
enum ReplyBuffer {
    /// Runs a libmongoc call that fills a reply and an error; returns the reply or throws the error with it.
    static func collect(
        _ call: (OpaquePointer, inout bson_error_t) -> Bool
    ) throws(MongoError) -> BSONDocument {
        guard let reply = md_bson_alloc_initialized() else { throw .bridge("out of memory") }
        defer {
            bson_destroy(reply)
            md_aligned_free(UnsafeMutableRawPointer(reply))
        }
        var error = bson_error_t()
        let ok = call(reply, &error)
        let document = try? BSONReader.document(from: reply)
        guard ok else {
            throw MongoError(error, reply: document.flatMap { $0.isEmpty ? nil : $0 })
        }
        return document ?? BSONDocument()
    }
}
