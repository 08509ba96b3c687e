public import AuthStore

/// What `provision` is asked to do against MongoDB.
public struct ProvisionRequest: Sendable {
    /// The database (from `--db`, the URI's path, or `auth`).
    public var database: String
    /// The layout to create.
    public var layout: ProvisionLayout
    /// The collection names.
    public var names: AuthCollectionNames
    /// The session format asked for (`nil`: detected from the data, `split` for a new database).
    public var sessionFormat: SessionTokenFormat?
    /// Plan only; write nothing (not even the ledger).
    public var dryRun: Bool
    /// Drop and recreate conflicting indexes, replace conflicting validators.
    public var replaceConflicting: Bool
    /// Shard `sessions` on `{_id: "hashed"}` when connected through a mongos.
    public var shardSessions: Bool
    /// The app user to create, when asked.
    public var appUser: AppUserRequest?
    /// The tool's version, for the ledger.
    public var toolVersion: String

    /// Creates a request.
    public init(
        database: String, layout: ProvisionLayout = .luciaV3, names: AuthCollectionNames = AuthCollectionNames(),
        sessionFormat: SessionTokenFormat? = nil, dryRun: Bool = false, replaceConflicting: Bool = false,
        shardSessions: Bool = false, appUser: AppUserRequest? = nil, toolVersion: String
    ) {
        self.database = database
        self.layout = layout
        self.names = names
        self.sessionFormat = sessionFormat
        self.dryRun = dryRun
        self.replaceConflicting = replaceConflicting
        self.shardSessions = shardSessions
        self.appUser = appUser
        self.toolVersion = toolVersion
    }
}

/// The app user `--create-app-user NAME` asks for. The password never appears in a description,
/// a dump, an error, a step or the ledger.
public struct AppUserRequest: Sendable, CustomStringConvertible, CustomReflectable {
    /// The user's name; the role is `<name>_auth`.
    public var name: String
    /// The password (from `--password-stdin` or `MONGO_DOCTOR_APP_PASSWORD`).
    let password: String

    /// Creates the request.
    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    /// The role the user gets: `<name>_auth`.
    public var roleName: String { name + "_auth" }

    /// The name only.
    public var description: String { "app user \(name)" }
    /// Hides the password from `dump` and `Mirror`.
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
