public import Provisioning
public import DoctorCore
public import DoctorRun
public import LocalMongod
public import MongodDiagnosis

/// What `mongo-doctor setup` is asked to do.
public struct SetupRequest: Sendable {
    /// The server to set up: `--uri`, else `MONGODB_URI`, else `mongodb://127.0.0.1:<port>`.
    public var target: TargetResolver.Target
    /// What the user said about the local mongod (`--config`, `--dbpath`, `--port`).
    public var local: LocalSetup
    /// The auth database (`--db`, else the URI's path, else `auth`).
    public var database: String
    /// The auth collections' names.
    public var names: AuthCollectionNames
    /// `--create-app-user NAME` with its password.
    public var appUser: SetupAppUser?
    /// The env file to hand the connection string over in; `nil` prints it (redacted) only.
    public var envFile: String?
    /// How long to wait for a started mongod to answer (`--wait`).
    public var wait: Duration
    /// `--yes`: no question; an env file's different MONGODB_URI is replaced.
    public var assumeYes: Bool
    /// Plan only, change nothing.
    public var dryRun: Bool
    /// Whether a person can be asked (a terminal): without one and without `--yes`, a run that
    /// would change something is a dry run and says so.
    public var interactive: Bool
    /// The platform whose paths and commands apply (another platform than this one: plan only).
    public var platform: Platform
    /// The per-stage network timeout.
    public var timeout: Duration
    /// The failure catalog.
    public var catalog: DiagnosticCatalog
    /// The tool's version, for provision's ledger.
    public var toolVersion: String

    /// Creates a request.
    public init(
        target: TargetResolver.Target, local: LocalSetup = LocalSetup(), database: String = "auth",
        names: AuthCollectionNames = AuthCollectionNames(), appUser: SetupAppUser? = nil, envFile: String? = nil,
        wait: Duration = .seconds(30), assumeYes: Bool = false, dryRun: Bool = false, interactive: Bool = false,
        platform: Platform = .current, timeout: Duration = .seconds(3), catalog: DiagnosticCatalog, toolVersion: String
    ) {
        self.target = target
        self.local = local
        self.database = database
        self.names = names
        self.appUser = appUser
        self.envFile = envFile
        self.wait = wait
        self.assumeYes = assumeYes
        self.dryRun = dryRun
        self.interactive = interactive
        self.platform = platform
        self.timeout = timeout
        self.catalog = catalog
        self.toolVersion = toolVersion
    }

    /// Whether anything on this machine may be changed: only for this machine's platform.
    public var platformIsHere: Bool { platform == Platform.current }
}

/// The app user `--create-app-user` asks for. The password is never part of a description, a
/// step, an error or the output; only the env file receives it, inside the connection string.
public struct SetupAppUser: Sendable, CustomStringConvertible, CustomReflectable {
    /// The user's name.
    public var name: String
    /// The password.
    let password: String

    /// Creates the app user.
    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    /// The name only.
    public var description: String { "app user \(name)" }
    /// Hides the password from `dump` and `Mirror`.
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
