import DoctorCore

/// `logpath`: the log file named by `systemLog.path` (or `--log`) can be opened by the service user.
struct LogPathCheck: BlockingCheck {
    let id: CheckID = .logpath
    let title = "Log file (systemLog.path)"
    let state: LocalState

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        guard let log = settings.logPath else {
            if settings.configUnusable { return .notApplicable("the configuration file could not be used (see config.parse)") }
            return .notApplicable("no systemLog.path: mongod logs to standard output")
        }
        let path = log.value
        let platform = settings.platform
        let probes = state.probes
        let directory = PlatformDefaults.parent(of: path, on: platform)
        let commands = state.commands(settings)
        let account = state.serviceAccount(settings)
        let judged = platform != .windows ? account : nil

        if let status = probes.files.status(ofPath: path) {
            let described = FileDescription.describe(path, status, users: probes.users)
            if status.kind == .directory {
                return failure(log, "\(path) is a directory, not a file", evidence: [described], fixes: [])
            }
            if let user = judged, !probes.files.canAccess(path, .write, as: user) {
                return failure(
                    log, "\(path) is not writable by the service user \(user.name)",
                    evidence: [described, "service user: \(FileDescription.describe(user: user))"],
                    fixes: [Fix(id: .logpathChown, summary: "Give the log file to \(user.name) (run by hand)", commands: commands.chown(path))])
            }
            return CheckOutcome(detail: "\(described) (\(log.origin))")
        }
        guard let dirStatus = probes.files.status(ofPath: directory) else {
            let action = judged.flatMap { user in
                state.canApplyFixes(settings) ? CreateDirectoryAction(path: directory, uid: user.uid, gid: user.gid) : nil
            }
            return failure(
                log, "The log directory \(directory) does not exist",
                evidence: ["systemLog.path: \(log.described)"],
                fixes: [Fix(
                    id: .logpathCreateDirectory,
                    summary: commands.createSummary(directory),
                    commands: commands.createDirectory(directory), action: action)],
                values: ["logpath": path, "logdir": directory, "serviceUser": settings.serviceUser.value])
        }
        let dirDescribed = FileDescription.describe(directory, dirStatus, users: probes.users)
        if let user = judged, dirStatus.kind != .directory || !probes.files.canAccess(directory, [.write, .execute], as: user) {
            return failure(
                log, "\(path) cannot be created: \(directory) is not writable by the service user \(user.name)",
                evidence: [dirDescribed, "service user: \(FileDescription.describe(user: user))"],
                fixes: [Fix(id: .logpathChown, summary: "Give the log directory to \(user.name) (run by hand)", commands: commands.chown(directory))])
        }
        return CheckOutcome(detail: "\(path) will be created in \(dirDescribed)")
    }

    /// `values`: the catalog's placeholders, given only where its fixes (create the log directory) fit.
    private func failure(
        _ log: Setting<String>, _ cause: String, evidence: [String], fixes: [Fix], values: [String: String] = [:]
    ) -> CheckOutcome {
        let finding = Finding(
            id: .logpathNotWritable, severity: .error, title: cause,
            detail: "mongod stops before logging with 'FileNotOpen: Failed to open \(log.value)' (exit code 1).",
            evidence: evidence + (evidence.contains { $0.hasPrefix("systemLog.path") } ? [] : ["systemLog.path: \(log.described)"]),
            fixes: fixes, values: values)
        return CheckOutcome(detail: cause, findings: [finding])
    }
}
