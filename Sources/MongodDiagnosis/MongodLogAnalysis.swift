public import DoctorCore

/// The result of analysing a mongod log: findings about its last startup.
public struct MongodLogAnalysis: Sendable {
    /// Findings, errors first, then warnings, then facts (`log.exit-code`).
    public var findings: [Finding]
    /// The exit code of the last startup, when stated (fork parent, systemd) or inferable.
    public var exitCode: Int?
    /// Startups in the log; a fragment without a startup line counts as one.
    public var startupCount: Int
    /// Lines in the input.
    public var linesRead: Int
    /// Non-blank lines that were not mongod log, stderr or journal lines.
    public var linesIgnored: Int
    /// The server version of the last startup, when its Build Info line is present.
    public var serverVersion: String?
    /// The platform whose fixes were chosen (given, or inferred from the log).
    public var platform: Platform

    /// Creates an analysis.
    public init(
        findings: [Finding], exitCode: Int?, startupCount: Int, linesRead: Int, linesIgnored: Int,
        serverVersion: String?, platform: Platform
    ) {
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

    static let all: [FindingID: DiagnosticEntry] = [
        exitCodeID: DiagnosticEntry(
            id: exitCodeID, severity: .info, title: "{exitVerb} {exitCode} ({exitName}: {exitMeaning})",
            explanation: "The exit code comes from {exitSource}."),
        unrecognizedID: DiagnosticEntry(
            id: unrecognizedID, severity: .warning, title: "mongod logged an error the catalog does not know: {message}",
            explanation: "No catalog entry matches this line; read it and the lines before it."),
        startupWarningID: DiagnosticEntry(
            id: startupWarningID, severity: .warning, title: "Startup warning: {message}"),
    ]

    /// The catalog's entry for `id`, or the built-in one.
    static func entry(_ id: FindingID, in catalog: DiagnosticCatalog) -> DiagnosticEntry {
        catalog.entry(id: id) ?? all[id] ?? DiagnosticEntry(id: id, severity: .info, title: id.rawValue)
    }
}
