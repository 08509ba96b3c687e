public import MongoBridge

/// The one write a planned step makes. Holds no secret: the app user's password is passed
/// to the applier separately (`AppUserRequest`), so a step can be printed or logged.
public enum ProvisionAction: Sendable, Equatable {
    /// `create` the collection with these options (validator, validationLevel).
    case createCollection(name: String, options: BSONDocument)
    /// `collMod` the collection with these options (a validator on a collection that has none, or a replacement).
    case collMod(name: String, options: BSONDocument)
    /// `createIndexes` with one model, after dropping `dropFirst` (a conflicting index) when set.
    case createIndex(collection: String, model: BSONDocument, dropFirst: String?)
    /// `enableSharding` on the database, then `shardCollection` with this key (through a mongos).
    case shardCollection(namespace: String, key: BSONDocument)
    /// `createRole` in the database with these privileges and no inherited roles.
    case createRole(name: String, privileges: [BSONValue])
    /// `createUser` in the database with this role (the password comes from `AppUserRequest`).
    case createUser(name: String, role: String)
    /// Creates or completes the SQLite file through `SQLiteAuthBackend` (tables, indexes, `secret_hash`).
    case sqliteEnsure(path: String)
}
