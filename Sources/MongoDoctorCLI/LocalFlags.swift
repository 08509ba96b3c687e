import ArgumentParser
import DoctorCore
import LocalMongod

/// Where a local mongod's setup is, when the user points at it.
struct LocalFlags: ParsableArguments {
    @Option(name: .long, help: "mongod's configuration file (default: the platform's usual places).")
    var config: String?

    @Option(name: .long, help: "mongod's data directory (default: from the config, else /data/db or \\\\data\\\\db).")
    var dbpath: String?

    @Option(name: .long, help: "mongod's port (default: from the config, else 27017).")
    var port: Int?

    @Option(name: .long, help: "mongod's log file to explain (default: systemLog.path from the config).")
    var log: String?

    @Option(name: .long, help: "The user mongod runs as (default: the config's or the platform's service user, else you).")
    var serviceUser: String?

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be 1 to 65535, got \(port)") }
    }

    /// Whether any local flag was given (local checks then always run).
    var isAnyGiven: Bool { config != nil || dbpath != nil || port != nil || log != nil || serviceUser != nil }

    /// The setup for the local checks.
    func setup(platform: Platform?, serverAnswers: Bool?) -> LocalSetup {
        LocalSetup(configPath: config, dbPath: dbpath, port: port, logPath: log, serviceUser: serviceUser,
                   platform: platform, serverAnswers: serverAnswers)
    }
}

/// `--fix` and `--yes`.
struct FixFlags: ParsableArguments {
    @Flag(name: .long, help: "Apply the automatic fixes (after asking; see --yes), then check again.")
    var fix = false

    @Flag(name: [.short, .long], help: "With --fix: do not ask. Without a terminal, --fix applies nothing unless --yes is given.")
    var yes = false
}
