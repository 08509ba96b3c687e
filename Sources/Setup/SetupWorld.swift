
public import DoctorRun
public import Foundation
public import LocalMongod
public import Provisioning

/// Runs the doctor's checks for setup, injected so the flow runs offline in tests.
public protocol SetupDiagnoser: Sendable {
    /// Runs `request` as `check` does; `pretending` lists files (path → bytes) to read as if they
    /// existed, so a dry run can check the configuration it would write.
    func diagnose(_ request: CheckRun.Request, pretending files: [String: Data]) async -> CheckRun.Outcome
}

/// Provisions the auth layer, injected so the flow runs offline in tests.
public protocol SetupProvisioner: Sendable {
    /// Runs `provision` for `request` against `target` (a dry run when `request.dryRun`).
    func provision(_ request: ProvisionRequest, target: TargetResolver.Target, timeout: Duration) async throws -> ProvisionOutcome
}

/// What setup tells its front end while it runs (the CLI draws a spinner from it on a terminal).
public enum SetupProgress: Sendable, Equatable {
    /// A step starts.
    case step(String)
    /// Still waiting for `hello`: how long so far, and the limit.
    case waiting(elapsed: Duration, limit: Duration)
    /// The wait is over.
    case waited
}

/// The outside world of one setup run: every effect goes through one of these.
public struct SetupWorld: Sendable {
    /// The checks (`check`'s whole flow).
    public var diagnoser: any SetupDiagnoser
    /// mongod's files as the local checks read them (the log after a failed start, service units).
    public var probes: any FileSystemProbe
    /// The files setup writes.
    public var files: any SetupFiles
    /// Starts mongod.
    public var launcher: any MongodLauncher
    /// Asks whether the server answers.
    public var waiter: any HelloWaiter
    /// Time, for the bounded wait.
    public var clock: any SetupClock
    /// Provisions the auth layer.
    public var provisioner: any SetupProvisioner
    /// Asked once, with the plan, before anything changes (not asked with `--yes`).
    public var confirm: @Sendable ([SetupStep]) async -> Bool
    /// Told about progress.
    public var progress: @Sendable (SetupProgress) -> Void

    /// Creates a world.
    public init(
        diagnoser: any SetupDiagnoser, probes: any FileSystemProbe, files: any SetupFiles, launcher: any MongodLauncher,
        waiter: any HelloWaiter, clock: any SetupClock, provisioner: any SetupProvisioner,
        confirm: @escaping @Sendable ([SetupStep]) async -> Bool, progress: @escaping @Sendable (SetupProgress) -> Void = { _ in }
    ) {
        self.diagnoser = diagnoser
        self.probes = probes
        self.files = files
        self.launcher = launcher
        self.waiter = waiter
        self.clock = clock
        self.provisioner = provisioner
        self.confirm = confirm
        self.progress = progress
    }
}
