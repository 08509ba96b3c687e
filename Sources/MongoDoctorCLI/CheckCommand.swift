import ArgumentParser
import DoctorChecks
import DoctorCore
import MongoBridge

/// `mongo-doctor check` (the default): walks the connection one stage at a time and reports.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a MongoDB target: connection string, DNS, TCP, TLS, handshake, topology and authentication."
    )

    @OptionGroup var target: TargetOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let resolved = target.resolveTarget()
        let context = CheckContext(platform: .current, timeout: target.stageTimeout)
        let checks = ConnectionChecks.make(uri: resolved.uri, probes: .live)
        let outcome = await Doctor(checks: checks).run(in: context)
        let report = Report(
            toolName: "mongo-doctor", toolVersion: MongoDoctorVersion.current,
            target: Redactor.redactURI(resolved.uri), targetSource: resolved.source,
            checks: outcome.results, elapsedMs: start.duration(to: clock.now).milliseconds)
        try output.emit(report, redactor: Redactor(uri: resolved.uri))
    }
}

extension ConnectionProbes {
    /// The real resolver, dialer, TLS prober and libmongoc.
    static var live: ConnectionProbes {
        ConnectionProbes(resolver: SystemResolver(), dialer: SocketDialer(), tlsProber: nil, server: LibmongocServerProbe())
    }
}
