public import ArgumentParser
import DoctorCore
import DoctorRun
import Foundation

/// Which server to examine, and how long each network stage may take.
public struct TargetOptions: ParsableArguments {
    /// The connection string; otherwise MONGODB_URI, then ./.env, then localhost.
    @Option(name: .long, help: "Connection string (default: $MONGODB_URI, then MONGODB_URI in ./.env, then mongodb://localhost:27017).")
    public var uri: String?

    /// Seconds each network stage may take.
    @Option(name: .long, help: "Seconds each network stage may take.")
    public var timeout: Double = 3

    public init() {}

    public func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds, got \(timeout)") }
    }

    /// The resolved target for this process.
    func resolveTarget() -> TargetResolver.Target {
        TargetResolver.currentProcess.resolve(flag: uri)
    }

    /// The per-stage timeout.
    var stageTimeout: Duration { .milliseconds(Int(timeout * 1000)) }
}
