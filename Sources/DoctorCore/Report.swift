/// Everything one run found, as data; renderers turn it into text or JSON.
public struct Report: Sendable {
    /// The JSON schema version; bumped only on incompatible changes.
    public static let schemaVersion = 1

    /// The tool's name and version.
    public var toolName: String
    /// The tool's version.
    public var toolVersion: String
    /// The target, already redacted, or `nil` when the run had no connection target.
    public var target: String?
    /// Where the target came from (`--uri`, `MONGODB_URI`, `.env`, `default`).
    public var targetSource: String?
    /// Results in check order.
    public var checks: [CheckResult]
    /// Total wall time in milliseconds.
    public var elapsedMs: Int
    /// Extra top-level JSON sections a command adds (`"uri"` for `mongo-doctor uri`), in order.
    public var sections: [(key: String, value: JSONValue)]

    /// Creates a report.
    public init(
        toolName: String, toolVersion: String, target: String?, targetSource: String? = nil,
        checks: [CheckResult], elapsedMs: Int, sections: [(key: String, value: JSONValue)] = []
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.target = target
        self.targetSource = targetSource
        self.checks = checks
        self.elapsedMs = elapsedMs
        self.sections = sections
    }

    /// Every finding of every check, in check order.
    public var findings: [Finding] { checks.flatMap(\.findings) }

    /// `error` when any finding is an error, `warning` when any is a warning or a check crashed, else `ok`.
    public var verdict: Verdict {
        let worst = findings.map(\.severity).max()
        if worst == .error { return .error }
        if worst == .warning || checks.contains(where: { $0.status == .crashed }) { return .warning }
        return .ok
    }

    /// The process exit status: ``ExitStatus/clean`` without error findings, ``ExitStatus/findings`` with one.
    public var exitCode: Int32 { verdict == .error ? ExitStatus.findings : ExitStatus.clean }
}
