public import DoctorCore
import Foundation

/// One known problem in the catalog: how to recognise it in a log and how to fix it.
///
/// Loaded from the JSON files under `Diagnostics/`; see `Diagnostics/README.md` for the format.
public struct DiagnosticEntry: Sendable {
    /// Stable dotted id; becomes the finding id (`dbpath.missing`).
    public var id: FindingID
    /// Severity of the finding.
    public var severity: Severity
    /// The cause in one line; may contain `{placeholders}`.
    public var title: String
    /// A few sentences of explanation; may contain `{placeholders}`.
    public var explanation: String
    /// Alternative ways to recognise the problem; any one matching is enough. Empty: never
    /// matches a line (entries the analyzer fills itself, such as `log.exit-code`).
    public var match: [MatchRule]
    /// The exit code mongod uses when it stops on this problem, when it stops.
    public var exitCode: Int?
    /// Fixes per platform, most direct first.
    public var fixes: [Platform: [FixTemplate]]
    /// Ids of entries that explain the same lines better; when one of them matched too, this
    /// entry is dropped (`storage.downgrade` after `dbpath.wrong-owner`).
    public var suppressedBy: [FindingID]
    /// How mongo-doctor detects the problem (which check, which log line), for `explain`.
    public var detection: String
    /// MongoDB's manual page on the problem, when there is one.
    public var manual: String?
    /// Reported only when nothing else explains the failure (no other error entry matched and
    /// no unknown error line): "mongod failed; the cause is in its own log".
    public var isFallback: Bool
    /// The file the entry was read from.
    public var sourceFile: String

    /// Creates an entry.
    public init(
        id: FindingID, severity: Severity, title: String, explanation: String = "",
        match: [MatchRule] = [], exitCode: Int? = nil, fixes: [Platform: [FixTemplate]] = [:],
        suppressedBy: [FindingID] = [], detection: String = "", manual: String? = nil, isFallback: Bool = false, sourceFile: String = ""
    ) {
        self.id = id
        self.severity = severity
        self.title = title
        self.explanation = explanation
        self.match = match
        self.exitCode = exitCode
        self.fixes = fixes
        self.suppressedBy = suppressedBy
        self.detection = detection
        self.manual = manual
        self.isFallback = isFallback
        self.sourceFile = sourceFile
    }
}

/// One way to recognise an entry. Every criterion given must hold (a line's missing field
/// fails it); lists hold alternatives.
public struct MatchRule: Sendable {
    /// The line's structured-log id is one of these.
    public var logIds: [Int]
    /// The line's error code name (`NonExistentPath`) is one of these.
    public var codeNames: [String]
    /// A regex found in the line's message, error and attributes; its named groups
    /// (`(?<dbpath>…)`) fill placeholders.
    public var messagePattern: String?
    /// The startup's exit code is one of these.
    public var exitCodes: [Int]
    /// The platform being diagnosed is one of these.
    public var platforms: [Platform]
    let compiledPattern: Pattern?

    /// Creates a rule; throws when `messagePattern` is not a valid regex.
    public init(
        logIds: [Int] = [], codeNames: [String] = [], messagePattern: String? = nil,
        exitCodes: [Int] = [], platforms: [Platform] = []
    ) throws {
        self.logIds = logIds
        self.codeNames = codeNames
        self.messagePattern = messagePattern
        self.exitCodes = exitCodes
        self.platforms = platforms
        compiledPattern = try messagePattern.map { try Pattern(validating: $0) }
    }

    /// Whether the rule says anything about a single line (not only exit code or platform).
    var looksAtLines: Bool { !logIds.isEmpty || !codeNames.isEmpty || messagePattern != nil }
}

/// A fix as written in the catalog, before placeholders are filled.
public struct FixTemplate: Sendable {
    /// Stable id of the fix (`dbpath.create-directory`).
    public var id: FixID
    /// One line; may contain `{placeholders}`.
    public var summary: String
    /// Commands to show; `{placeholders}` are filled and shell-quoted.
    public var commands: [String]

    /// Creates a fix template.
    public init(id: FixID, summary: String, commands: [String] = []) {
        self.id = id
        self.summary = summary
        self.commands = commands
    }
}
