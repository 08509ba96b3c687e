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
    /// What the caller saw on the port (`nil`: not known). When MongoDB answers, problems with
    /// default paths are not reported and the port is never called taken; when something that is
    /// not MongoDB answers, the `port` check names it as the holder mongod cannot share the port with.
    public var portAnswer: PortAnswer?
    /// Directories searched for the `mongod` binary; `nil` uses `$PATH`.
    public var searchPath: [String]?

    /// Creates a setup.
    public init(
        configPath: String? = nil, dbPath: String? = nil, port: Int? = nil, logPath: String? = nil,
        serviceUser: String? = nil, platform: Platform? = nil, serverAnswers: Bool? = nil,
        searchPath: [String]? = nil, portAnswer: PortAnswer? = nil
    ) {
        self.configPath = configPath
        self.dbPath = dbPath
        self.port = port
        self.logPath = logPath
        self.serviceUser = serviceUser
        self.platform = platform
        self.portAnswer = portAnswer ?? serverAnswers.map { $0 ? .mongodb : .nothing }
        self.searchPath = searchPath
    }

    /// Shorthand for `portAnswer`: whether the server answers (`true`), does not (`false`), or
    /// nobody knows (`nil`). Setting `false` means nothing answers.
    public var serverAnswers: Bool? {
        get { portAnswer?.serverAnswers }
        set { portAnswer = newValue.map { $0 ? .mongodb : .nothing } }
    }
}
