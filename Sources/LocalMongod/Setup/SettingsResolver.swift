import DoctorCore
import Foundation

/// Resolves the effective settings: explicit fields > configuration file > defaults.
struct SettingsResolver {
    let probes: LocalProbes

    /// The configuration file is read at most this large; mongod.conf files are tiny.
    static let maxConfigBytes = 1 << 20

    func resolve(_ setup: LocalSetup, platform: Platform) -> LocalSettings {
        let locator = ConfigLocator(files: probes.files)
        let configPath: Setting<String>? =
            setup.configPath.map { Setting($0, .flag, origin: "--config") }
            ?? locator.locate(for: platform).map { Setting($0, .default, origin: "found in the usual place") }
        let (state, config) = load(configPath?.value)
        let file = configPath?.value ?? ""

        func configured(_ key: String) -> Setting<String>? {
            config.string(key).map { Setting($0, .config, origin: config.origin(key, file: file)) }
        }

        let dbPath = setup.dbPath.map { Setting($0, .flag, origin: "--dbpath") }
            ?? configured("storage.dbPath")
            ?? Setting(PlatformDefaults.dbPath(platform), .default)
        let port = setup.port.map { Setting($0, .flag, origin: "--port") }
            ?? config.int("net.port").flatMap { (1...65535).contains($0) ? $0 : nil }  // else config.invalid-value
                .map { Setting($0, .config, origin: config.origin("net.port", file: file)) }
            ?? Setting(27017, .default)
        let logsToFile = (config.string("systemLog.destination") ?? "file") == "file"
        let logPath = setup.logPath.map { Setting($0, .flag, origin: "--log") }
            ?? (logsToFile ? configured("systemLog.path") : nil)
        let bindIp = config.list("net.bindIp").map { Setting($0, .config, origin: config.origin("net.bindIp", file: file)) }
            ?? Setting(["localhost"], .default)
        let keyFile = configured("security.keyFile")
        let authorization = config.string("security.authorization")?.lowercased() == "enabled"
        let prefix = configured("net.unixDomainSocket.pathPrefix") ?? Setting("/tmp", .default)

        return LocalSettings(
            platform: platform, configPath: configPath,
            configSearched: setup.configPath == nil ? locator.candidates(for: platform) : [],
            configState: state, config: config, dbPath: dbPath, port: port, logPath: logPath,
            bindIp: bindIp, bindIpAll: config.bool("net.bindIpAll") ?? false, keyFile: keyFile,
            accessControl: authorization || keyFile != nil,
            unixSocketEnabled: platform != .windows && (config.bool("net.unixDomainSocket.enabled") ?? true),
            unixSocketPrefix: prefix,
            serviceUser: serviceUser(setup, platform: platform, configPath: configPath, config: config),
            portAnswer: setup.portAnswer)
    }

    private func load(_ path: String?) -> (ConfigState, MongodConfig) {
        guard let path else { return (.absent, MongodConfig()) }
        let data: Data
        do {
            data = try probes.files.readFile(atPath: path, maxBytes: Self.maxConfigBytes)
        } catch {
            return (.unreadable(error.reason), MongodConfig())
        }
        switch ConfigParser().parse(data) {
        case .parsed(let config): return (.parsed, config)
        case .invalid(let problem): return (.invalid(problem), MongodConfig())
        }
    }

    /// `--service-user`; else the config's Windows service user; else the package account
    /// (`mongodb` on Debian/Ubuntu, `mongod` on RHEL) for a config under `/etc`; else the
    /// non-root user a running mongod uses; else the current user.
    private func serviceUser(
        _ setup: LocalSetup, platform: Platform, configPath: Setting<String>?, config: MongodConfig
    ) -> Setting<String> {
        if let name = setup.serviceUser { return Setting(name, .flag, origin: "--service-user") }
        if platform == .windows {
            if let name = config.string("processManagement.windowsService.serviceUser") {
                return Setting(name, .config, origin: "processManagement.windowsService.serviceUser")
            }
            return Setting(PlatformDefaults.windowsServiceAccount, .default, origin: "Windows service default")
        }
        if platform == .linux, let path = configPath?.value, path.hasPrefix("/etc/") {
            for name in ["mongodb", "mongod"] where probes.users.user(named: name) != nil {
                return Setting(name, .config, origin: "package account for \(path)")
            }
        }
        if let running = probes.processes.mongodProcesses().first(where: { $0.uid != 0 }),
            let user = probes.users.user(uid: running.uid)
        {
            return Setting(user.name, .default, origin: "user of running mongod pid \(running.pid)")
        }
        // Under sudo, a bare mongod would be started by the person, not by root (and should not run as
        // root): creating its data directory for root is the very trap the doctor warns about.
        if geteuid() == 0, let invoker = ProcessInfo.processInfo.environment["SUDO_USER"], invoker != "root",
            probes.users.user(named: invoker) != nil
        {
            return Setting(invoker, .default, origin: "the user who ran sudo")
        }
        let current = probes.users.currentUser()?.name ?? String(geteuid())
        return Setting(current, .default, origin: "current user")
    }
}
