public import AuthStore
import ConnectionString
import DoctorChecks
public import DoctorCore
public import DoctorRun
import Foundation
import LocalMongod
import MongoBridge
import MongodDiagnosis
import Provisioning

/// The start-up check of a MongoDB store: `mongo-doctor check --db NAME`'s run (the connection
/// ladder, then the read-only `authstore` check), through the same library call. An error finding
/// refuses the store; warnings are passed on as notes.
public struct MongoPreflight: Sendable {
    /// The target as resolved (`--store`, `--uri`, `MONGODB_URI`, `.env`).
    public var target: TargetResolver.Target
    /// `--db` as given (`nil`: the URI's path, else `auth`).
    public var databaseFlag: String?
    /// The collection names.
    public var users: String, sessions: String
    /// The token format asked for, if any (it goes into the suggested `provision` command).
    public var format: SessionTokenFormat?
    /// Per-stage network timeout.
    public var timeout: Duration

    /// Creates the check.
    public init(target: TargetResolver.Target, databaseFlag: String?, users: String = "users", sessions: String = "sessions",
                format: SessionTokenFormat? = nil, timeout: Duration = .seconds(3)) {
        self.target = target
        self.databaseFlag = databaseFlag
        self.users = users
        self.sessions = sessions
        self.format = format
        self.timeout = timeout
    }

    /// The database the store lives in: `--db`, else the URI's path, else `auth` (as `provision` decides).
    public var database: String {
        MongoProvisioner.databaseName(flag: databaseFlag, uriDatabase: (try? MongoURI(target.uri))?.database)
    }

    /// Runs the checks with `run` (`CheckRun.live` outside tests).
    public func check(with run: CheckRun = .live) async -> StoreReadiness {
        let catalog = (try? CatalogLocator().directories()).flatMap { try? DiagnosticCatalog.load(directories: $0) } ?? DiagnosticCatalog(entries: [])
        let store = AuthStoreTarget(database: database, users: users, sessions: sessions)
        let request = CheckRun.Request(target: target, timeout: timeout, catalog: catalog, authStore: store)
        return readiness(of: await run.run(request).results)
    }

    /// Serve or refuse, from the check results (pure).
    public func readiness(of results: [CheckResult]) -> StoreReadiness {
        let errors = results.flatMap(\.findings).filter { $0.severity == .error }
        let silentFailures = results.filter { [.failed, .crashed].contains($0.status) && !$0.findings.contains { $0.severity == .error } }
        let problems = errors.map { "\($0.title) [\($0.id)]" } + silentFailures.map { "\($0.title): \($0.detail)" }
        guard problems.isEmpty else {
            // The store was read: provision fixes it. It was not (the connection failed): check says why.
            let storeRead = results.first { $0.id == .authStore }.map { !$0.findings.isEmpty } ?? false
            return .refused(problems: problems, fix: storeRead ? provisionCommand : checkCommand)
        }
        let notes = results.flatMap(\.findings).filter { $0.severity == .warning }.map { "\($0.title) [\($0.id)]" }
        return .ready(notes: notes)
    }

    /// `mongo-doctor provision` for this store (the URI only when a flag gave it, its password masked).
    public var provisionCommand: String {
        var argv = ["mongo-doctor", "provision"] + targetArguments
        if let format { argv += ["--session-format", format.rawValue] }
        return ShellQuoting.render(argv, for: .current)
    }

    /// `mongo-doctor check --db` for this store, which names the broken stage.
    public var checkCommand: String {
        ShellQuoting.render(["mongo-doctor", "check"] + targetArguments, for: .current)
    }

    private var targetArguments: [String] {
        // MONGODB_URI and .env are read by mongo-doctor too; a URI from a flag is shown without its password.
        var argv = target.source == "--uri" || target.source == "--store" ? ["--uri", URIRedaction.redact(target.uri)] : []
        argv += ["--db", database]
        if users != "users" { argv += ["--users", users] }
        if sessions != "sessions" { argv += ["--sessions", sessions] }
        return argv
    }
}
