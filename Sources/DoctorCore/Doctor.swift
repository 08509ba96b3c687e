/// Runs a set of checks, optionally applies their automatic fixes, and re-checks.
///
/// The flow is: run → plan → (confirm) → apply → re-run the affected checks → report the new state.
/// Checks never print and fixes never run unless the caller passes `applyFixes: true`.
public struct Doctor: Sendable {
    /// The checks, in report order.
    public var checks: [any DoctorCheck]
    /// The runner.
    public var runner: CheckRunner

    /// Creates a doctor for `checks`.
    public init(checks: [any DoctorCheck], runner: CheckRunner = CheckRunner()) {
        self.checks = checks
        self.runner = runner
    }

    /// The results of a run and of any fixes applied.
    public struct Outcome: Sendable {
        /// Final results (after re-checking, when fixes were applied).
        public var results: [CheckResult]
        /// The fixes attempted, with their failures.
        public var applied: [AppliedFix]
    }

    /// Runs the checks; when `confirm` returns `true` for the plan, applies it and re-runs the affected checks.
    public func run(
        in context: CheckContext, applyFixes: Bool = false,
        confirm: @Sendable (FixPlan) async -> Bool = { _ in true }
    ) async -> Outcome {
        let first = await runner.run(checks, in: context)
        let plan = FixPlan(results: first)
        guard applyFixes, !plan.isEmpty, await confirm(plan) else { return Outcome(results: first, applied: []) }

        var applied: [AppliedFix] = []
        for step in plan.steps {
            do {
                try await step.fix.action?.apply()
                applied.append(AppliedFix(step: step, failure: nil))
            } catch {
                applied.append(AppliedFix(step: step, failure: String(describing: error)))
            }
        }
        let affected = Set(plan.steps.map(\.check))
        let rerun = await runner.run(checks.filter { affected.contains($0.id) }, in: context)
        var results = first.map { result in rerun.first { $0.id == result.id } ?? result }
        // A fix that was applied but whose finding is still there stays visible as applied.
        for index in results.indices {
            for f in results[index].findings.indices {
                for a in applied where a.step.check == results[index].id && a.step.finding == results[index].findings[f].id {
                    for x in results[index].findings[f].fixes.indices where results[index].findings[f].fixes[x].id == a.step.fix.id {
                        results[index].findings[f].fixes[x].applied = true
                    }
                }
            }
        }
        return Outcome(results: results, applied: applied)
    }
}
