import ConnectionString
import ArgumentParser
import DoctorChecks
import DoctorCore
import Foundation
import LocalMongod
import MongoBridge
import MongodDiagnosis

/// `mongo-doctor check` (the default): the connection, stage by stage; and the local mongod
/// (config, data directory, lock, port, socket, logs) when asked, or when a local target does not answer.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a MongoDB target (connection string, DNS, TCP, TLS, handshake, topology, auth) and a local mongod.",
        discussion: """
            Local checks run when --config, --dbpath, --port, --log or --service-user is given, or when the \
            target is on this machine and does not answer. --fix applies the automatic fixes (create a missing \
            data or log directory, remove a stale socket file), then checks again.
            """)

    @OptionGroup var target: TargetOptions
    @OptionGroup var local: LocalFlags
    @OptionGroup var platformOptions: PlatformOptions
    @OptionGroup var fixFlags: FixFlags
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        var resolved = target.resolveTarget()
        if resolved.source == "default", let port = local.port { resolved.uri = "mongodb://localhost:\(port)" }
        let platform = platformOptions.platform ?? .current
        let context = CheckContext(platform: platform, timeout: target.stageTimeout)
        var results = await CheckRunner().run(ConnectionChecks.make(uri: resolved.uri, probes: .live), in: context)
        // "Answers" means something accepted the TCP connection: a server is running there, even if
        // TLS or auth then fails, so the local mongod checks would only add noise.

        let answers = context.fact(ReachableEndpoints.self)?.somethingListens ?? false
        let isLocal = context.fact(ConnectionTarget.self).map(Self.isLocal) ?? false
        var applied: [AppliedFix] = []
        if local.isAnyGiven || (isLocal && !answers) {
            let catalog = try platformOptions.loadCatalog()
            var setup = local.setup(platform: platformOptions.platform, serverAnswers: isLocal ? answers : nil)
            if setup.port == nil, isLocal, let seed = context.fact(ConnectionTarget.self)?.seeds.first { setup.port = seed.port }
            let checks = LocalChecks.make(setup: setup) + [
                ConfiguredLogCheck(explicitPath: local.log, analyzer: MongodLogAnalyzer(catalog: catalog, platform: platformOptions.platform)),
            ]
            let confirmation = FixConfirmation(assumeYes: fixFlags.yes)
            let outcome = await Doctor(checks: checks).run(in: context, applyFixes: fixFlags.fix) { plan in
                await confirmation.confirm(plan)
            }
            results += outcome.results
            applied = outcome.applied
        }
        let report = Report(
            toolName: MongoDoctorVersion.toolName, toolVersion: MongoDoctorVersion.current,
            target: URIRedaction.redact(resolved.uri), targetSource: resolved.source, checks: results,
            elapsedMs: start.duration(to: clock.now).milliseconds,
            sections: fixFlags.fix ? [("fixesApplied", FixConfirmation.section(applied))] : [])
        try output.emit(report)
    }

    /// Whether every seed of the target is this machine.
    static func isLocal(_ target: ConnectionTarget) -> Bool {
        let names: Set<String> = ["localhost", "::1", ProcessInfo.processInfo.hostName.lowercased()]
        return !target.isSRV && !target.seeds.isEmpty
            && target.seeds.allSatisfy { names.contains($0.host.lowercased()) || $0.host.hasPrefix("127.") }
    }
}
