import AuthAdmin
public import DoctorRun
public import Foundation
import LocalMongod
public import Provisioning
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real diagnoser: `CheckRun` over this machine, the planned files laid over the real ones.
public struct LiveSetupDiagnoser: SetupDiagnoser {
    /// Creates the diagnoser.
    public init() {}

    public func diagnose(_ request: CheckRun.Request, pretending files: [String: Data]) async -> CheckRun.Outcome {
        var run = CheckRun.live
        if !files.isEmpty {
            run.localProbes.files = OverlayFileSystem(base: run.localProbes.files, overlay: files, owner: (geteuid(), getegid()))
        }
        return await run.run(request)
    }
}

/// The real provisioner: `MongoProvisioner` on a pool opened as `provision` opens it.
public struct LiveSetupProvisioner: SetupProvisioner {
    /// Creates the provisioner.
    public init() {}

    public func provision(_ request: ProvisionRequest, target: TargetResolver.Target, timeout: Duration) async throws -> ProvisionOutcome {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let connection = try MongoTargetConnection.open(target, timeout: seconds, command: "setup")
        do {
            let outcome = try await MongoProvisioner.run(request, pool: connection.pool)
            await connection.close()
            return outcome
        } catch {
            await connection.close()
            throw connection.failure("provision", error)
        }
    }
}

extension SetupWorld {
    /// This machine: the live checks, files, launcher, waiter, clock and provisioner.
    public static func live(
        confirm: @escaping @Sendable ([SetupStep]) async -> Bool, progress: @escaping @Sendable (SetupProgress) -> Void
    ) -> SetupWorld {
        SetupWorld(
            diagnoser: LiveSetupDiagnoser(), probes: LiveFileSystem(), files: LiveSetupFiles(), launcher: LiveMongodLauncher(),
            waiter: LiveHelloWaiter(), clock: LiveSetupClock(), provisioner: LiveSetupProvisioner(),
            confirm: confirm, progress: progress)
    }
}
