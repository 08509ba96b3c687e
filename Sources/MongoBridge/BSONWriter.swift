internal import CLibMongoC

/// Builds libbson documents from Swift values. Internal to the bridge.
///
/// Ownership: `withBSONPointer` puts the `bson_t` in aligned stack memory (`bson_init`, as C code
/// declares `bson_t doc;`) and destroys it when the closure returns, which frees the buffer it grew
/// on the heap, if any; the pointer must not escape the closure.
extension BSONDocument {
    /// Runs `body` with a temporary libbson copy of this document.
    func withBSONPointer<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        try LibBSONScratch.with { doc in
            bson_init(doc)
            defer { bson_destroy(doc) }  // a stack bson_t (BSON_FLAG_STATIC): only a grown buffer is freed
            try BSONWriter.appendFields(of: self, to: doc)
            return try body(doc)
        }
    }
}

/// Runs `body` with a libbson copy of `document`, or with `nil` when there is no document.
func withOptionalBSONPointer<T>(_ document: BSONDocument?, _ body: (OpaquePointer?) throws -> T) throws -> T {
    guard let document else { return try body(nil) }
    return try document.withBSONPointer { try body($0) }
}

/// Writes Swift values into libbson documents.
///
/// Embedded documents and arrays are written in place into their parent
/// (`bson_append_document_begin`/`_end`), with the child `bson_t` in aligned stack memory; keys and
/// strings go to libbson from their own UTF-8 storage with their lengths. So a document costs one
/// `bson_new()` and whatever growth its buffer needs, however deep it nests.
enum BSONWriter {
    /// A new heap `bson_t` holding `document`; the caller owns it and must `bson_destroy` it.
    static func make(_ document: BSONDocument) throws -> OpaquePointer {
        guard let doc = bson_new() else { throw MongoError.bridge("bson_new failed") }
        do {
            try appendFields(of: document, to: doc)
        } catch {
            bson_destroy(doc)
            throw error
        }
        return doc
    }

    /// A new heap `bson_t` holding an array's elements under keys "0", "1", …
    static func makeArray(_ values: [BSONValue]) throws -> OpaquePointer {
        guard let doc = bson_new() else { throw MongoError.bridge("bson_new failed") }
        do {
            try appendElements(values, to: doc)
        } catch {
            bson_destroy(doc)
            throw error
        }
        return doc
    }

    static func appendFields(of document: BSONDocument, to doc: OpaquePointer) throws {
        for (key, value) in zip(document.keys, document.values) {
            guard !key.utf8.contains(0) else { throw MongoError.bridge("BSON keys cannot contain NUL: \(key)") }
            var key = key
            try key.withUTF8 { utf8 in
                try utf8.withMemoryRebound(to: CChar.self) { name in
                    try append(value, key: name.baseAddress ?? Self.emptyKey, length: Int32(name.count), to: doc)
                }
            }
        }
    }

    private static func appendElements(_ values: [BSONValue], to doc: OpaquePointer) throws {
        try withUnsafeTemporaryAllocation(of: CChar.self, capacity: 16) { buffer in
            for (index, value) in values.enumerated() {
                // libbson's own decimal keys ("0" … "999" from a static table, then formatted).
                var key: UnsafePointer<CChar>?
                let length = bson_uint32_to_string(UInt32(index), &key, buffer.baseAddress, 16)
                try append(value, key: key ?? Self.emptyKey, length: Int32(length), to: doc)
            }
        }
    }

    /// A NUL-terminated empty key, for the empty string (whose UTF-8 may have no address).
    private static var emptyKey: UnsafePointer<CChar> {
        UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Runs `body` with an uninitialised `bson_t` in aligned stack memory (for a child written in place).
    private static func withChild(_ body: (OpaquePointer) throws -> Bool) throws -> Bool {
        try LibBSONScratch.with(body)
    }

    private static func append(_ value: BSONValue, key: UnsafePointer<CChar>, length len: Int32, to doc: OpaquePointer) throws {
        let ok: Bool
        switch value {
        case .double(let v): ok = bson_append_double(doc, key, len, v)
        case .string(let s):
            var s = s
            ok = s.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { bson_append_utf8(doc, key, len, $0.baseAddress ?? Self.emptyKey, Int32($0.count)) }
            }
        case .document(let child):
            ok = try withChild { c in
                guard bson_append_document_begin(doc, key, len, c) else { return false }
                do { try appendFields(of: child, to: c) } catch {
                    _ = bson_append_document_end(doc, c)
                    throw error
                }
                return bson_append_document_end(doc, c)
            }
        case .array(let items):
            ok = try withChild { c in
                guard bson_append_array_begin(doc, key, len, c) else { return false }
                do { try appendElements(items, to: c) } catch {
                    _ = bson_append_array_end(doc, c)
                    throw error
                }
                return bson_append_array_end(doc, c)
            }
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
        guard ok else {
            let name = String(decoding: UnsafeRawBufferPointer(start: key, count: Int(len)), as: UTF8.self)
            throw MongoError.bridge("document too large while appending \(name)")
        }
    }
}
