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

/// Entries the analyzer fills itself; used when the catalog does not define them.
enum BuiltInEntries {
    static let exitCodeID: FindingID = .logExitCode
    static let unrecognizedID: FindingID = .logUnrecognized
    static let startupWarningID: FindingID = .logStartupWarning
    static let outcomeUnknownID: FindingID = .logOutcomeUnknown
    static let tailOnlyID: FindingID = .logTailOnly

    static let all: [FindingID: DiagnosticEntry] = [
        exitCodeID: DiagnosticEntry(
            id: exitCodeID, severity: .info, title: "{exitVerb} {exitCode} ({exitName}: {exitMeaning})",
            explanation: "The exit code comes from {exitSource}."),
        unrecognizedID: DiagnosticEntry(
            id: unrecognizedID, severity: .warning, title: "mongod logged an error the catalog does not know: {message}",
            explanation: "No catalog entry matches this line; read it and the lines before it."),
        startupWarningID: DiagnosticEntry(
            id: startupWarningID, severity: .warning, title: "Startup warning: {message}"),
        outcomeUnknownID: DiagnosticEntry(
            id: outcomeUnknownID, severity: .warning, title: "The log does not show whether the last startup came up",
            explanation: "It ends before mongod logged \"Waiting for connections\", an error or an exit code: mongod may still be starting (recovery of a large data set takes minutes), or it was killed (kill -9, the out-of-memory killer) before it could log why. Check whether it runs: mongo-doctor check, or the service manager's status."),
        tailOnlyID: DiagnosticEntry(
            id: tailOnlyID, severity: .info,
            title: "No startup in the last {scanLimit} of the log: only those were read (from byte {startedAtOffset})",
            explanation: "Reading is bounded so that logs of any size are explained quickly; the findings are about the end of the log. Line numbers in evidence count from byte {startedAtOffset}."),
    ]

    /// The catalog's entry for `id`, or the built-in one.
    static func entry(_ id: FindingID, in catalog: DiagnosticCatalog) -> DiagnosticEntry {
        catalog.entry(id: id) ?? all[id] ?? DiagnosticEntry(id: id, severity: .info, title: id.rawValue)
    }
}
