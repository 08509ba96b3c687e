/// The automatic fixes a run could apply, planned as values before anything changes.
public struct FixPlan: Sendable {
    /// One planned change.
    public struct Step: Sendable {
        /// The check whose finding this fixes (re-run after applying).
        public var check: CheckID
        /// The finding's id.
        public var finding: FindingID
        /// The fix.
        public var fix: Fix
    }

    /// The steps, in report order.
    public var steps: [Step]

    /// Plans the first automatic fix of every finding in `results`.
    public init(results: [CheckResult]) {
        steps = results.flatMap { result in
            result.findings.compactMap { finding in
                finding.fixes.first(where: \.isAutomatic).map { Step(check: result.id, finding: finding.id, fix: $0) }
            }
        }
    }

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { steps.isEmpty }
}

/// What happened when a planned fix was applied.
public struct AppliedFix: Sendable {
    /// The step.
    public var step: FixPlan.Step
    /// `nil` when it worked, else the one-line reason it did not.
    public var failure: String?
}
