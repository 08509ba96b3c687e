public import DoctorCore

/// The result of analysing a mongod log: findings about its last startup.
public struct MongodLogAnalysis: Sendable {
    /// Findings, errors first, then warnings, then facts (`log.exit-code`).
    public var findings: [Finding]
    /// The exit code of the last startup, when stated (fork parent, systemd) or inferable.
    public var exitCode: Int?
    /// Startups in the part of the log read; a fragment without a startup line counts as one.
    public var startupCount: Int
    /// Lines read (from `scope.startedAtOffset` on; line numbers in evidence count from there).
    public var linesRead: Int
    /// Non-blank lines that were not mongod log, stderr or journal lines.
    public var linesIgnored: Int
    /// The server version of the last startup, when its Build Info line is present.
    public var serverVersion: String?
    /// The platform whose fixes were chosen (given, or inferred from the log).
    public var platform: Platform
    /// How the last startup ended, as far as the log shows (the verdict rule).
    public var outcome: StartupOutcome
    /// Which part of the log was read.
    public var scope: LogReadScope

    /// Creates an analysis.
    public init(
        findings: [Finding], exitCode: Int?, startupCount: Int, linesRead: Int, linesIgnored: Int,
        serverVersion: String?, platform: Platform, outcome: StartupOutcome = .notShown,
        scope: LogReadScope = LogReadScope(bytesRead: 0, startedAtOffset: 0, truncated: false)
    ) {
        self.outcome = outcome
        self.scope = scope
        self.findings = findings
        self.exitCode = exitCode
        self.startupCount = startupCount
        self.linesRead = linesRead
        self.linesIgnored = linesIgnored
        self.serverVersion = serverVersion
        self.platform = platform
    }
}

/// The findings the analyzer makes itself. Their wording is in the catalog (Diagnostics/mongod-log.json);
/// without it (a broken install, a test's own catalog) they keep their severity and show their id.
enum BuiltInEntries {
    static let exitCodeID: FindingID = .logExitCode
    static let unrecognizedID: FindingID = .logUnrecognized
    static let startupWarningID: FindingID = .logStartupWarning
    static let outcomeUnknownID: FindingID = .logOutcomeUnknown
    static let tailOnlyID: FindingID = .logTailOnly

    /// The severity of each when the catalog lacks it.
    static let severities: [FindingID: Severity] = [
        exitCodeID: .info, unrecognizedID: .warning, startupWarningID: .warning, outcomeUnknownID: .warning, tailOnlyID: .info,
    ]

    /// The catalog's entry for `id`, or a bare one with its id as the title.
    static func entry(_ id: FindingID, in catalog: DiagnosticCatalog) -> DiagnosticEntry {
        catalog.entry(id: id) ?? DiagnosticEntry(id: id, severity: severities[id] ?? .info, title: id.rawValue)
    }
}
