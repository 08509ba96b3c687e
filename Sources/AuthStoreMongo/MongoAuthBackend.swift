import Foundation
public import AuthStore
public import MongoBridge

/// AuthStore's MongoDB backend: Lucia v3's collections exactly as `@lucia-auth/adapter-mongodb` 1.x
/// reads and writes them (string `_id`s, `sessions.user_id` a string like `users._id`, `expires_at`
/// a BSON Date, `secret_hash` BinData for `split`), every call through one `ClientPool`.
///
/// A validation is one aggregate on sessions (`$match` on `_id`, `$lookup` of the user), as Lucia's
/// `getSessionAndUser` does; AuthStore's `SessionPolicy` then deletes, extends or accepts.
/// Usernames are unique case-insensitively through a unique index with the collation
/// `{locale: "en", strength: 2}` (`ensureIndexes()`, run by `prepare`); lookups by username use the
/// same collation. Users whose `_id` is not a string (an ObjectId) are refused with
/// `.unsupportedIDType`, never silently treated as missing.
public final class MongoAuthBackend: AuthStoreBackend {
    /// The clients every call goes through (connections are bounded by its `maxSize`).
    public let pool: ClientPool
    /// Database and collection names.
    public let configuration: MongoAuthConfiguration

    /// The collation of the unique username index and of lookups by username.
    public static let usernameCollation: BSONDocument = ["locale": "en", "strength": 2]
    /// The name of the unique username index (MongoDB's default name for `{username: 1}`).
    public static let usernameIndexName = "username_1"

    /// A backend on `pool` with `configuration`'s names; it opens no connection until used.
    public init(pool: ClientPool, configuration: MongoAuthConfiguration = MongoAuthConfiguration()) {
        self.pool = pool
        self.configuration = configuration
    }

    /// The pool's threads, where every libmongoc call runs: tasks that prefer them make their calls
    /// without a hand-off.
    public var preferredExecutor: (any TaskExecutor)? { pool.threads }

    /// The collections one call works with.
    struct Collections {
        let users: MongoCollection
        let sessions: MongoCollection
        let database: MongoDatabase
    }

    /// Runs `body` with a pooled client's collections on the pool's threads; failures become
    /// `AuthStoreError`s naming `action`.
    nonisolated(nonsending) func run<T: Sendable>(_ action: String, _ body: @escaping @Sendable (Collections) throws -> T) async throws(AuthStoreError) -> T {
        let names = configuration
        do {
            return try await pool.withClient { client in
                let database = client.database(names.database)
                return try body(Collections(users: database.collection(names.usersCollection), sessions: database.collection(names.sessionsCollection), database: database))
            }
        } catch {
            throw MongoAuthErrors.error(error, doing: action)
        }
    }

    // MARK: Indexes

    /// What `ensureIndexes()` did.
    public enum IndexOutcome: Sendable, Hashable {
        /// The unique case-insensitive username index was created.
        case created
        /// It was there already: nothing changed.
        case unchanged
    }

    /**
     Creates the unique username index `{username: 1}` with the collation `{locale: "en", strength: 2}`
     on the users collection when it is absent (the only index this backend creates; `provision`
     owns the others). Idempotent.

     - Returns: `.created` or `.unchanged`.
     - Throws: `.indexConflict` when an index on `{username: 1}` exists with other options (not
       unique, another collation): it is left alone; `.duplicateUsernames` when stored usernames
       collide case-insensitively; `.backend` for other failures.
     */
    @discardableResult
    public func ensureIndexes() async throws(AuthStoreError) -> IndexOutcome {
        let users = configuration.usersCollection
        return try await run("creating the username index") { (c) throws -> IndexOutcome in
            if let existing = try Self.listIndexes(c.users).first(where: Self.isUsernameKey) {
                guard Self.isCaseInsensitiveUnique(existing) else {
                    throw AuthStoreError(.indexConflict, "\(users) has an index on {username: 1} that is not unique with the collation {locale: \"en\", strength: 2}; it was left alone")
                }
                return .unchanged
            }
            do {
                try c.users.createIndexes([[
                    "key": ["username": 1], "name": .string(Self.usernameIndexName), "unique": true,
                    "collation": .document(Self.usernameCollation),
                ]])
            } catch let error as MongoError where MongoAuthErrors.isDuplicateKey(error) {
                throw AuthStoreError(.duplicateUsernames, "usernames in \(users) collide case-insensitively: the unique username index cannot be built until they differ", backendCode: Int32(MongoAuthErrors.duplicateKey))
            } catch let error as MongoError where [85, 86].contains(error.serverCode ?? Int(error.code)) {
                throw AuthStoreError(.indexConflict, "\(users) has an index named \(Self.usernameIndexName) with other options; it was left alone", backendCode: Int32(truncatingIfNeeded: error.code))
            }
            return .created
        }
    }

    /// The indexes of `collection`; none when it does not exist (mongod answers NamespaceNotFound, 26).
    static func listIndexes(_ collection: MongoCollection) throws -> [BSONDocument] {
        do { return try collection.listIndexes() } catch let error as MongoError where error.serverCode == 26 || error.code == 26 { return [] }
    }

    /// Whether an index document's key is exactly `{username: 1}` (in any numeric type).
    static func isUsernameKey(_ index: BSONDocument) -> Bool {
        guard let key = index["key"]?.documentValue else { return false }
        return key.keys == ["username"] && key["username"]?.intValue == 1
    }

    /// Whether an index document is unique with the collation `{locale: "en", strength: 2}`.
    static func isCaseInsensitiveUnique(_ index: BSONDocument) -> Bool {
        guard index["unique"]?.boolValue == true, let collation = index["collation"]?.documentValue else { return false }
        return collation["locale"]?.stringValue == "en" && collation["strength"]?.intValue == 2
    }

    // MARK: Token format

    /// The format `provision` recorded in its ledger; without one, what the stored sessions show.
    public func detectTokenFormat() async throws(AuthStoreError) -> SessionTokenFormat? {
        let users = configuration.usersCollection
        if let recorded = try await run("reading the provision ledger", { c in try Self.recordedSessionFormat(in: c.database, usersCollection: users) }) {
            return recorded
        }
        let (hasSecretHash, ids) = try await run("sampling sessions") { c in
            let split = try c.sessions.findOne(["secret_hash": ["$exists": true]], projection: ["_id": 1]) != nil
            let ids = try c.sessions.find([:], projection: ["_id": 1], limit: 20).compactMap { $0["_id"]?.stringValue }
            return (split, ids)
        }
        return SessionTokenFormat.detect(hasSecretHashColumn: hasSecretHash, sampleSessionIDs: ids)
    }

    /// The session format the last `provision` recorded in `database`'s ledger, or `nil` when none did.
    /// Blocking: call it inside `ClientPool.withClient`.
    public static func recordedSessionFormat(in database: MongoDatabase, usersCollection: String) throws -> SessionTokenFormat? {
        let ledger = database.collection(ProvisionLedger.collection(forUsers: usersCollection))
        let last = try ledger.find(
            [ProvisionLedger.sessionFormatKey: ["$type": "string"]], sort: [ProvisionLedger.appliedAtKey: -1], limit: 1).first
        return last?[ProvisionLedger.sessionFormatKey]?.stringValue.flatMap(SessionTokenFormat.init(rawValue:))
    }

    /// Ensures the username index (`ensureIndexes()`); `split` needs no change of a schemaless collection.
    public func prepare(for format: SessionTokenFormat) async throws(AuthStoreError) {
        try await ensureIndexes()
    }
}
