import ConnectionString
import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import MongodDiagnosis
import Provisioning

/// The steps of `SetupFlow` that take more than a call: the bounded wait, the re-check, the env
/// file, and the outcome with setup's own `setup` result.
extension SetupFlow {
    /// Polls until the server answers, mongod exits, or `--wait` runs out.
    func wait(_ request: SetupRequest, uri: String, launched: (any LaunchedMongod)?, logPath: String?, reader: StartupFailureReader)
        async -> (step: SetupStep, findings: [Finding])
    {
        let start = world.clock.now()
        defer { world.progress(.waited) }
        while true {
            if let launched, let code = launched.exitStatus(), code != 0 {
                let findings = reader.findings(logPath: logPath, output: launched.output(), exitCode: code)
                let cause = findings.first { $0.severity == .error && $0.id.rawValue != "log.exit-code" }
                return (SetupStep(SetupStepID.mongodWait, .failed, "mongod exited with code \(code)" + (cause.map { ": \($0.title)" } ?? ""),
                                  finding: cause?.id), findings)
            }
            let elapsed = world.clock.now() - start
            if await world.waiter.answers(uri: uri, timeout: .seconds(1)) {
                return (SetupStep(SetupStepID.mongodWait, .done, "mongod answers hello (after \(Self.seconds(world.clock.now() - start)) s)"), [])
            }
            if elapsed >= request.wait {
                let seconds = request.wait.components.seconds
                let timeout = Finding(
                    id: .setupWaitTimeout, severity: .error, title: "mongod did not answer within \(seconds) s",
                    detail: "mongod was started but did not answer hello in time; it may still be starting (a large data directory, a slow disk) or be stuck.",
                    evidence: logPath.map { ["log: \($0)"] } ?? [],
                    fixes: [Fix(id: .setupWaitLonger, summary: "Run setup again with a longer wait", commands: ["mongo-doctor setup --wait \(max(60, seconds * 2))"])]
                        + (logPath.map { [Fix(id: .setupReadLog, summary: "Explain mongod's log", commands: [ShellQuoting.render(["mongo-doctor", "log", $0], for: request.platform)])] } ?? []),
                    check: .setup, values: ["seconds": String(seconds)])
                let logged = reader.findings(logPath: logPath, output: launched?.output() ?? "", exitCode: nil).filter { $0.severity == .error }
                return (SetupStep(SetupStepID.mongodWait, .failed, "no answer within \(seconds) s", finding: .setupWaitTimeout), [timeout] + logged)
            }
            world.progress(.waiting(elapsed: elapsed, limit: request.wait))
            await world.clock.sleep(for: .milliseconds(250))
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// The checks again with the auth store; with an app user, also the ladder with its connection string.
    func recheck(_ request: SetupRequest, diagnosis: CheckRun.Outcome, handOver: String) async -> (results: [CheckResult], appFindings: [Finding], failed: Bool) {
        let store = AuthStoreTarget(database: request.database, users: request.names.users, sessions: request.names.sessions)
        let again = CheckRun.Request(target: diagnosis.target, platform: request.platform, timeout: request.timeout,
                                     catalog: request.catalog, authStore: store)
        let results = await world.diagnoser.diagnose(again, pretending: [:]).results
        var appFindings: [Finding] = []
        if request.appUser != nil {
            let app = CheckRun.Request(target: TargetResolver.Target(uri: handOver, source: "app user"), platform: request.platform,
                                       timeout: request.timeout, catalog: request.catalog)
            appFindings = await world.diagnoser.diagnose(app, pretending: [:]).results.flatMap(\.findings)
                .filter { $0.severity == .error }.map { var f = $0; f.check = .setup; f.title = "app user's connection string: " + f.title; return f }
        }
        let failed = results.flatMap(\.findings).contains { $0.severity == .error } || !appFindings.isEmpty
        return (results, appFindings, failed)
    }

    /// Writes (or leaves) the env file's MONGODB_URI line.
    func writeEnv(_ request: SetupRequest, handOver: String, shown: String, skip: Bool) async -> SetupStep {
        let line = "MONGODB_URI=\(shown)"
        guard let path = request.envFile else {
            return SetupStep(SetupStepID.envWrite, .skipped, "no env file (no ./.env, no --env-file): nothing written; \(line)")
        }
        if skip { return SetupStep(SetupStepID.envWrite, .skipped, "the re-check found errors: \(path) left as it is") }
        do {
            let existing = try await world.files.read(path)
            switch EnvFileEdit.edit(existing, value: handOver, replaceDifferent: request.assumeYes) {
            case .unchanged: return SetupStep(SetupStepID.envWrite, .unchanged, "\(path) already has \(line)")
            case .conflict:
                return SetupStep(SetupStepID.envWrite, .blocked, "\(path) sets another MONGODB_URI: left as it is (pass --yes to replace it)", finding: .setupEnvConflict)
            case .write(let bytes, let change):
                try await world.files.replace(path, contents: bytes, mode: 0o600)
                return SetupStep(SetupStepID.envWrite, .done, "\(change.rawValue) \(line) in \(path) (mode 0600)")
            }
        } catch {
            return SetupStep(SetupStepID.envWrite, .failed, "\(path): \(error)")
        }
    }

    func startFailed(_ command: String, output: ProgramOutput?) -> Finding {
        let said = output.map { o in o.output.split(whereSeparator: \.isNewline).suffix(3).map(String.init) } ?? ["could not be run"]
        return Finding(
            id: .setupStartFailed, severity: .error, title: "The start command failed: \(command)",
            detail: "The service manager or mongod refused to start" + (output?.exitCode.map { " (exit \($0))" } ?? "") + ".",
            evidence: said, fixes: [Fix(id: .setupReadLog, summary: "Run it by hand to see why, then explain mongod's log", commands: [command])],
            check: .setup, values: ["command": command])
    }

    /// The outcome, with setup's own `setup` result after the checks.
    func outcome(_ request: SetupRequest, _ diagnosis: CheckRun.Outcome, _ steps: [SetupStep], results: [CheckResult], extra: [Finding],
                 provision: ProvisionOutcome?, dryRun: Bool, reason: String?, facts: SetupFacts) -> SetupOutcome
    {
        var findings = extra
        if steps.contains(where: { $0.id == SetupStepID.envWrite && $0.status == .blocked }), let path = request.envFile {
            findings.append(Finding(
                id: .setupEnvConflict, severity: .warning, title: "\(path) already sets another MONGODB_URI",
                detail: "setup replaces an existing different value only with --yes; the other lines are always kept.",
                fixes: [Fix(id: .setupReplaceEnv, summary: "Replace it", commands: ["mongo-doctor setup --yes"])],
                check: .setup, values: ["path": path]))
        }
        let worded = CatalogWording(catalog: request.catalog, platform: request.platform)
        findings = findings.map(worded.apply(to:))
        let problems = steps.filter(\.isProblem).count
        let done = steps.filter { $0.status == .done }.count
        let status: CheckStatus = findings.contains { $0.severity == .error } || (problems > 0 && !dryRun) ? .failed
            : findings.contains { $0.severity == .warning } ? .warning : .passed
        let detail = dryRun ? "plan only: \(steps.filter { $0.status == .planned }.count) step(s) to do; nothing changed"
            : "\(done) step(s) done, \(steps.filter { $0.status == .unchanged }.count) unchanged, \(problems) need attention"
        let own = CheckResult(id: .setup, title: "Setup", status: status, elapsedMs: 0, detail: detail, findings: findings)
        return SetupOutcome(target: diagnosis.target, steps: steps, results: results + [own], provision: provision,
                            dryRun: dryRun, dryRunReason: reason, handOverShown: facts.handOverShown)
    }
}
