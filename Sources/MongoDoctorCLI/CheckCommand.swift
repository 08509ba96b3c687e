import ArgumentParser
import DoctorChecks
import DoctorCore
import MongoBridge

/// `mongo-doctor check` (the default): examines the target and reports.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a MongoDB target: reachability and server version (more stages as they land)."
    )

    @OptionGroup var target: TargetOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let resolved = target.resolveTarget()
        let redactor = Redactor(uri: resolved.uri)
        let context = CheckContext(platform: .current, timeout: target.stageTimeout)
        let doctor = Doctor(checks: [ServerPingCheck(uri: resolved.uri)])
        let outcome = await doctor.run(in: context)
        let report = Report(
            toolName: "mongo-doctor", toolVersion: MongoDoctorVersion.current,
            target: Redactor.redactURI(resolved.uri), targetSource: resolved.source,
            checks: outcome.results, elapsedMs: start.duration(to: clock.now).milliseconds)
        try output.emit(report, redactor: redactor)
    }
}
