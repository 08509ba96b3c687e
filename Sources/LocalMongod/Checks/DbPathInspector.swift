import DoctorCore

/// The detailed inspections of an existing data directory, for `DbPathCheck`.
struct DbPathInspector {
    let state: LocalState
    let settings: LocalSettings
    let status: FileStatus

    /// How many entries are examined for ownership (mongod keeps a few hundred files at most
    /// per directory; very large trees are sampled).
    static let maxEntries = 5000
    /// How many wrong-owner files are listed in evidence.
    static let listed = 5

    private var path: String { settings.dbPath.value }
    private var files: any FileSystemProbe { state.probes.files }
    private var commands: FixCommands { state.commands(settings) }
    private var values: CatalogValues { state.catalogValues(settings) }

    /// `dbpath.not-writable` and `dbpath.wrong-owner`.
    func permissionFindings(_ account: UserIdentity) -> [Finding] {
        var findings: [Finding] = []
        let who = FileDescription.describe(user: account)
        let lockPath = PathText.join(path, "mongod.lock")
        let lockStatus = files.status(ofPath: lockPath)
        let dirWritable = files.canAccess(path, [.write, .execute], as: account)
        let lockWritable = lockStatus == nil || files.canAccess(lockPath, [.read, .write], as: account)
        if !dirWritable || !lockWritable, let severity = settings.severity(.error, for: settings.dbPath) {
            var evidence = [FileDescription.describe(path, status, users: state.probes.users), "service user: \(who)"]
            if let lockStatus { evidence.append(FileDescription.describe(lockPath, lockStatus, users: state.probes.users)) }
            let what = dirWritable ? "\(lockPath) is not writable" : "\(path) is not writable"
            findings.append(Finding(
                id: .dbpathNotWritable, severity: severity, title: "\(what) by the service user \(account.name)",
                detail: "mongod stops with 'IllegalOperation: Attempted to create a lock file on a read-only directory' "
                    + "(exit code 100). This often follows `sudo mkdir` or a mongod once run as root.",
                evidence: evidence,
                fixes: [Fix(
                    id: .dbpathChown, summary: "Give the data directory to \(account.name) (run by hand; not automatic)",
                    commands: commands.chownRecursive(path))],
                values: ["dbpath": path, "user": values.user]))
        }
        guard !account.isRoot else { return findings }
        let foreign = foreignEntries(account)
        guard !foreign.entries.isEmpty else { return findings }
        let blocking = foreign.entries.first { entry in
            !AccessEvaluator.allows(entry.status, entry.status.kind == .directory ? [.write, .execute] : [.read, .write], account)
        }?.path
        guard let severity = settings.severity(blocking != nil ? .error : .warning, for: settings.dbPath) else { return findings }
        var evidence = foreign.entries.prefix(Self.listed).map {
            FileDescription.describe($0.path, $0.status, users: state.probes.users)
        }
        if foreign.total > Self.listed { evidence.append("… and \(foreign.total - Self.listed) more") }
        evidence.append("service user: \(who)")
        findings.append(Finding(
            id: .dbpathWrongOwner, severity: severity,
            title: "\(foreign.total) file\(foreign.total == 1 ? "" : "s") in \(path) not owned by \(account.name)",
            detail: "Files created by a mongod run as another user (often root) make WiredTiger fail with "
                + "'Permission denied' when the service starts.",
            evidence: evidence,
            fixes: [Fix(
                id: .dbpathChown, summary: "Give the data files back to \(account.name) (run by hand; not automatic)",
                commands: commands.chownRecursive(path))],
            // The catalog's words say WiredTiger cannot open the files: only when one is not accessible.
            values: blocking.map { first in
                ["path": first, "dbpath": path, "serviceUser": account.name, "user": values.user]
            } ?? [:]))
        return findings
    }

    /// Entries (two levels deep) whose owner is not the service user.
    private func foreignEntries(_ account: UserIdentity) -> (entries: [(path: String, status: FileStatus)], total: Int) {
        var found: [(path: String, status: FileStatus)] = []
        var total = 0
        var seen = 0
        var queue: [(String, Int)] = [(path, 0)]
        while let (dir, depth) = queue.first, seen < Self.maxEntries {
            queue.removeFirst()
            for name in files.contentsOfDirectory(atPath: dir) ?? [] {
                seen += 1
                let child = PathText.join(dir, name)
                guard let childStatus = files.linkStatus(ofPath: child) else { continue }
                if childStatus.uid != account.uid {
                    total += 1
                    if found.count < Self.listed { found.append((child, childStatus)) }
                }
                if childStatus.kind == .directory, depth < 1 { queue.append((child, depth + 1)) }
            }
        }
        return (found, total)
    }

    /// `dbpath.in-use` and `dbpath.unclean-shutdown`, from `mongod.lock`.
    func lockFindings() -> [Finding] {
        let lockPath = PathText.join(path, "mongod.lock")
        guard let lockStatus = files.status(ofPath: lockPath), lockStatus.kind == .regular else { return [] }
        switch files.lockState(ofFile: lockPath) {
        case .held(let pid):
            let base: Severity = switch settings.serverAnswers {
            case .some(false): .error
            case .some(true): .info
            case .none: .warning
            }
            guard let severity = settings.severity(base, for: settings.dbPath) else { return [] }
            let holder = pid.flatMap { state.probes.processes.process(pid: $0) }
            let who = holder?.summary ?? pid.map { "pid \($0)" } ?? "a process that could not be identified"
            var fixes = [Fix(
                id: .dbpathConnectRunning,
                summary: "A server already runs on this dbpath: connect to it instead of starting another",
                commands: [commands.line(["mongosh", "--port", String(settings.port.value)])])]
            fixes.append(Fix(
                id: .dbpathStopHolder, summary: "Or stop it first (never delete mongod.lock while it is held)",
                commands: commands.stopService() + (pid.map { commands.kill($0) } ?? [])))
            return [Finding(
                id: .dbpathInUse, severity: severity, title: "\(lockPath) is locked by \(who)",
                detail: "A second mongod on this dbpath stops with 'DBPathInUse: Unable to lock the lock file' (exit code 100).",
                evidence: [FileDescription.describe(lockPath, lockStatus, users: state.probes.users), "holder: \(who)"],
                fixes: fixes, values: ["dbpath": path, "port": values.port])]
        case .free where lockStatus.size > 0:
            guard let severity = settings.severity(.warning, for: settings.dbPath) else { return [] }
            let backup = settings.platform == .windows
                ? commands.line(["robocopy", path, path + ".backup", "/E"])
                : commands.privileged(["cp", "-a", path, path + ".backup"])
            return [Finding(
                id: .dbpathUncleanShutdown, severity: severity,
                title: "mongod.lock is not empty but no process holds it: the last shutdown was not clean",
                detail: "WiredTiger normally recovers from its journal on the next start. If mongod then fails, copy "
                    + "the dbpath first and repair as the service user (a repair as root breaks file ownership).",
                evidence: [FileDescription.describe(lockPath, lockStatus, users: state.probes.users) + " (\(lockStatus.size) bytes)"],
                fixes: [Fix(
                    id: .dbpathRepair, summary: "Only if mongod does not start: back up, then repair (run by hand)",
                    commands: [backup, commands.mongodAsServiceUser(["--dbpath", path, "--repair"])])])]
        case .free, .unknown:
            return []
        }
    }

    /// `dbpath.low-space`: an error below 100 MB free, a warning below 1 GiB.
    func spaceFindings() -> ([Finding], String?) {
        guard let free = files.freeBytes(atPath: path) else { return ([], nil) }
        let note = "\(ByteText.format(free)) free"
        let base: Severity? = free < 100 * 1_000_000 ? .error : (free < 1 << 30 ? .warning : nil)
        guard let base, let severity = settings.severity(base, for: settings.dbPath) else { return ([], note) }
        let check = settings.platform == .windows ? commands.line(["fsutil", "volume", "diskfree", path]) : commands.line(["df", "-h", path])
        return ([Finding(
            id: .dbpathLowSpace, severity: severity, title: "Only \(ByteText.format(free)) free on the file system holding \(path)",
            detail: "mongod needs room for journal and data files; with a full disk it stops with 'No space left on device'.",
            evidence: ["statvfs(\(path)): \(free) bytes available"],
            fixes: [Fix(id: .dbpathFreeSpace, summary: "Free space on that volume or move the dbpath to a larger one", commands: [check])])], note)
    }
}

/// Human byte counts: `512 MB`, `3.2 GiB`.
enum ByteText {
    static func format(_ bytes: UInt64) -> String {
        if bytes >= 1 << 30 {
            let tenths = bytes / (1 << 30) * 10 + (bytes % (1 << 30)) * 10 / (1 << 30)
            return "\(tenths / 10).\(tenths % 10) GiB"
        }
        return "\(bytes / 1_000_000) MB"
    }
}
