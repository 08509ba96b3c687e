internal import CLibMongoC

/// Copies libbson documents into Swift values. Internal to the bridge.
///
/// Ownership: iterators live in aligned stack memory (`LibBSONScratch`) for the duration of one read (never on the
/// heap); the source `bson_t` stays owned by the caller and is only read.
enum BSONReader {
    /// A Swift copy of the libbson document at `doc`.
    static func document(from doc: OpaquePointer) throws -> BSONDocument {
        try withIterator { iter in
            guard bson_iter_init(iter, doc) else { throw MongoError.bridge("corrupt BSON document") }
            return try readFields(iter)
        }
    }

    /// Runs `body` with uninitialised `bson_iter_t` storage on the stack (128-byte aligned, as libbson declares it).
    private static func withIterator<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        try LibBSONScratch.with(body)
    }

    /// A Swift copy of a BSON document given as raw bytes.
    static func document(fromBytes data: UnsafePointer<UInt8>, length: Int) throws -> BSONDocument {
        guard let doc = bson_new_from_data(data, length) else { throw MongoError.bridge("corrupt BSON bytes") }
        defer { bson_destroy(doc) }
        return try document(from: doc)
    }

    private static func readFields(_ iter: OpaquePointer) throws -> BSONDocument {
        var result = BSONDocument()
        result.reserveCapacity(8)  // most documents read here are small: one allocation per array, not three or four
        while bson_iter_next(iter) {
            let key = String(cString: bson_iter_key(iter))
            result[key] = try readValue(iter)
        }
        return result
    }

    /// A Swift copy of the embedded document `iter` points at.
    static func readChild(_ iter: OpaquePointer) throws -> BSONDocument {
        try withIterator { child in
            guard bson_iter_recurse(iter, child) else { throw MongoError.bridge("corrupt embedded document") }
            return try readFields(child)
        }
    }

    /// An array's values in order (its keys "0", "1", … are not kept).
    private static func readElements(_ iter: OpaquePointer) throws -> [BSONValue] {
        try withIterator { child in
            guard bson_iter_recurse(iter, child) else { throw MongoError.bridge("corrupt embedded array") }
            var values: [BSONValue] = []
            while bson_iter_next(child) { values.append(try readValue(child)) }
            return values
        }
    }

    private static func readValue(_ iter: OpaquePointer) throws -> BSONValue {
        switch bson_iter_type(iter) {
        case BSON_TYPE_DOUBLE: return .double(bson_iter_double(iter))
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let ptr = bson_iter_utf8(iter, &length) else { return .string("") }
            let buffer = UnsafeRawBufferPointer(start: ptr, count: Int(length))
            return .string(String(decoding: buffer, as: UTF8.self))
        case BSON_TYPE_DOCUMENT: return .document(try readChild(iter))
        case BSON_TYPE_ARRAY: return .array(try readElements(iter))
        case BSON_TYPE_BINARY:
            var subtype = bson_subtype_t(0)
            var length: UInt32 = 0
            var data: UnsafePointer<UInt8>?
            bson_iter_binary(iter, &subtype, &length, &data)
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: Int(length))) } ?? []
            return .binary(BSONBinary(subtype: UInt8(truncatingIfNeeded: subtype.rawValue), bytes: bytes))
        case BSON_TYPE_OID:
            guard let oid = bson_iter_oid(iter) else { throw MongoError.bridge("corrupt ObjectId") }
            let bytes = withUnsafeBytes(of: oid.pointee.bytes) { Array($0) }
            return ObjectId(bytes: bytes).map { .objectId($0) } ?? .null
        case BSON_TYPE_BOOL: return .bool(bson_iter_bool(iter))
        case BSON_TYPE_DATE_TIME: return .date(BSONDate(millisecondsSinceEpoch: bson_iter_date_time(iter)))
        case BSON_TYPE_NULL, BSON_TYPE_UNDEFINED: return .null
        case BSON_TYPE_REGEX:
            var options: UnsafePointer<CChar>?
            let pattern = bson_iter_regex(iter, &options).map { String(cString: $0) } ?? ""
            return .regex(pattern: pattern, options: options.map { String(cString: $0) } ?? "")
        case BSON_TYPE_INT32: return .int32(bson_iter_int32(iter))
        case BSON_TYPE_TIMESTAMP:
            var seconds: UInt32 = 0
            var increment: UInt32 = 0
            bson_iter_timestamp(iter, &seconds, &increment)
            return .timestamp(BSONTimestamp(seconds: seconds, increment: increment))
        case BSON_TYPE_INT64: return .int64(bson_iter_int64(iter))
        case BSON_TYPE_DECIMAL128:
            var dec = bson_decimal128_t()
            guard bson_iter_decimal128(iter, &dec) else { throw MongoError.bridge("corrupt decimal128") }
            var text = [CChar](repeating: 0, count: 64)
            bson_decimal128_to_string(&dec, &text)
            let description = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .decimal128(BSONDecimal128(low: dec.low, high: dec.high, description: description))
        case BSON_TYPE_MINKEY: return .minKey
        case BSON_TYPE_MAXKEY: return .maxKey
        default:
            // JavaScript, symbols, DBPointer: not used by mongo-doctor; shown as their type number.
            return .string("<unsupported BSON type \(bson_iter_type(iter).rawValue)>")
        }
    }
}
