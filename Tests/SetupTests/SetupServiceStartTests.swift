import DoctorCore
import Foundation
import LocalMongod
import Setup
import Testing

/// The service-manager start through the live launcher: systemd is detected from its files (scripted),
/// and a stand-in `systemctl` on the launcher's search path plays the service manager. It records
/// its arguments and succeeds or refuses as systemd would.
@Suite struct SetupServiceStartTests {
    /// A directory holding an executable `systemctl` that appends its arguments to `calls` and then
    /// runs `then` (shell); removed by the caller.
    static func standIn(then: String) throws -> (directory: String, calls: String) {
        let directory = NSTemporaryDirectory() + "setup-systemctl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let calls = directory + "/calls"
        let script = "#!/bin/sh\necho \"$*\" >> '\(calls)'\n\(then)\n"
        try script.write(toFile: directory + "/systemctl", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/systemctl")
        return (directory, calls)
    }

    /// A world where nothing answers yet, systemd runs and has a `mongod` unit, and mongod is started
    /// by `launcher`.
    static func world(launcher: LiveMongodLauncher) -> SetupWorld {
        let down = Scenario.notRunning(fixRan: Recorder(false))
        let fakes = FakeWorld(diagnoser: FakeDiagnoser(first: down, withConfig: down, recheck: Scenario.healthy))
        let base = fakes.world
        return SetupWorld(
            diagnoser: base.diagnoser, probes: DirectoryProbe(paths: ["/run/systemd/system": true, "/lib/systemd/system/mongod.service": false]),
            files: base.files, launcher: launcher, waiter: FakeWaiter(after: 1), clock: FakeClock(), provisioner: base.provisioner,
            confirm: { _ in true })
    }

    /// The request with nothing of mongod's given, so the installed service is the starter.
    static var request: SetupRequest {
        Scenario.request { $0.local.dbPath = nil }
    }

    @Test(.enabled(if: Platform.current == .linux)) func systemdStartsMongodThroughSystemctl() async throws {
        let standIn = try Self.standIn(then: "exit 0")
        defer { try? FileManager.default.removeItem(atPath: standIn.directory) }
        let outcome = await SetupFlow(world: Self.world(launcher: LiveMongodLauncher(searchPath: [standIn.directory]))).run(Self.request)
        let start = try #require(outcome.steps.first { $0.id == "mongod.start" })
        #expect(start.status == .done, "\(start)")
        #expect(start.commands == ["systemctl start mongod"])
        #expect(try String(contentsOfFile: standIn.calls, encoding: .utf8) == "start mongod\n", "run once, with the unit's name")
        #expect(outcome.status("mongod.wait") == .done)
    }

    @Test(.enabled(if: Platform.current == .linux)) func aRefusedServiceStartStopsSetupWithWhatSystemctlSaid() async throws {
        let standIn = try Self.standIn(then: "echo 'Failed to start mongod.service: Access denied' >&2\nexit 4")
        defer { try? FileManager.default.removeItem(atPath: standIn.directory) }
        let outcome = await SetupFlow(world: Self.world(launcher: LiveMongodLauncher(searchPath: [standIn.directory]))).run(Self.request)
        #expect(outcome.status("mongod.start") == .failed)
        #expect(outcome.status("mongod.wait") == .skipped, "nothing is waited for after a refused start")
        let finding = try #require(outcome.results.flatMap(\.findings).first { $0.id == "setup.start-failed" })
        #expect(finding.evidence == ["Failed to start mongod.service: Access denied"])
        #expect(outcome.exitCode != 0)
    }

    @Test(.enabled(if: Platform.current == .linux)) func aMissingServiceManagerIsAFailedStartNotACrash() async throws {
        let empty = NSTemporaryDirectory() + "setup-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let outcome = await SetupFlow(world: Self.world(launcher: LiveMongodLauncher(searchPath: [empty]))).run(Self.request)
        #expect(outcome.status("mongod.start") == .failed)
        let finding = try #require(outcome.results.flatMap(\.findings).first { $0.id == "setup.start-failed" })
        #expect(finding.evidence == ["could not be run"])
    }
}
