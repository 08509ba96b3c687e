public import DoctorRun

/// Which auth store the demo serves from: a SQLite file (the default, no server needed) or a
/// MongoDB database shared with a Lucia app.
public enum StoreChoice: Sendable, Equatable {
    /// The SQLite file at a path.
    case sqlite(path: String)
    /// MongoDB: the resolved target, the database (`nil`: the URI's path, else `auth`), the collections.
    case mongo(TargetResolver.Target, database: String?, users: String, sessions: String)

    /// The default store: `auth.db` in the working directory.
    public static let defaultSQLitePath = "auth.db"

    /// What a bad `--store` value is.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        /// One line naming the value and what is wrong.
        public let description: String
    }

    /**
     The store the flags and the environment name.

     Order: `--store sqlite:PATH` or `--store mongodb://…`; `--uri`; `MONGODB_URI`; a `MONGODB_URI=`
     line in `./.env` (read by `TargetResolver` exactly as `mongo-doctor` reads them); else `sqlite:auth.db`.

     - Throws: `Invalid` for `--store` together with `--uri`, an empty path, or another scheme.
     */
    public static func resolve(
        store: String?, uri: String?, database: String?, users: String = "users", sessions: String = "sessions",
        resolver: TargetResolver
    ) throws(Invalid) -> StoreChoice {
        if let store {
            guard uri == nil else { throw Invalid(description: "--store and --uri both name a store: give one") }
            if store.hasPrefix("sqlite:") {
                let path = String(store.dropFirst("sqlite:".count))
                guard !path.isEmpty else { throw Invalid(description: "--store sqlite:PATH needs a path, got '\(store)'") }
                guard database == nil else { throw Invalid(description: "--db names a MongoDB database; --store \(store) is a SQLite file") }
                return .sqlite(path: path)
            }
            guard store.hasPrefix("mongodb://") || store.hasPrefix("mongodb+srv://") else {
                throw Invalid(description: "--store must be sqlite:PATH or a mongodb:// connection string, got '\(Self.schemeOnly(store))'")
            }
            return .mongo(TargetResolver.Target(uri: store, source: "--store"), database: database, users: users, sessions: sessions)
        }
        let target = resolver.resolve(flag: uri)
        if target.source == TargetResolver.defaultSource {
            guard database == nil else { throw Invalid(description: "--db needs a MongoDB store: --uri, MONGODB_URI or MONGODB_URI in ./.env") }
            return .sqlite(path: defaultSQLitePath)
        }
        return .mongo(target, database: database, users: users, sessions: sessions)
    }

    /// The part of a value before `:`, so an error never repeats a whole (possibly secret) string.
    static func schemeOnly(_ value: String) -> String {
        value.firstIndex(of: ":").map { String(value[..<$0]) + ":…" } ?? value
    }
}
