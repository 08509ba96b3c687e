import DoctorCore

/// `mongod.binary`: whether a `mongod` binary is installed and which version, and whether a
/// mongod process runs on this host.
struct BinaryCheck: BlockingCheck {
    let id: CheckID = .mongodBinary
    let title = "mongod installed and running"
    let state: LocalState

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        let binary = state.binary(in: context)
        context.publish(binary)
        let commands = state.commands(settings)
        var findings: [Finding] = []
        var parts: [String] = []

        if let path = binary.path {
            let version = binary.version ?? "(version unknown: \(binary.versionProblem ?? "no output"))"
            parts.append("mongod \(version) at \(path)")
        } else {
            findings.append(Finding(
                id: .mongodNotFound, severity: .warning,
                title: "No mongod binary on PATH or in the usual install directories",
                detail: "mongo-doctor looked for \(settings.platform == .windows ? "mongod.exe" : "mongod") in every "
                    + "directory of PATH and where the MongoDB packages install it. The server may still run in a "
                    + "container or on another host.",
                evidence: [binary.searched.isEmpty ? "searched: no directories (empty PATH, no install directory)"
                    : "searched: " + binary.searched.joined(separator: ", ")]
                    + (settings.platform == .windows ? ["no installation under \(PlatformDefaults.windowsServerRoot)"] : []),
                fixes: commands.installFixes() + [Fix(
                    id: .mongodStartService, summary: "Then start the mongod service it installs",
                    commands: commands.startService())],
                values: ["binary": settings.platform == .windows ? "mongod.exe" : "mongod"]))
            parts.append("no mongod binary found")
        }

        let running = state.probes.processes.mongodProcesses()
        if running.isEmpty {
            findings.append(notRunning(settings, installed: binary.path != nil, commands: commands, context: context))
            parts.append("no mongod process")
        } else {
            parts.append("running: " + running.map { "pid \($0.pid)" }.joined(separator: ", "))
        }
        return CheckOutcome(detail: parts.joined(separator: "; "), findings: findings)
    }

    /// Error only when the caller says the server does not answer; a warning when nothing listens
    /// on the port either; otherwise information (it may run in a container or elsewhere). Starting
    /// the service is suggested only when a mongod is installed (else `mongod.not-found` says how).
    private func notRunning(_ settings: LocalSettings, installed: Bool, commands: FixCommands, context: CheckContext) -> Finding {
        let listening = state.probes.ports.isListening(port: settings.port.value, timeout: context.timeout)
        let severity: Severity = switch settings.serverAnswers {
        case .some(false): .error
        case .some(true): .info
        case .none: listening ? .info : .warning
        }
        let foreign = if case .notMongoDB = settings.portAnswer { listening } else { false }
        let port = "port \(settings.port.value): "
            + (foreign ? "something that is not MongoDB listens" : listening ? "something listens" : "nothing listens")
        return Finding(
            id: .mongodNotRunning, severity: severity,
            title: "No mongod process is running on this host",
            detail: foreign
                ? "What listens on port \(settings.port.value) is not MongoDB (see port.in-use), so no mongod serves there."
                : listening
                ? "Something listens on the port; the server may run in a container or under another name."
                : installed
                    ? "Start the mongod service, or run mongod by hand with the settings checked below."
                    : "No mongod is installed here: install it first (see mongod.not-found), then start it.",
            evidence: ["no process named mongod in the process table", port],
            fixes: installed ? [Fix(id: .mongodStartService, summary: "Start the mongod service", commands: commands.startService())] : [])
    }
}
