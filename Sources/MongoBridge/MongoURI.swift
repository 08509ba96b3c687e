internal import CLibMongoC

/// libmongoc's parsed view of a connection string (`mongoc_uri_t`), owned by this class.
///
/// Used as the driver's second opinion next to our own parser, and to build clients.
/// Ownership: created with `mongoc_uri_new_with_error`, destroyed in `deinit`.
public final class MongoURI: @unchecked Sendable {
    private let handle: OpaquePointer  // mongoc_uri_t; immutable after init, so sharing is safe

    /// Parses `string` with libmongoc.
    ///
    /// - Throws: `MongoError` (domain 11, code 22) with libmongoc's message, which may quote
    ///   the password: scrub it before display.
    public init(_ string: String) throws(MongoError) {
        MongoRuntime.ensureInitialized()
        var error = bson_error_t()
        guard let uri = mongoc_uri_new_with_error(string, &error) else { throw MongoError(error) }
        handle = uri
    }

    private init(owning handle: OpaquePointer) { self.handle = handle }

    deinit { mongoc_uri_destroy(handle) }

    func withHandle<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T { try body(handle) }

    /// A copy with integer options set (e.g. `serverSelectionTimeoutMS`, `connectTimeoutMS`).
    public func with(intOptions: [String: Int32], boolOptions: [String: Bool] = [:]) -> MongoURI {
        guard let copy = mongoc_uri_copy(handle) else { return self }
        for (name, value) in intOptions { _ = mongoc_uri_set_option_as_int32(copy, name, value) }
        for (name, value) in boolOptions { _ = mongoc_uri_set_option_as_bool(copy, name, value) }
        return MongoURI(owning: copy)
    }

    /// An integer option as libmongoc reads it (`heartbeatFrequencyMS`, …), or `fallback` when the URI does not set it.
    public func intOption(_ name: String, default fallback: Int32) -> Int32 {
        mongoc_uri_get_option_as_int32(handle, name, fallback)
    }

    /// The hosts libmongoc parsed, as "host:port" (empty for SRV before resolution).
    public var hosts: [String] {
        var result: [String] = []
        var node = mongoc_uri_get_hosts(handle)
        while let current = node {
            result.append(withUnsafeBytes(of: current.pointee.host_and_port) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            })
            node = UnsafePointer(current.pointee.next)
        }
        return result
    }

    /// The username, when the URI has one.
    public var username: String? { mongoc_uri_get_username(handle).map { String(cString: $0) } }

    /// The password, when the URI has one. Never print it.
    public var password: String? { mongoc_uri_get_password(handle).map { String(cString: $0) } }

    /// The effective authentication database (libmongoc: `authSource`, else the path database, else `admin`).
    public var authSource: String? { mongoc_uri_get_auth_source(handle).map { String(cString: $0) } }

    /// The database named in the URI path, when there is one.
    public var database: String? { mongoc_uri_get_database(handle).map { String(cString: $0) } }

    /// The replica set name, when the URI names one.
    public var replicaSet: String? { mongoc_uri_get_replica_set(handle).map { String(cString: $0) } }

    /// Whether the URI asks for TLS (explicitly, or implied by `mongodb+srv`).
    public var usesTLS: Bool { mongoc_uri_get_tls(handle) }
}
