internal import CLibMongoC

extension BSONDocument {
    /// The document encoded as BSON bytes (what goes on the wire).
    public func bsonBytes() throws -> [UInt8] {
        try withBSONPointer { doc in
            guard let data = bson_get_data(doc) else { throw MongoError.bridge("no BSON data") }
            return Array(UnsafeBufferPointer(start: data, count: Int(md_bson_length(doc))))
        }
    }

    /// Decodes one BSON document from `bytes`.
    ///
    /// - Throws: `MongoError` (domain 0) when the bytes are not a valid BSON document.
    public init(bsonBytes bytes: [UInt8]) throws {
        guard bytes.count >= 5 else { throw MongoError.bridge("BSON document too short: \(bytes.count) bytes") }
        self = try bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { throw MongoError.bridge("empty BSON buffer") }
            return try BSONReader.document(fromBytes: base, length: buf.count)
        }
    }
}
