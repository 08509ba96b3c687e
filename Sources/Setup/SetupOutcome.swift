public import DoctorCore
public import DoctorRun
public import Provisioning

/// What one setup run planned and did.
public struct SetupOutcome: Sendable {
    /// The target the run worked on (redact before showing).
    public var target: TargetResolver.Target
    /// Every step, in order.
    public var steps: [SetupStep]
    /// The last checks: the re-check's when it ran, else the diagnosis'; then setup's own `setup` result.
    public var results: [CheckResult]
    /// `provision`'s outcome (its dry run in a dry run), when it ran.
    public var provision: ProvisionOutcome?
    /// Whether nothing was changed on purpose (`--dry-run`, no terminal without `--yes`, not confirmed, another platform).
    public var dryRun: Bool
    /// Why it was a dry run, when `--dry-run` was not given (no terminal and no `--yes`, not confirmed, another platform).
    public var dryRunReason: String?
    /// The hand-over connection string, redacted.
    public var handOverShown: String

    /// Whether the run changed nothing (every step unchanged, skipped, or only checks).
    public var changedNothing: Bool {
        !steps.contains { $0.status == .done && $0.id != SetupStepID.diagnose && $0.id != SetupStepID.recheck }
    }

    /// 0 only when everything is green: no step failed, blocked or left to do by hand and no error
    /// finding. A dry run: 1 when a step is blocked or failed, else 0.
    public var exitCode: Int32 {
        if dryRun { return steps.contains { $0.status == .blocked || $0.status == .failed } ? ExitStatus.findings : ExitStatus.clean }
        let errors = results.flatMap(\.findings).contains { $0.severity == .error }
        return steps.contains(where: \.isProblem) || errors ? ExitStatus.findings : ExitStatus.clean
    }
}
