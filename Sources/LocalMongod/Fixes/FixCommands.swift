import DoctorCore

/// Builds the commands a person would type on the selected platform, quoted for display.
///
/// Nothing here runs anything: these strings go into `Fix.commands`.
struct FixCommands {
    let platform: Platform
    /// The account mongod runs as.
    let serviceUser: String
    /// Its primary group's name, when known.
    let serviceGroup: String?
    /// Whether commands can run without `sudo` (the service user is the current, non-root user).
    let unprivileged: Bool
    /// How the reader writes elevated commands (`.root`: no `sudo`, which a container's root shell often lacks).
    var elevation = CommandElevation.sudo

    /// One argv as a command line.
    func line(_ argv: [String]) -> String { ShellQuoting.render(argv, for: platform) }

    /// One argv, prefixed with `sudo` on Linux and macOS unless not needed.
    func privileged(_ argv: [String]) -> String { line(privilegedArgv(argv)) }

    /// `argv` with `sudo` in front when needed.
    func privilegedArgv(_ argv: [String]) -> [String] {
        platform == .windows || unprivileged ? argv : elevation.elevated(argv)
    }

    /// Who fixes give files to: `user:group` when the group is known, else the user.
    var owner: String { serviceGroup.map { "\(serviceUser):\($0)" } ?? serviceUser }

    /// Create a directory owned by the service user, mode 0750.
    func createDirectory(_ path: String) -> [String] {
        if platform == .windows {
            return [line(["mkdir", path])] + grantWindows(path, recursive: false)
        }
        return [
            privileged(["mkdir", "-p", path]), privileged(["chown", owner, path]), privileged(["chmod", "750", path]),
        ]
    }

    /// One line saying what `createDirectory` does.
    func createSummary(_ path: String) -> String {
        platform == .windows
            ? "Create \(path) and give \(serviceUser) modify access"
            : "Create \(path) owned by \(serviceUser) with mode 0750"
    }

    /// Give an existing tree to the service user (shown only, never run).
    func chownRecursive(_ path: String) -> [String] {
        platform == .windows ? grantWindows(path, recursive: true) : [privileged(["chown", "-R", owner, path])]
    }

    /// Give one file to the service user.
    func chown(_ path: String) -> [String] {
        platform == .windows ? grantWindows(path, recursive: false) : [privileged(["chown", owner, path])]
    }

    /// Let the service user's group read a file that may hold secrets (mode 0640).
    func groupReadable(_ path: String) -> [String] {
        if platform == .windows { return [line(["icacls", path, "/grant", "\(serviceUser):R"])] }
        guard let serviceGroup else { return chown(path) }
        return [privileged(["chgrp", serviceGroup, path]), privileged(["chmod", "640", path])]
    }

    private func grantWindows(_ path: String, recursive: Bool) -> [String] {
        let argv = ["icacls", path, "/grant", "\(serviceUser):(OI)(CI)M"] + (recursive ? ["/T"] : [])
        return [line(argv)]
    }

    /// Start the mongod service.
    func startService() -> [String] {
        switch platform {
        case .linux: [privileged(["systemctl", "start", PlatformDefaults.serviceName(.linux)])]
        case .macos: [line(["brew", "services", "start", PlatformDefaults.serviceName(.macos)])]
        case .windows: [line(["net", "start", PlatformDefaults.serviceName(.windows)])]
        }
    }

    /// Stop the mongod service.
    func stopService() -> [String] {
        switch platform {
        case .linux: [privileged(["systemctl", "stop", PlatformDefaults.serviceName(.linux)])]
        case .macos: [line(["brew", "services", "stop", PlatformDefaults.serviceName(.macos)])]
        case .windows: [line(["net", "stop", PlatformDefaults.serviceName(.windows)])]
        }
    }

    /// Show which process listens on a port.
    func findPortHolder(_ port: Int) -> [String] {
        switch platform {
        case .linux: [privileged(["ss", "-ltnp", "sport = :\(port)"])]
        case .macos: [line(["lsof", "-nP", "-iTCP:\(port)", "-sTCP:LISTEN"])]
        case .windows: [ShellQuoting.pipeline([["netstat", "-ano"], ["findstr", ":\(port)"]], for: .windows)]
        }
    }

    /// Stop one process (shown only, never run).
    func kill(_ pid: Int32) -> [String] {
        platform == .windows ? [line(["taskkill", "/PID", String(pid)])] : [privileged(["kill", String(pid)])]
    }

    /// Run mongod as the service user with extra arguments.
    func mongodAsServiceUser(_ arguments: [String]) -> String {
        let mongod = platform == .windows ? "mongod.exe" : "mongod"
        if platform == .windows || unprivileged { return line([mongod] + arguments) }
        return line(elevation.runAs(serviceUser, [mongod] + arguments, platform: platform))
    }

    /// Where to edit the configuration (the file, or the platform's usual place).
    func configFile(_ settings: LocalSettings) -> String {
        if let path = settings.configPath?.value { return path }
        switch platform {
        case .linux: return "/etc/mongod.conf"
        case .macos: return "/opt/homebrew/etc/mongod.conf"
        case .windows: return PlatformDefaults.windowsConfigPattern
        }
    }

    /// Install MongoDB Community Server: one `Fix` per common route.
    func installFixes() -> [Fix] {
        switch platform {
        case .linux:
            return [
                Fix(
                    id: .mongodInstallApt,
                    summary: "Debian/Ubuntu: add MongoDB's apt repository (see the install guide), then install mongodb-org",
                    commands: [privileged(["apt-get", "update"]), privileged(["apt-get", "install", "-y", "mongodb-org"])]),
                Fix(
                    id: .mongodInstallDnf,
                    summary: "RHEL/Fedora: add MongoDB's yum repository, then install mongodb-org",
                    commands: [privileged(["dnf", "install", "-y", "mongodb-org"])]),
            ]
        case .macos:
            return [
                Fix(
                    id: .mongodInstallBrew, summary: "Install with Homebrew",
                    commands: [line(["brew", "tap", "mongodb/brew"]), line(["brew", "install", "mongodb-community"])])
            ]
        case .windows:
            return [
                Fix(
                    id: .mongodInstallWinget, summary: "Install MongoDB Server with winget (or the MSI installer)",
                    commands: [line(["winget", "install", "MongoDB.Server"])])
            ]
        }
    }
}

extension LocalState {
    /// The command builder for a run's settings.
    func commands(_ settings: LocalSettings) -> FixCommands {
        let account = serviceAccount(settings)
        let current = probes.users.currentUser()
        let unprivileged = settings.platform != .windows && account != nil && account == current && current?.isRoot == false
        return FixCommands(
            platform: settings.platform, serviceUser: settings.serviceUser.value,
            serviceGroup: settings.platform == .windows ? nil : account.flatMap { probes.users.groupName(gid: $0.gid) },
            unprivileged: unprivileged,
            elevation: .forReader(isRoot: current?.isRoot == true, platform: settings.platform))
    }

    /// Whether automatic fixes may touch this machine: only when the platform is the one we run on.
    func canApplyFixes(_ settings: LocalSettings) -> Bool { settings.platform == Platform.current }
}
