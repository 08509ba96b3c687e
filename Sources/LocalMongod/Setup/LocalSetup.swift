public import DoctorCore

/// What the user told `mongo-doctor` about the local mongod; every field is optional.
///
/// Effective settings are resolved as explicit fields > configuration file > defaults,
/// each with its `Provenance`.
public struct LocalSetup: Sendable, Equatable {
    /// `--config PATH`: the mongod configuration file. Without it the usual places are searched.
    public var configPath: String?
    /// `--dbpath`.
    public var dbPath: String?
    /// `--port`.
    public var port: Int?
    /// `--log PATH` (`systemLog.path`).
    public var logPath: String?
    /// `--service-user`: the account mongod runs as.
    public var serviceUser: String?
    /// `--platform`; `nil` uses the check context's platform.
    public var platform: Platform?
    /// Whether the caller knows the server answers (`true`), does not (`false`), or not (`nil`).
    /// When `true`, problems with default paths are not reported.
    public var serverAnswers: Bool?
    /// Directories searched for the `mongod` binary; `nil` uses `$PATH`.
    public var searchPath: [String]?

    /// Creates a setup.
    public init(
        configPath: String? = nil, dbPath: String? = nil, port: Int? = nil, logPath: String? = nil,
        serviceUser: String? = nil, platform: Platform? = nil, serverAnswers: Bool? = nil,
        searchPath: [String]? = nil
    ) {
        self.configPath = configPath
        self.dbPath = dbPath
        self.port = port
        self.logPath = logPath
        self.serviceUser = serviceUser
        self.platform = platform
        self.serverAnswers = serverAnswers
        self.searchPath = searchPath
    }
}
