internal import CLibMongoC

/// A database on a `MongoClient`. Cheap value; holds no C object of its own.
///
/// Ownership: `mongoc_database_t` handles live only inside `withHandle` and are destroyed there.
public struct MongoDatabase: Sendable {
    /// The client the database belongs to.
    public let client: MongoClient
    /// The database name.
    public let name: String

    func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        try client.withHandle { c in
            guard let db = mongoc_client_get_database(c, name) else { throw MongoError.bridge("no database handle") }
            defer { mongoc_database_destroy(db) }
            return try body(db)
        }
    }

    /// A collection in this database.
    public func collection(_ name: String) -> MongoCollection {
        MongoCollection(database: self, name: name)
    }

    /// Runs a command against this database.
    public func runCommand(_ command: BSONDocument) throws -> BSONDocument {
        try client.runCommand(command, database: name)
    }

    /// Creates a collection, with options such as `validator`, `validationLevel`, `validationAction`.
    ///
    /// - Throws: `MongoError`; the server's `NamespaceExists` (48) when it already exists.
    public func createCollection(_ name: String, options: BSONDocument = [:]) throws {
        var command: BSONDocument = ["create": .string(name)]
        for (key, value) in zip(options.keys, options.values) { command[key] = value }
        _ = try runCommand(command)
    }

    /// Changes a collection's options (e.g. its validator) with `collMod`.
    public func collMod(_ name: String, options: BSONDocument) throws {
        var command: BSONDocument = ["collMod": .string(name)]
        for (key, value) in zip(options.keys, options.values) { command[key] = value }
        _ = try runCommand(command)
    }

    /// The collections in this database, as `listCollections` describes them.
    public func listCollections(filter: BSONDocument = [:]) throws -> [BSONDocument] {
        try withHandle { db in
            try (["filter": .document(filter)] as BSONDocument).withBSONPointer { opts in
                try Cursor.drain(mongoc_database_find_collections_with_opts(db, opts))
            }
        }
    }

    /// The names of the collections in this database.
    public func collectionNames() throws -> [String] {
        try listCollections().compactMap { $0["name"]?.stringValue }
    }

    /// Drops the whole database.
    public func drop() throws {
        _ = try runCommand(["dropDatabase": 1])
    }
}
