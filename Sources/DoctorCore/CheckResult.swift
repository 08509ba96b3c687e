/// The result of one check in a run.
public struct CheckResult: Sendable {
    /// The check's stable id (`tcp`, `dbpath`).
    public var id: CheckID
    /// Human title ("TCP connection").
    public var title: String
    /// What happened.
    public var status: CheckStatus
    /// Wall time the check took, in milliseconds.
    public var elapsedMs: Int
    /// One line: what was seen when it passed, the cause when it failed, the reason when skipped.
    public var detail: String
    /// The findings it produced (their `check` is this result's `id`).
    public var findings: [Finding]
    /// Whether the check was skipped because it does not apply to this target (not because
    /// something before it failed); such a skip does not block the checks that depend on it.
    public var isNotApplicable: Bool

    /// Creates a result.
    public init(
        id: CheckID, title: String, status: CheckStatus, elapsedMs: Int, detail: String, findings: [Finding],
        isNotApplicable: Bool = false
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.elapsedMs = elapsedMs
        self.detail = detail
        self.findings = findings
        self.isNotApplicable = isNotApplicable
    }

    /// Whether checks that list this one as a prerequisite may run.
    public var allowsDependents: Bool { status.allowsDependents || isNotApplicable }
}

/// What a check returns: a one-line detail and its findings. The status follows from them
/// unless the check sets it (to report `skipped` when it does not apply).
public struct CheckOutcome: Sendable {
    /// One-line summary.
    public var detail: String
    /// Findings, any severity.
    public var findings: [Finding]
    /// An explicit status; `nil` derives it from the worst finding.
    public var status: CheckStatus?

    /// Creates an outcome.
    public init(detail: String, findings: [Finding] = [], status: CheckStatus? = nil) {
        self.detail = detail
        self.findings = findings
        self.status = status
    }

    /// Whether this outcome says the check does not apply (see `notApplicable`).
    public var isNotApplicable = false

    /// An outcome for a check that does not apply to this target; its dependents still run.
    public static func notApplicable(_ reason: String) -> CheckOutcome {
        var outcome = CheckOutcome(detail: reason, status: .skipped)
        outcome.isNotApplicable = true
        return outcome
    }

    /// The status: explicit, or `failed` for an error finding, `warning` for a warning, else `passed`.
    public var resolvedStatus: CheckStatus {
        if let status { return status }
        let worst = findings.map(\.severity).max() ?? .info
        switch worst {
        case .error: return .failed
        case .warning: return .warning
        case .info: return .passed
        }
    }
}
