import ArgumentParser
import ConnectionString
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod

/// `mongo-doctor check` (the default): the connection, stage by stage; and the local mongod
/// (config, data directory, lock, port, socket, logs) when asked, or when a local target does not answer.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a MongoDB target (connection string, DNS, TCP, TLS, handshake, topology, auth) and a local mongod.",
        discussion: """
            Local checks run when --config, --dbpath, --port, --log or --service-user is given, or when the \
            target is on this machine and does not answer. --fix applies the automatic fixes (create a missing \
            data or log directory, remove a stale socket file), then checks again. --db NAME adds the authstore \
            check after auth: the users and sessions collections (--users, --sessions), their indexes and \
            validators, id types, orphaned, expired and duplicate data, Lucia v2's layout, and whether the URI's \
            user has root-like roles (read-only).
            """)

    @OptionGroup var target: TargetOptions
    @OptionGroup var local: LocalFlags
    @OptionGroup var authStore: AuthStoreOptions
    @OptionGroup var platformOptions: PlatformOptions
    @OptionGroup var fixFlags: FixFlags
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let request = CheckRun.Request(
            target: target.resolveTarget(), local: local.setup(platform: platformOptions.platform, serverAnswers: nil),
            localRequested: local.isAnyGiven, logPath: local.log, platform: platformOptions.platform ?? .current,
            timeout: target.stageTimeout, catalog: try platformOptions.loadCatalog(), applyFixes: fixFlags.fix,
            authStore: authStore.target)
        let confirmation = FixConfirmation(assumeYes: fixFlags.yes)
        let outcome = await CheckRun.live.run(request) { plan in await confirmation.confirm(plan) }
        let report = Report(
            toolName: MongoDoctorVersion.toolName, toolVersion: MongoDoctorVersion.current,
            target: URIRedaction.redact(outcome.target.uri), targetSource: outcome.target.source, checks: outcome.results,
            elapsedMs: start.duration(to: clock.now).milliseconds,
            sections: fixFlags.fix ? [("fixesApplied", FixConfirmation.section(outcome.applied))] : [])
        try output.emit(report)
    }
}
