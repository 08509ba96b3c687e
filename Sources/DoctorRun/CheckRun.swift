public import DoctorChecks
public import DoctorCore
public import LocalMongod
public import MongodDiagnosis

/// The `check` flow as a library call: the connection ladder, then the local mongod checks when
/// they were asked for or when the target is this machine and no MongoDB server answers there, then the fixes the
/// caller confirms, re-checked. `check`, `setup`, `provision` and the demo call it; they render.
public struct CheckRun: Sendable {
    /// What the run is about; every field but the target is optional.
    public struct Request: Sendable {
        /// The resolved connection target.
        public var target: TargetResolver.Target
        /// What the user said about the local mongod (`--config`, `--dbpath`, `--port`, …).
        public var local: LocalSetup
        /// Whether any local flag was given: the local checks then always run.
        public var localRequested: Bool
        /// `--log`: the mongod log to explain.
        public var logPath: String?
        /// The platform whose paths and commands to use.
        public var platform: Platform
        /// The per-stage network timeout.
        public var timeout: Duration
        /// The failure catalog for log analysis.
        public var catalog: DiagnosticCatalog
        /// Whether to apply the automatic fixes (each plan goes to `confirm` first).
        public var applyFixes: Bool
        /// `--db NAME` (with `--users`, `--sessions`): the auth store the `authstore` check examines after `auth`.
        public var authStore: AuthStoreTarget?

        /// Creates a request.
        public init(
            target: TargetResolver.Target, local: LocalSetup = LocalSetup(), localRequested: Bool = false,
            logPath: String? = nil, platform: Platform = .current, timeout: Duration = .seconds(3),
            catalog: DiagnosticCatalog, applyFixes: Bool = false, authStore: AuthStoreTarget? = nil
        ) {
            self.target = target
            self.local = local
            self.localRequested = localRequested
            self.logPath = logPath
            self.platform = platform
            self.timeout = timeout
            self.catalog = catalog
            self.applyFixes = applyFixes
            self.authStore = authStore
        }
    }

    /// What a run found and did.
    public struct Outcome: Sendable {
        /// The target the checks ran against (a default target follows `--port`).
        public var target: TargetResolver.Target
        /// Every check's result, connection stages first.
        public var results: [CheckResult]
        /// The fixes applied (empty unless the request asked and `confirm` agreed).
        public var applied: [AppliedFix]
        /// Whether the local mongod checks ran.
        public var ranLocalChecks: Bool
        /// Whether the target is this machine (`LocalTargetRule`).
        public var isLocal: Bool = false
        /// What the `tcp` stage saw on the local mongod's port (`nil` for a remote target or an untried port).
        public var portAnswer: PortAnswer? = nil
        /// The local mongod's effective settings, when the local checks ran (`config.parse`'s fact).
        public var localSettings: LocalSettings? = nil
        /// The `mongod` binary found, when the local checks ran (`mongod.binary`'s fact).
        public var binary: MongodBinary? = nil

        /// Creates an outcome (the run makes them; front ends' tests script them).
        public init(
            target: TargetResolver.Target, results: [CheckResult], applied: [AppliedFix] = [], ranLocalChecks: Bool,
            isLocal: Bool = false, portAnswer: PortAnswer? = nil, localSettings: LocalSettings? = nil, binary: MongodBinary? = nil
        ) {
            self.target = target
            self.results = results
            self.applied = applied
            self.ranLocalChecks = ranLocalChecks
            self.isLocal = isLocal
            self.portAnswer = portAnswer
            self.localSettings = localSettings
            self.binary = binary
        }
    }

    /// The connection probes (resolver, dialer, TLS, libmongoc).
    public var connectionProbes: ConnectionProbes
    /// The local probes (files, ports, processes, users, host, programs).
    public var localProbes: LocalProbes
    /// Which targets are this machine.
    public var localRule: LocalTargetRule

    /// Creates a run over the given outside world.
    public init(connectionProbes: ConnectionProbes, localProbes: LocalProbes, localRule: LocalTargetRule) {
        self.connectionProbes = connectionProbes
        self.localProbes = localProbes
        self.localRule = localRule
    }

    /// Runs the checks for `request`; `confirm` is asked before any fix is applied.
    public func run(_ request: Request, confirm: @escaping @Sendable (FixPlan) async -> Bool = { _ in false }) async -> Outcome {
        var target = request.target
        if target.source == TargetResolver.defaultSource, let port = request.local.port {
            target.uri = "mongodb://localhost:\(port)"
        }
        let context = CheckContext(platform: request.platform, timeout: request.timeout)
        var results = await CheckRunner().run(ConnectionChecks.make(uri: target.uri, probes: connectionProbes, authStore: request.authStore), in: context)
        let connection = context.fact(ConnectionTarget.self)
        let isLocal = connection.map(localRule.isLocal) ?? false
        let elevation = CommandElevation.forReader(isRoot: localProbes.users.currentUser()?.isRoot == true, platform: request.platform)
        let wording = CatalogWording(catalog: request.catalog, platform: request.platform, elevation: elevation)
        let reachable = context.fact(ReachableEndpoints.self)
        let port = request.local.port ?? (isLocal ? connection?.seeds.first?.port : nil)
        // What the tcp stage saw on mongod's port: MongoDB (even if TLS or auth then fails: the local
        // checks would only add noise), another program (the local checks name it), or nothing.
        let answer: PortAnswer? = switch (isLocal, reachable, port) {
        case (false, _, _): nil
        case (true, nil, _): .nothing  // the tcp stage did not run: nothing was reachable
        case (true, let reachable?, let port?): reachable.portAnswer(port: port)  // nil: that port was not tried
        case (true, let reachable?, nil): reachable.somethingListens ? .mongodb : .nothing
        }
        guard request.localRequested || (isLocal && answer != .mongodb) else {
            return Outcome(target: target, results: wording.apply(to: results), applied: [], ranLocalChecks: false,
                           isLocal: isLocal, portAnswer: answer)
        }
        var setup = request.local
        setup.portAnswer = answer
        setup.port = port
        let analyzer = MongodLogAnalyzer(catalog: request.catalog, platform: request.local.platform)
        let checks = LocalChecks.make(setup: setup, probes: localProbes)
            + [ConfiguredLogCheck(explicitPath: request.logPath, analyzer: analyzer, files: localProbes.files)]
        let outcome = await Doctor(checks: checks).run(in: context, applyFixes: request.applyFixes, confirm: confirm)
        results += outcome.results
        return Outcome(target: target, results: wording.apply(to: results), applied: outcome.applied, ranLocalChecks: true,
                       isLocal: isLocal, portAnswer: answer, localSettings: context.fact(LocalSettings.self),
                       binary: context.fact(MongodBinary.self))
    }
}
