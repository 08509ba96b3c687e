import DoctorCore

/// `dbpath`: the data directory exists, is a directory, is writable by the service user and
/// owned by it, is not locked by another process, was shut down cleanly, and has free space.
struct DbPathCheck: BlockingCheck {
    let id: CheckID = .dbpath
    let title = "Data directory (dbpath)"
    let state: LocalState

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        let dbPath = settings.dbPath
        if settings.configUnusable, dbPath.provenance != .flag {
            return .notApplicable("the configuration file could not be used, so storage.dbPath is unknown (see config.parse)")
        }
        let path = dbPath.value
        let files = state.probes.files
        guard let status = files.status(ofPath: path) else { return missing(settings) }
        let described = FileDescription.describe(path, status, users: state.probes.users)
        guard status.kind == .directory else {
            guard let severity = settings.severity(.error, for: dbPath) else {
                return CheckOutcome(detail: "default \(path) is not a directory; the answering server does not use it")
            }
            return CheckOutcome(detail: "\(path) is not a directory", findings: [Finding(
                id: .dbpathNotDirectory, severity: severity, title: "The dbpath \(path) is not a directory",
                detail: "mongod needs a directory for its data files.",
                evidence: [described, "dbpath: \(dbPath.described)"],
                fixes: [Fix(
                    id: .dbpathChooseDirectory,
                    summary: "Point storage.dbPath (or --dbpath) at a directory, or move this file aside and create the directory")],
                values: ["dbpath": path])])
        }

        let inspector = DbPathInspector(state: state, settings: settings, status: status)
        var findings: [Finding] = []
        var notes = ["\(described) (\(dbPath.origin))"]
        if settings.platform == .windows {
            notes.append("permissions not checked on Windows")
        } else if let account = state.serviceAccount(settings) {
            findings += inspector.permissionFindings(account)
        } else {
            notes.append("service user \(settings.serviceUser.value) does not exist here; permissions not checked")
        }
        findings += inspector.lockFindings()
        let (spaceFindings, spaceNote) = inspector.spaceFindings()
        findings += spaceFindings
        if let spaceNote { notes.append(spaceNote) }
        return CheckOutcome(detail: notes.joined(separator: "; "), findings: findings)
    }

    private func missing(_ settings: LocalSettings) -> CheckOutcome {
        let path = settings.dbPath.value
        guard let severity = settings.severity(.error, for: settings.dbPath) else {
            return CheckOutcome(detail: "default \(path) does not exist; the answering server does not use it")
        }
        let commands = state.commands(settings)
        let account = state.serviceAccount(settings)
        let action = account.flatMap { user in
            state.canApplyFixes(settings) ? CreateDirectoryAction(path: path, uid: user.uid, gid: user.gid) : nil
        }
        let finding = Finding(
            id: .dbpathMissing, severity: severity, title: "The data directory \(path) does not exist",
            detail: "mongod stops with 'NonExistentPath: Data directory \(path) not found' (exit code 100).",
            evidence: ["dbpath: \(settings.dbPath.described)", "service user: \(settings.serviceUser.described)"],
            fixes: [
                Fix(
                    id: .dbpathCreateDirectory,
                    summary: commands.createSummary(path),
                    commands: commands.createDirectory(path), action: action),
                Fix(
                    id: .dbpathUseExisting,
                    summary: "Or point storage.dbPath in \(commands.configFile(settings)) (or --dbpath) at an existing data directory"),
            ],
            values: catalogValues(settings))
        return CheckOutcome(detail: "\(path) does not exist", findings: [finding])
    }

    /// `dbpath.missing`'s `{dbpath}`, `{config}` and `{user}`.
    private func catalogValues(_ settings: LocalSettings) -> [String: String] {
        let values = state.catalogValues(settings)
        return CatalogValues.known(["dbpath": values.dbpath, "config": values.config, "user": values.user])
    }
}
