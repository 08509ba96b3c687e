internal import CLibMongoC

/// Reply out-parameter storage for libmongoc calls.
///
/// Ownership: `collect` initialises a `bson_t` in aligned stack memory (`bson_init`, as C callers
/// declare `bson_t reply;`), hands it to the call, copies the reply out, then `bson_destroy` in
/// `defer`. Because the reply is initialised before the call, the destroy is safe even when
/// libmongoc never touched it.
enum ReplyBuffer {
    /// Runs a libmongoc call that fills a reply and an error; returns the reply or throws the error with it.
    static func collect(
        _ call: (OpaquePointer, inout bson_error_t) -> Bool
    ) throws(MongoError) -> BSONDocument {
        try collect(call) { reply in (try? BSONReader.document(from: reply)) ?? BSONDocument() }
    }

    /// Runs a libmongoc call that fills a reply and an error; on success returns what `read` takes
    /// from the reply (while it is still alive), on failure throws the error with the whole reply.
    static func collect<T>(
        _ call: (OpaquePointer, inout bson_error_t) -> Bool, read: (OpaquePointer) throws -> T
    ) throws(MongoError) -> T {
        let outcome: Result<T, MongoError> = LibBSONScratch.with { reply in
            bson_init(reply)
            defer { bson_destroy(reply) }
            var error = bson_error_t()
            guard call(reply, &error) else {
                let document = try? BSONReader.document(from: reply)
                return .failure(MongoError(error, reply: document.flatMap { $0.isEmpty ? nil : $0 }))
            }
            do {
                return .success(try read(reply))
            } catch {
                return .failure(error as? MongoError ?? .bridge("unreadable reply: \(error)"))
            }
        }
        return try outcome.get()
    }
}
