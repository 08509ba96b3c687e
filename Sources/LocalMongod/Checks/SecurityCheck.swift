import DoctorCore
import SocketKit

/// `security`: a mongod running as root, access control off while reachable from the network,
/// a low open-files limit, and transparent huge pages set to `always`. All warnings.
struct SecurityCheck: BlockingCheck {
    let id: CheckID = .security
    let title = "Security and host tuning"
    let state: LocalState

    /// mongod's recommended minimum soft limit of open files.
    static let minimumOpenFiles: UInt64 = 64000

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        let running = state.probes.processes.mongodProcesses()
        var findings = runningAsRoot(running, settings)
        if let open = noAccessControl(settings) { findings.append(open) }
        if let limit = openFiles(running, settings) { findings.append(limit) }
        if let thp = transparentHugePages(settings, context: context) { findings.append(thp) }
        let detail = findings.isEmpty
            ? "no security or tuning warnings"
            : "\(findings.count) thing\(findings.count == 1 ? "" : "s") to tune: " + findings.map(\.title).joined(separator: "; ")
        return CheckOutcome(detail: detail, findings: findings)
    }

    private func runningAsRoot(_ running: [ProcessSnapshot], _ settings: LocalSettings) -> [Finding] {
        let commands = state.commands(settings)
        return running.filter { $0.uid == 0 }.map { process in
            Finding(
                id: .securityRunningAsRoot, severity: .warning, title: "mongod \(process.summary) runs as root",
                detail: "A root mongod creates root-owned data files and /tmp/mongodb-<port>.sock, which break the next "
                    + "start as the service user.",
                evidence: [process.summary, "uid 0"],
                fixes: [Fix(
                    id: .securityRunAsServiceUser,
                    summary: "Stop it and start mongod as the service user (then check dbpath ownership)",
                    commands: commands.kill(process.pid) + commands.startService())],
                values: ["port": String(settings.port.value)])
        }
    }

    private func noAccessControl(_ settings: LocalSettings) -> Finding? {
        guard settings.configState == .parsed, !settings.accessControl else { return nil }
        let exposed = settings.bindIpAll
            || settings.bindIp.value.contains { entry in
                entry != "localhost" && !(IPAddressText.canonical(entry).map(IPAddressText.isLoopback) ?? false)
            }
        guard exposed else { return nil }
        let binds = settings.bindIpAll ? "bindIpAll: true" : "bindIp: \(settings.bindIp.value.joined(separator: ","))"
        return Finding(
            id: .securityNoAccessControl, severity: .warning,
            title: "Access control is off while mongod listens beyond localhost (\(binds))",
            detail: "Anyone who can reach the port can read and change all data.",
            evidence: ["security.authorization: \(settings.config.string("security.authorization") ?? "not set")", "net.\(binds)"],
            fixes: [Fix(
                id: .securityEnableAuthorization,
                summary: "Create an admin user, then set security.authorization: enabled in \(state.commands(settings).configFile(settings)) and restart")],
            values: CatalogValues.known(["port": String(settings.port.value), "config": state.catalogValues(settings).config]))
    }

    private func openFiles(_ running: [ProcessSnapshot], _ settings: LocalSettings) -> Finding? {
        guard settings.platform != .windows else { return nil }
        let probes = state.probes
        let measured: (UInt64, String)? = running.lazy.compactMap { process in
            probes.processes.openFileLimit(pid: process.pid).map { ($0, "mongod \(process.summary)") }
        }.first ?? probes.host.openFileSoftLimit().map { ($0, "this shell (inherited by a mongod started from here)") }
        guard let (limit, whose) = measured, limit < Self.minimumOpenFiles else { return nil }
        let commands = state.commands(settings)
        let fixCommands: [String] = settings.platform == .linux
            ? [commands.privileged(["systemctl", "edit", "mongod"]), commands.line(["ulimit", "-n", "64000"])]
            : [commands.privileged(["launchctl", "limit", "maxfiles", "64000", "200000"]), commands.line(["ulimit", "-n", "64000"])]
        return Finding(
            id: .limitsOpenFiles, severity: .warning,
            title: "Open-files limit is \(limit), below the recommended \(Self.minimumOpenFiles)",
            detail: "mongod warns 'Soft rlimits for open file descriptors too low' and can run out of descriptors under load.",
            evidence: ["RLIMIT_NOFILE soft limit of \(whose): \(limit)"],
            fixes: [Fix(
                id: .limitsRaiseOpenFiles,
                summary: settings.platform == .linux
                    ? "Set LimitNOFILE=64000 in the mongod unit ([Service] section), or raise ulimit -n before starting mongod"
                    : "Raise the launchd maxfiles limit (NumberOfFiles in the plist), or ulimit -n before starting mongod",
                commands: fixCommands)],
            values: ["currentValue": String(limit), "recommendedMinimum": String(Self.minimumOpenFiles)])
    }

    private func transparentHugePages(_ settings: LocalSettings, context: CheckContext) -> Finding? {
        guard settings.platform == .linux else { return nil }
        let path = PathText.join(state.probes.host.sysfsRoot, "kernel/mm/transparent_hugepage/enabled")
        guard let data = try? state.probes.files.readFile(atPath: path, maxBytes: 4096) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingSpaces.replacingAll("\n", with: "")
        guard text.contains("[always]") else { return nil }
        // MongoDB 8.0 and later (TCMalloc with per-CPU caches) recommend THP enabled.
        if let major = state.binary(in: context).majorVersion, major >= 8 { return nil }
        let commands = state.commands(settings)
        return Finding(
            id: .kernelThp, severity: .warning, title: "Transparent huge pages are set to 'always'",
            detail: "MongoDB before 8.0 recommends 'never': THP causes memory bloat and latency with its allocator.",
            evidence: ["\(path): \(text)"],
            fixes: [Fix(
                id: .kernelDisableThp,
                summary: "Set transparent_hugepage to never (and make it permanent with a systemd unit or the kernel command line)",
                commands: [ShellQuoting.pipeline([["echo", "never"], commands.privilegedArgv(["tee", path])], for: .linux)])])
    }
}
