internal import CLibMongoC

/// Builds libbson documents from Swift values. Internal to the bridge.
///
/// Ownership: `withBSONPointer` creates the `bson_t` with `bson_new()` and destroys it
/// when the closure returns; the pointer must not escape the closure.
extension BSONDocument {
    /// Runs `body` with a temporary libbson copy of this document.
    func withBSONPointer<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        let doc = try BSONWriter.make(self)
        defer { bson_destroy(doc) }  // bson_new() storage: bson_destroy frees it.
        return try body(doc)
    }
}

/// Runs `body` with a libbson copy of `document`, or with `nil` when there is no document.
func withOptionalBSONPointer<T>(_ document: BSONDocument?, _ body: (OpaquePointer?) throws -> T) throws -> T {
    guard let document else { return try body(nil) }
    return try document.withBSONPointer { try body($0) }
}

enum BSONWriter {
    /// A new heap `bson_t` holding `document`; the caller owns it and must `bson_destroy` it.
    static func make(_ document: BSONDocument) throws -> OpaquePointer {
        guard let doc = bson_new() else { throw MongoError.bridge("bson_new failed") }
        do {
            for (key, value) in zip(document.keys, document.values) {
                try append(value, key: key, to: doc)
            }
        } catch {
            bson_destroy(doc)
            throw error
        }
        return doc
    }

    /// A new heap `bson_t` holding an array's elements under keys "0", "1", …
    static func makeArray(_ values: [BSONValue]) throws -> OpaquePointer {
        let keys = values.indices.map(String.init)
        return try make(BSONDocument(Array(zip(keys, values))))
    }

    private static func append(_ value: BSONValue, key: String, to doc: OpaquePointer) throws {
        guard !key.utf8.contains(0) else { throw MongoError.bridge("BSON keys cannot contain NUL: \(key)") }
        let len = Int32(key.utf8.count)
        let ok: Bool
        switch value {
        case .double(let v): ok = bson_append_double(doc, key, len, v)
        case .string(let s):
            ok = s.utf8CString.withUnsafeBufferPointer { buf in
                bson_append_utf8(doc, key, len, buf.baseAddress, Int32(buf.count - 1))
            }
        case .document(let child):
            let c = try make(child)
            defer { bson_destroy(c) }
            ok = bson_append_document(doc, key, len, c)
        case .array(let items):
            let c = try makeArray(items)
            defer { bson_destroy(c) }
            ok = bson_append_array(doc, key, len, c)
        case .binary(let bin):
            ok = bin.bytes.withUnsafeBufferPointer { buf in
                bson_append_binary(doc, key, len, bson_subtype_t(UInt32(bin.subtype)), buf.baseAddress, UInt32(buf.count))
            }
        case .objectId(let oid):
            var c = oid.cValue
            ok = bson_append_oid(doc, key, len, &c)
        case .bool(let b): ok = bson_append_bool(doc, key, len, b)
        case .date(let d): ok = bson_append_date_time(doc, key, len, d.millisecondsSinceEpoch)
        case .null: ok = bson_append_null(doc, key, len)
        case .regex(let pattern, let options): ok = bson_append_regex(doc, key, len, pattern, options)
        case .int32(let v): ok = bson_append_int32(doc, key, len, v)
        case .timestamp(let t): ok = bson_append_timestamp(doc, key, len, t.seconds, t.increment)
        case .int64(let v): ok = bson_append_int64(doc, key, len, v)
        case .decimal128(let d):
            var c = bson_decimal128_t(low: d.low, high: d.high)
            ok = bson_append_decimal128(doc, key, len, &c)
        case .minKey: ok = bson_append_minkey(doc, key, len)
        case .maxKey: ok = bson_append_maxkey(doc, key, len)
        }
        guard ok else { throw MongoError.bridge("document too large while appending \(key)") }
    }
}
