/// One thing a check found: a stable id, a severity, a one-line cause and the fixes.
public struct Finding: Sendable {
    /// Stable dotted lowercase id (`tcp.refused`, `dbpath.missing`); documented in the README.
    public var id: FindingID
    /// How serious it is.
    public var severity: Severity
    /// The id of the check that produced it (filled in by the runner).
    public var check: CheckID
    /// The cause in one line.
    public var title: String
    /// More explanation; may span a few sentences.
    public var detail: String
    /// Observed facts backing the finding (a log line, a path and its mode, an address).
    public var evidence: [String]
    /// Ways to fix it, most direct first.
    public var fixes: [Fix]
    /// The values the catalog's wording of this finding names (`{host}`, `{path}`), by name. Never
    /// rendered as such; never a secret.
    public var values: [String: String]

    /// Creates a finding; `check` is set by the runner when left empty.
    public init(
        id: FindingID, severity: Severity, title: String, detail: String = "",
        evidence: [String] = [], fixes: [Fix] = [], check: CheckID = "", values: [String: String] = [:]
    ) {
        self.id = id
        self.severity = severity
        self.check = check
        self.title = title
        self.detail = detail
        self.evidence = evidence
        self.fixes = fixes
        self.values = values
    }
}
