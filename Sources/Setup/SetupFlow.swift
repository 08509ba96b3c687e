import DoctorRun
import ConnectionString
import DoctorChecks
import DoctorCore
import Foundation
import LocalMongod
import MongodDiagnosis
import Provisioning

/// `mongo-doctor setup` as a library call: diagnose (the whole `check`), plan, ask once, then
/// repair the local server (automatic fixes, a configuration file when there is none), start
/// mongod and wait for `hello`, provision the auth layer, check again with the auth store, and
/// hand the connection string over in the env file. Every effect goes through `world`.
public struct SetupFlow: Sendable {
    /// The outside world.
    public var world: SetupWorld

    /// Creates the flow over `world`.
    public init(world: SetupWorld) { self.world = world }

    /// Runs setup for `request`.
    public func run(_ request: SetupRequest) async -> SetupOutcome {
        world.progress(.step(SetupStepID.diagnose))
        let checkRequest = CheckRun.Request(
            target: request.target, local: request.local, localRequested: false, platform: request.platform,
            timeout: request.timeout, catalog: request.catalog)
        var diagnosis = await world.diagnoser.diagnose(checkRequest, pretending: [:])
        var config: (path: String, template: MongodConfigTemplate)?
        let answered = SetupFacts(diagnosis: diagnosis, config: nil, starter: .background, envEdit: nil, handOverShown: "").answered
        if !answered, diagnosis.isLocal, let settings = diagnosis.localSettings, needsConfig(settings, request) {
            let path = request.local.configPath ?? settings.configSearched.first ?? "mongod.conf"
            let template = MongodConfigTemplate.defaults(
                platform: request.platform, dbPath: request.local.dbPath, port: request.local.port ?? settings.port.value)
            config = (path, template)
            var again = checkRequest
            again.local.configPath = path
            diagnosis = await world.diagnoser.diagnose(again, pretending: [path: Data(template.text.utf8)])
        }
        let handOver = HandOverURI.make(target: diagnosis.target.uri, database: request.database, appUser: request.appUser)
        let starter = request.local.configPath == nil && request.local.dbPath == nil && request.local.port == nil
            ? MongodStarter.detect(platform: request.platform, files: world.probes) : .background
        var facts = SetupFacts(
            diagnosis: diagnosis, config: config, starter: request.platform == .windows ? .windowsService : starter,
            envEdit: nil, handOverShown: URIRedaction.redact(handOver))
        if answered {
            do {
                facts.provisionPlan = try await world.provisioner.provision(provisionRequest(request, dryRun: true), target: diagnosis.target, timeout: request.timeout)
            } catch {
                facts.provisionProblem = String(describing: error)
            }
        }
        if let path = request.envFile {
            let existing = try? await world.files.read(path)
            facts.envEdit = EnvFileEdit.edit(existing ?? nil, value: handOver, replaceDifferent: request.assumeYes)
        }
        let plan = SetupPlanner.plan(facts, request)
        func stop(_ reason: String?) -> SetupOutcome {
            outcome(request, diagnosis, plan.steps, results: diagnosis.results, extra: [], provision: facts.provisionPlan, dryRun: true, reason: reason, facts: facts)
        }
        if request.dryRun { return stop(nil) }
        if !request.platformIsHere { return stop("--platform \(request.platform) is not this machine: a dry run, nothing was changed") }
        if plan.changesSomething, !request.assumeYes {
            guard request.interactive else { return stop("not a terminal and no --yes: a dry run, nothing was changed (pass --yes to apply)") }
            guard await world.confirm(plan.steps) else { return stop("not confirmed: nothing was changed") }
        }
        return await execute(plan, request, diagnosis: diagnosis, facts: facts, handOver: handOver)
    }

    /// Whether setup should write a configuration file: none was found, or the one named does not exist.
    func needsConfig(_ settings: LocalSettings, _ request: SetupRequest) -> Bool {
        switch settings.configState {
        case .absent: true
        case .unreadable: request.local.configPath.map { world.probes.status(ofPath: $0) == nil } ?? false
        case .parsed, .invalid: false
        }
    }

    func provisionRequest(_ request: SetupRequest, dryRun: Bool) -> ProvisionRequest {
        ProvisionRequest(
            database: request.database, names: request.names, dryRun: dryRun,
            appUser: request.appUser.map { AppUserRequest(name: $0.name, password: $0.password) }, toolVersion: request.toolVersion)
    }

    /// Carries the plan out, step by step; the first step that fails stops the ones that need it.
    func execute(_ plan: SetupPlan, _ request: SetupRequest, diagnosis: CheckRun.Outcome, facts: SetupFacts, handOver: String) async -> SetupOutcome {
        var steps = plan.steps
        var stoppedBy: String?
        var extra: [Finding] = []
        var results = diagnosis.results
        var provision: ProvisionOutcome?
        var launched: (any LaunchedMongod)?
        var recheckFailed = false
        let logPath = facts.config?.template.logPath ?? diagnosis.localSettings?.logPath?.value
        let reader = StartupFailureReader(catalog: request.catalog, platform: request.platform, files: world.probes)
        // A start that is blocked stops the run before anything changes: no file is written for a
        // mongod that cannot start.
        if steps.contains(where: { $0.id == SetupStepID.mongodStart && $0.status == .blocked }) {
            for index in steps.indices where steps[index].status == .planned {
                steps[index] = SetupStep(steps[index].id, .skipped, "not done: mongod.start is blocked", finding: steps[index].finding)
            }
        }
        for index in steps.indices {
            let id = steps[index].id
            if let stoppedBy {
                if steps[index].status == .planned { steps[index] = SetupStep(id, .skipped, "not reached: \(stoppedBy) did not succeed") }
                continue
            }
            if steps[index].status == .blocked, id == SetupStepID.mongodStart { stoppedBy = id; continue }
            guard steps[index].status == .planned || (id == SetupStepID.provision && steps[index].status == .blocked) else { continue }
            world.progress(.step(id))
            var step = steps[index]
            switch id {
            case SetupStepID.configWrite:
                guard let config = facts.config else { break }
                do {
                    try await world.files.createNew(config.path, contents: Data(config.template.text.utf8), mode: 0o644)
                    step.status = .done
                    step.detail = "wrote \(config.path)"
                } catch {
                    step.status = .failed
                    step.detail = "\(error)"
                }
            case SetupStepID.mongodStart:
                guard let argv = plan.startArgv else { break }
                if facts.starter.serviceArgv(platform: request.platform) != nil {
                    let output = await world.launcher.run(argv, timeout: .seconds(90))
                    if output?.exitCode == 0 {
                        step.status = .done
                    } else {
                        step.status = .failed
                        step.finding = .setupStartFailed
                        extra.append(startFailed(step.commands.first ?? "", output: output))
                    }
                } else {
                    do {
                        let handle = try world.launcher.start(argv)
                        launched = handle
                        step.status = .done
                        step.detail = "started mongod (pid \(handle.pid))" + (logPath.map { ", logging to \($0)" } ?? "")
                    } catch {
                        step.status = .failed
                        step.finding = .setupStartFailed
                        step.detail = "\(error)"
                        extra.append(startFailed(step.commands.first ?? "", output: ProgramOutput(exitCode: nil, output: "\(error)")))
                    }
                }
            case SetupStepID.mongodWait:
                let waited = await wait(request, uri: diagnosis.target.uri, launched: launched, logPath: logPath, reader: reader)
                step = waited.step
                extra += waited.findings
            case SetupStepID.provision:
                do {
                    let outcome = try await world.provisioner.provision(provisionRequest(request, dryRun: false), target: diagnosis.target, timeout: request.timeout)
                    provision = outcome
                    if let problem = outcome.steps.first(where: \.isProblem) {
                        step.status = problem.status == .failed ? .failed : .blocked
                        step.finding = problem.finding
                        step.detail = "\(problem.id): \(problem.detail)"
                    } else {
                        let applied = outcome.steps.filter { $0.status == .applied }.count
                        step.status = applied == 0 ? .unchanged : .done
                        step.detail = applied == 0 ? "\(request.database): every provision step is unchanged"
                            : "\(request.database): \(applied) step\(applied == 1 ? "" : "s") applied, \(outcome.steps.count - applied) unchanged"
                    }
                } catch {
                    step.status = .failed
                    step.detail = "\(error)"
                }
            case SetupStepID.recheck:
                let recheck = await recheck(request, diagnosis: diagnosis, handOver: handOver)
                results = recheck.results
                extra += recheck.appFindings
                recheckFailed = recheck.failed
                step.status = recheck.failed ? .failed : .done
                step.detail = recheck.failed ? "the re-check found errors (below)" : "every check passes" + (request.appUser == nil ? "" : ", and the app user's connection string authenticates")
            case SetupStepID.envWrite:
                step = await writeEnv(request, handOver: handOver, shown: facts.handOverShown, skip: recheckFailed)
            default:
                guard let action = plan.actions[id] else { break }
                do {
                    try await action.apply()
                    step.status = .done
                } catch {
                    step.status = .failed
                    step.detail += ": \(error)"
                }
            }
            steps[index] = step
            if step.status == .failed, id != SetupStepID.recheck, id != SetupStepID.envWrite { stoppedBy = id }
        }
        return outcome(request, diagnosis, steps, results: results, extra: extra, provision: provision, dryRun: false, reason: nil, facts: facts)
    }
}
