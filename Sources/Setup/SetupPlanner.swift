public import DoctorCore
public import DoctorRun
import LocalMongod
public import Provisioning
import ConnectionString
import DoctorChecks
import MongodDiagnosis

/// What the planner knows before anything changes: the diagnosis and what setup would write.
public struct SetupFacts: Sendable {
    /// The checks, against the configuration setup would write when it writes one.
    public var diagnosis: CheckRun.Outcome
    /// The configuration file to write (path and contents), when there is none.
    public var config: (path: String, template: MongodConfigTemplate)?
    /// How mongod would be started.
    public var starter: MongodStarter
    /// `provision`'s dry run, when the server answers already.
    public var provisionPlan: ProvisionOutcome?
    /// Why `provision`'s dry run could not run, when it could not.
    public var provisionProblem: String?
    /// What writing the env file would do (`nil`: no env file, print only).
    public var envEdit: EnvFileEdit?
    /// The hand-over connection string, redacted.
    public var handOverShown: String

    /// Creates the facts.
    public init(
        diagnosis: CheckRun.Outcome, config: (path: String, template: MongodConfigTemplate)?, starter: MongodStarter,
        provisionPlan: ProvisionOutcome? = nil, provisionProblem: String? = nil, envEdit: EnvFileEdit?, handOverShown: String
    ) {
        self.diagnosis = diagnosis
        self.config = config
        self.starter = starter
        self.provisionPlan = provisionPlan
        self.provisionProblem = provisionProblem
        self.envEdit = envEdit
        self.handOverShown = handOverShown
    }

    /// Whether MongoDB answered the diagnosis' `hello`.
    public var answered: Bool {
        diagnosis.portAnswer == .mongodb
            || diagnosis.results.contains { $0.id == .hello && ($0.status == .passed || $0.status == .warning) }
    }
}

/// A plan: the steps, and the automatic fixes' actions by step id.
public struct SetupPlan: Sendable {
    /// The steps, in order.
    public var steps: [SetupStep]
    /// The change behind each planned fix step.
    public var actions: [String: any FixAction]
    /// The argv that starts mongod, for `mongod.start`.
    public var startArgv: [String]?

    /// Whether the plan changes anything (the re-check only reads).
    public var changesSomething: Bool {
        steps.contains { $0.status == .planned && $0.id != SetupStepID.recheck }
            || steps.contains { $0.id == SetupStepID.provision && $0.status == .blocked }
    }
}

/// Plans setup from what the checks found: a pure function, so every branch is tested offline.
public enum SetupPlanner {
    /// The checks whose error findings keep mongod from starting (the connection stages fail only
    /// because it is not running; an old log tells the past).
    static let staticChecks: Set<CheckID> = [.mongodBinary, .configParse, .dbpath, .port, .socket, .logpath, .keyfile, .security]
    /// Findings the flow itself resolves.
    static let resolvedByStarting: Set<FindingID> = [.mongodNotRunning]

    /// The plan for `facts` and `request`.
    public static func plan(_ facts: SetupFacts, _ request: SetupRequest) -> SetupPlan {
        let target = URIRedaction.redact(facts.diagnosis.target.uri)
        var steps: [SetupStep] = []
        var actions: [String: any FixAction] = [:]
        var startArgv: [String]?
        let results = facts.diagnosis.results
        let errors = results.filter { staticChecks.contains($0.id) }.flatMap(\.findings).filter { $0.severity == .error }

        if facts.answered {
            steps.append(SetupStep(SetupStepID.diagnose, .done, "MongoDB answers at \(target)"))
            steps.append(SetupStep(SetupStepID.mongodStart, .unchanged, "already running: nothing to start"))
        } else if !facts.diagnosis.isLocal {
            steps.append(SetupStep(SetupStepID.diagnose, .done, "\(target) does not answer, and it is not this machine"))
            steps.append(SetupStep(SetupStepID.mongodStart, .skipped,
                                   "mongo-doctor starts only a mongod on this machine: see the findings below",
                                   finding: results.flatMap(\.findings).first { $0.severity == .error }?.id))
            return SetupPlan(steps: steps + later(facts, request, stopped: true), actions: [:], startArgv: nil)
        } else {
            steps.append(SetupStep(SetupStepID.diagnose, .done,
                                   "nothing answers at \(target); the local checks found \(errors.count) error\(errors.count == 1 ? "" : "s")"))
            let repair = repairSteps(facts, request, errors: errors)
            steps += repair.steps
            actions = repair.actions
            startArgv = repair.startArgv
            if repair.stopped { return SetupPlan(steps: steps + later(facts, request, stopped: true), actions: actions, startArgv: startArgv) }
        }
        return SetupPlan(steps: steps + later(facts, request, stopped: false), actions: actions, startArgv: startArgv)
    }

    /// Config, fixes, start and wait for a local mongod that does not answer.
    static func repairSteps(_ facts: SetupFacts, _ request: SetupRequest, errors: [Finding])
        -> (steps: [SetupStep], actions: [String: any FixAction], startArgv: [String]?, stopped: Bool)
    {
        var steps: [SetupStep] = []
        var actions: [String: any FixAction] = [:]
        let platform = request.platform
        let settings = facts.diagnosis.localSettings
        if let config = facts.config {
            let t = config.template
            steps.append(SetupStep(SetupStepID.configWrite, .planned,
                                   "write \(config.path): storage.dbPath \(t.dbPath), systemLog.path \(t.logPath), net.port \(t.port), net.bindIp 127.0.0.1 (never overwrites)"))
        } else if let path = settings?.configPath?.value {
            steps.append(SetupStep(SetupStepID.configWrite, .unchanged, "\(path) exists: left as it is"))
        }
        var fixed: Set<FindingID> = []
        for result in facts.diagnosis.results where staticChecks.contains(result.id) {
            for finding in result.findings {
                guard let fix = finding.fixes.first(where: { $0.isAutomatic || automaticKinds.contains($0.id) }) else { continue }
                fixed.insert(finding.id)
                if let action = fix.action {
                    actions[fix.id.rawValue] = action
                    steps.append(SetupStep(fix.id.rawValue, .planned, fix.summary, finding: finding.id, commands: fix.commands))
                } else {
                    steps.append(SetupStep(fix.id.rawValue, .manual, fix.summary + " (run it on that machine)", finding: finding.id, commands: fix.commands))
                }
            }
        }
        if facts.config != nil { fixed.insert(.configUnreadable) }
        if facts.starter != .background { fixed.insert(.mongodNotFound) }
        if let blocking = errors.first(where: { !fixed.contains($0.id) && !resolvedByStarting.contains($0.id) }) {
            steps.append(SetupStep(SetupStepID.mongodStart, .blocked, "not started: \(blocking.title)", finding: blocking.id,
                                   commands: blocking.fixes.flatMap(\.commands)))
            return (steps, actions, nil, true)
        }
        let wait = "wait up to \(request.wait.components.seconds) s for mongod to answer hello at \(URIRedaction.redact(facts.diagnosis.target.uri))"
        if let argv = facts.starter.serviceArgv(platform: platform) {
            let command = ShellQuoting.render(argv, for: platform)
            if facts.starter == .windowsService || !request.platformIsHere {
                steps.append(SetupStep(SetupStepID.mongodStart, .manual, "start \(facts.starter.summary) there", commands: [command]))
                return (steps, actions, nil, true)
            }
            steps.append(SetupStep(SetupStepID.mongodStart, .planned, "start \(facts.starter.summary)", commands: [command]))
            steps.append(SetupStep(SetupStepID.mongodWait, .planned, wait))
            return (steps, actions, argv, false)
        }
        guard let binary = facts.diagnosis.binary?.path else {
            steps.append(SetupStep(SetupStepID.mongodStart, .blocked, "not started: no mongod binary on PATH or in the usual install directories",
                                   finding: .mongodNotFound))
            return (steps, actions, nil, true)
        }
        var argv = [binary]
        if let config = facts.config?.path ?? settings?.configPath?.value { argv += ["--config", config] }
        if let dbPath = request.local.dbPath, facts.config == nil { argv += ["--dbpath", dbPath] }
        if let port = request.local.port, facts.config == nil { argv += ["--port", String(port)] }
        let command = ShellQuoting.render(argv, for: platform)
        guard request.platformIsHere else {
            steps.append(SetupStep(SetupStepID.mongodStart, .manual, "start mongod there", commands: [command]))
            return (steps, actions, nil, true)
        }
        let log = facts.config?.template.logPath ?? settings?.logPath?.value
        steps.append(SetupStep(SetupStepID.mongodStart, .planned,
                               "start mongod in the background" + (log.map { ", logging to \($0)" } ?? ""), commands: [command]))
        steps.append(SetupStep(SetupStepID.mongodWait, .planned, wait))
        return (steps, actions, argv, false)
    }

    /// Fix kinds that setup shows as steps even where they cannot be applied (another platform).
    static let automaticKinds: Set<FixID> = [.dbpathCreateDirectory, .logpathCreateDirectory, .socketRemoveStale]

    /// Provision, re-check and hand-over.
    static func later(_ facts: SetupFacts, _ request: SetupRequest, stopped: Bool) -> [SetupStep] {
        if stopped {
            return [SetupStepID.provision, SetupStepID.recheck, SetupStepID.envWrite].map {
                SetupStep($0, .skipped, "not reached: mongod does not answer")
            }
        }
        var steps: [SetupStep] = []
        let app = request.appUser.map { " and app user \($0.name)" } ?? ""
        if let plan = facts.provisionPlan {
            let todo = plan.steps.filter { $0.status == .planned }
            if let problem = plan.steps.first(where: \.isProblem) {
                steps.append(SetupStep(SetupStepID.provision, .blocked, "\(problem.id): \(problem.detail)", finding: problem.finding))
            } else if todo.isEmpty {
                steps.append(SetupStep(SetupStepID.provision, .unchanged, "\(request.database): every provision step is unchanged"))
            } else {
                steps.append(SetupStep(SetupStepID.provision, .planned,
                                       "\(request.database): \(todo.count) step\(todo.count == 1 ? "" : "s") to do (\(todo.map(\.id).joined(separator: ", ")))"))
            }
        } else {
            let why = facts.provisionProblem.map { " (\($0))" } ?? ""
            steps.append(SetupStep(SetupStepID.provision, .planned,
                                   "create the auth collections, validators and indexes in \(request.database)\(app)\(why)"))
        }
        steps.append(SetupStep(SetupStepID.recheck, .planned, "check again with --db \(request.database)" + (request.appUser == nil ? "" : ", and the app user's connection string")))
        steps.append(envStep(facts, request))
        return steps
    }

    static func envStep(_ facts: SetupFacts, _ request: SetupRequest) -> SetupStep {
        let line = "MONGODB_URI=\(facts.handOverShown)"
        guard let path = request.envFile, let edit = facts.envEdit else {
            return SetupStep(SetupStepID.envWrite, .skipped, "no env file (no ./.env, no --env-file): nothing written; \(line)")
        }
        switch edit {
        case .unchanged: return SetupStep(SetupStepID.envWrite, .unchanged, "\(path) already has \(line)")
        case .conflict:
            return SetupStep(SetupStepID.envWrite, .blocked, "\(path) sets another MONGODB_URI: left as it is (pass --yes to replace it)",
                             finding: .setupEnvConflict)
        case .write(_, let change):
            let verb = switch change {
            case .created: "create \(path) (mode 0600) with"
            case .appended: "add to \(path) (mode 0600)"
            case .replaced: "replace in \(path) (mode 0600)"
            }
            return SetupStep(SetupStepID.envWrite, .planned, "\(verb) \(line)")
        }
    }
}
