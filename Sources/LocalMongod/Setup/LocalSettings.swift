public import DoctorCore

/// What happened to the configuration file.
public enum ConfigState: Sendable, Equatable {
    /// No file was named and none was found in the usual places.
    case absent
    /// Read and parsed.
    case parsed
    /// It could not be read (the reason).
    case unreadable(String)
    /// It is not valid YAML.
    ///
    /// `indirect` (the problem in a box of its own): inline, this multi-payload enum kept its case tag in
    /// the spare high bits of the problem's `hints` array pointer, which LeakSanitizer then cannot see as
    /// a pointer, so a child `mongo-doctor` under ASan reported that array as leaked in about one run in
    /// eight under load. Boxed, every pointer is stored plainly.
    indirect case invalid(YAMLProblem)
}

/// The effective settings of the local mongod, with provenance; published as a fact by
/// `config.parse` (`context.fact(LocalSettings.self)`).
public struct LocalSettings: Sendable {
    /// The platform whose defaults, paths and commands apply.
    public var platform: Platform
    /// The configuration file, when one was named or found.
    public var configPath: Setting<String>?
    /// Where the file was looked for when none was named.
    public var configSearched: [String]
    /// Whether it was read and parsed.
    public var configState: ConfigState
    /// The parsed options (empty unless `configState == .parsed`).
    public var config: MongodConfig
    /// `storage.dbPath`.
    public var dbPath: Setting<String>
    /// `net.port`.
    public var port: Setting<Int>
    /// `systemLog.path`, when logging goes to a file.
    public var logPath: Setting<String>?
    /// `net.bindIp` entries.
    public var bindIp: Setting<[String]>
    /// `net.bindIpAll`.
    public var bindIpAll: Bool
    /// `security.keyFile`.
    public var keyFile: Setting<String>?
    /// Whether access control is on (`security.authorization: enabled`, or a key file).
    public var accessControl: Bool
    /// `net.unixDomainSocket.enabled` (default `true`, never on Windows).
    public var unixSocketEnabled: Bool
    /// `net.unixDomainSocket.pathPrefix` (default `/tmp`).
    public var unixSocketPrefix: Setting<String>
    /// The account mongod runs as.
    public var serviceUser: Setting<String>
    /// What the caller saw on the port (`nil`: not known).
    public var portAnswer: PortAnswer?

    /// Creates settings (the resolver makes them; front ends' tests script them). Options a
    /// configuration file would set default to mongod's own defaults.
    public init(
        platform: Platform, configPath: Setting<String>?, configSearched: [String] = [], configState: ConfigState,
        config: MongodConfig = MongodConfig(), dbPath: Setting<String>, port: Setting<Int>, logPath: Setting<String>?,
        bindIp: Setting<[String]> = Setting(["localhost"], .default), bindIpAll: Bool = false, keyFile: Setting<String>? = nil,
        accessControl: Bool = false, unixSocketEnabled: Bool = true, unixSocketPrefix: Setting<String> = Setting("/tmp", .default),
        serviceUser: Setting<String>, portAnswer: PortAnswer? = nil
    ) {
        self.platform = platform
        self.configPath = configPath
        self.configSearched = configSearched
        self.configState = configState
        self.config = config
        self.dbPath = dbPath
        self.port = port
        self.logPath = logPath
        self.bindIp = bindIp
        self.bindIpAll = bindIpAll
        self.keyFile = keyFile
        self.accessControl = accessControl
        self.unixSocketEnabled = unixSocketEnabled
        self.unixSocketPrefix = unixSocketPrefix
        self.serviceUser = serviceUser
        self.portAnswer = portAnswer
    }

    /// The caller's knowledge of whether the server answers (`nil`: not known).
    public var serverAnswers: Bool? { portAnswer?.serverAnswers }

    /// Whether a config file exists but could not be used, so configured values are unknown.
    public var configUnusable: Bool {
        switch configState {
        case .unreadable, .invalid: true
        case .absent, .parsed: false
        }
    }

    /// The Unix domain socket path mongod uses: `<prefix>/mongodb-<port>.sock`.
    public var unixSocketPath: String { PathText.join(unixSocketPrefix.value, "mongodb-\(port.value).sock") }

    /// The severity to report for a problem with `setting`, after the provenance rule; `nil` = don't report.
    func severity<V>(_ base: Severity, for setting: Setting<V>) -> Severity? {
        SeverityPolicy.severity(base, for: setting.provenance, serverAnswers: serverAnswers)
    }
}
