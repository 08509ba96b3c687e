import AuthStore
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import MongodDiagnosis
import Provisioning
import Setup

/// A thread-safe box for what the fakes record.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// Scripted checks: `before` until something answers, `after` once the waiter said yes (re-check).
struct FakeDiagnoser: SetupDiagnoser {
    let first: CheckRun.Outcome
    var withConfig: CheckRun.Outcome?
    var recheck: CheckRun.Outcome
    let requests = Recorder<[CheckRun.Request]>([])

    func diagnose(_ request: CheckRun.Request, pretending files: [String: Data]) async -> CheckRun.Outcome {
        requests.update { $0.append(request) }
        if request.authStore != nil || request.target.source == "app user" { return recheck }
        if !files.isEmpty, let withConfig { return withConfig }
        return first
    }
}

/// Files in memory (path → bytes, mode).
struct FakeFiles: SetupFiles {
    let files = Recorder<[String: (Data, UInt32)]>([:])
    func read(_ path: String) async throws -> Data? { files.value[path]?.0 }
    func createNew(_ path: String, contents: Data, mode: UInt32) async throws {
        guard files.value[path] == nil else { throw SetupFileError("\(path) exists") }
        files.update { $0[path] = (contents, mode) }
    }
    func replace(_ path: String, contents: Data, mode: UInt32) async throws { files.update { $0[path] = (contents, mode) } }
}

/// A file system probe holding a few files (a log a failed mongod wrote).
struct FakeProbe: FileSystemProbe {
    var files: [String: String] = [:]
    func status(ofPath path: String) -> FileStatus? {
        files[path].map { FileStatus(kind: .regular, uid: 0, gid: 0, permissions: 0o644, size: Int64($0.utf8.count)) }
    }
    func linkStatus(ofPath path: String) -> FileStatus? { status(ofPath: path) }
    func freeBytes(atPath path: String) -> UInt64? { nil }
    func contentsOfDirectory(atPath path: String) -> [String]? { nil }
    func readFile(atPath path: String, maxBytes: Int) throws(FileReadError) -> Data {
        guard let text = files[path] else { throw FileReadError(path: path, reason: "No such file or directory") }
        return Data(text.utf8.prefix(maxBytes))
    }
    func lockState(ofFile path: String) -> LockState { .free }
}

/// A mongod that exits with `exitCode` (nil: keeps running) and printed `printed`.
struct FakeLaunched: LaunchedMongod {
    let pid: Int32 = 4242
    let exitCode: Int32?
    let printed: String
    func exitStatus() -> Int32? { exitCode }
    func output() -> String { printed }
}

struct FakeLauncher: MongodLauncher {
    var exitCode: Int32?
    var printed = ""
    let started = Recorder<[[String]]>([])
    func start(_ argv: [String]) throws -> any LaunchedMongod {
        started.update { $0.append(argv) }
        return FakeLaunched(exitCode: exitCode, printed: printed)
    }
    func run(_ argv: [String], timeout: Duration) async -> ProgramOutput? {
        started.update { $0.append(argv) }
        return ProgramOutput(exitCode: 0, output: "")
    }
}

/// Answers after `after` tries (nil: never).
struct FakeWaiter: HelloWaiter {
    var after: Int?
    let tries = Recorder(0)
    func answers(uri: String, timeout: Duration) async -> Bool {
        tries.update { $0 += 1 }
        return after.map { tries.value > $0 } ?? false
    }
}

/// Time that passes only when someone sleeps.
struct FakeClock: SetupClock {
    let elapsed = Recorder(Duration.zero)
    func now() -> Duration { elapsed.value }
    func sleep(for duration: Duration) async { elapsed.update { $0 += duration } }
}

/// Provisioning that plans `steps` and applies them.
struct FakeProvisioner: SetupProvisioner {
    var existing: Set<String> = []
    let calls = Recorder<[Bool]>([])
    func provision(_ request: ProvisionRequest, target: TargetResolver.Target, timeout: Duration) async throws -> ProvisionOutcome {
        calls.update { $0.append(request.dryRun) }
        let steps = ["collection.users", "collection.sessions"].map { id in
            ProvisionStep(id: id, status: existing.contains(id) ? .unchanged : (request.dryRun ? .planned : .applied), detail: id)
        }
        return ProvisionOutcome(database: request.database, layout: "lucia-v3", sessionFormat: .split, dryRun: request.dryRun, steps: steps)
    }
}

enum Scenario {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = try! DiagnosticCatalog.load(directories: [root.appendingPathComponent("Diagnostics")])
    static let target = TargetResolver.Target(uri: "mongodb://127.0.0.1:27999", source: "default")

    static func settings(configState: ConfigState = .absent, logPath: String? = "/srv/md/mongod.log") -> LocalSettings {
        LocalSettings(
            platform: .linux, configPath: configState == .absent ? nil : Setting("/srv/md/mongod.conf", .flag),
            configSearched: ["/etc/mongod.conf"], configState: configState, dbPath: Setting("/srv/md/db", .flag),
            port: Setting(27999, .default), logPath: logPath.map { Setting($0, .config) }, serviceUser: Setting("me", .default))
    }

    static func result(_ id: CheckID, _ findings: [Finding] = [], status: CheckStatus? = nil) -> CheckResult {
        CheckResult(id: id, title: id.rawValue, status: status ?? (findings.contains { $0.severity == .error } ? .failed : .passed),
                    elapsedMs: 0, detail: "", findings: findings)
    }

    /// Nothing answers on this machine; the data directory is missing (its fix records that it ran).
    static func notRunning(fixRan: Recorder<Bool>, extra: [Finding] = []) -> CheckRun.Outcome {
        let fix = Fix(id: .dbpathCreateDirectory, summary: "Create /srv/md/db", commands: ["mkdir -p /srv/md/db"],
                      action: ClosureFixAction { fixRan.update { $0 = true } })
        let missing = Finding(id: .dbpathMissing, severity: .error, title: "The data directory /srv/md/db does not exist", fixes: [fix])
        return CheckRun.Outcome(
            target: target,
            results: [result("tcp", [Finding(id: "tcp.refused", severity: .error, title: "refused")]),
                      result(.mongodBinary, [Finding(id: .mongodNotRunning, severity: .error, title: "not running")]),
                      result(.dbpath, [missing]), result(.port, extra)],
            ranLocalChecks: true, isLocal: true, portAnswer: .nothing, localSettings: settings(),
            binary: MongodBinary(path: "/usr/bin/mongod", version: "7.0.14", searched: []))
    }

    static var healthy: CheckRun.Outcome {
        CheckRun.Outcome(target: target, results: [result("tcp"), result("hello")], ranLocalChecks: false, isLocal: true, portAnswer: .mongodb)
    }

    static func request(_ change: (inout SetupRequest) -> Void = { _ in }) -> SetupRequest {
        var request = SetupRequest(
            target: target, local: LocalSetup(dbPath: "/srv/md/db", port: nil, platform: .current), database: "auth",
            envFile: "/app/.env", wait: .seconds(5), assumeYes: true, platform: .current, catalog: catalog, toolVersion: "test")
        change(&request)
        return request
    }
}

/// One world of fakes, and what they saw.
struct FakeWorld {
    var diagnoser: FakeDiagnoser
    var probe = FakeProbe()
    var files = FakeFiles()
    var launcher = FakeLauncher()
    var waiter = FakeWaiter(after: 2)
    var clock = FakeClock()
    var provisioner = FakeProvisioner()
    let asked = Recorder(0)

    var world: SetupWorld {
        let asked = self.asked
        return SetupWorld(diagnoser: diagnoser, probes: probe, files: files, launcher: launcher, waiter: waiter, clock: clock,
                          provisioner: provisioner, confirm: { _ in asked.update { $0 += 1 }; return true })
    }

    func run(_ request: SetupRequest) async -> SetupOutcome { await SetupFlow(world: world).run(request) }
}

extension SetupOutcome {
    func status(_ id: String) -> SetupStep.Status? { steps.first { $0.id == id }?.status }
    var ids: [String] { steps.map(\.id) }
}
