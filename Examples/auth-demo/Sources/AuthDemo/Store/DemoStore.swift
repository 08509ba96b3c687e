public import AuthAdmin
public import AuthStore
public import DoctorRun

/// The store the demo serves from, opened only after its start-up check passed.
public final class DemoStore: Sendable {
    /// The users and sessions.
    public let store: AuthStore
    /// Where it is, for the page footer and the start-up line: `SQLite auth.db`, `MongoDB auth`.
    public let label: String
    private let opened: AdminStore?

    /// Wraps an already opened store (tests build one over any backend).
    public init(store: AuthStore, label: String) {
        self.store = store
        self.label = label
        self.opened = nil
    }

    private init(opened: AdminStore) {
        self.store = opened.store
        self.opened = opened
        let place = opened.description.path ?? opened.description.database ?? ""
        self.label = "\(opened.description.backend == "sqlite" ? "SQLite" : "MongoDB") \(place)"
    }

    /// What opening a store came to.
    public enum Opening: Sendable {
        /// Ready to serve, with the check's warnings.
        case opened(DemoStore, notes: [String])
        /// Not provisioned (or not reachable): what is wrong, and the command that fixes it.
        case refused(problems: [String], fix: String)
    }

    /**
     Checks `choice` (SQLite: the schema report; MongoDB: `check --db`'s `authstore` run) and opens it
     when it is ready, through the same opener as `mongo-doctor users` (`AdminStore`).

     - Parameters:
       - format: `--session-format`; else the file's, or provision's ledger's, or the data's.
       - timeout: per-stage network timeout (MongoDB).
       - run: the checks' outside world (`CheckRun.live`).
     - Throws: `RunError` (exit 2) when the store cannot be opened: unreadable file, refused URI.
     */
    public static func open(_ choice: StoreChoice, format: SessionTokenFormat?, timeout: Duration = .seconds(3),
                            run: CheckRun = .live) async throws(RunError) -> Opening {
        let command = "auth-demo"
        switch choice {
        case .sqlite(let path):
            let checked: SQLitePreflight.Result
            do { checked = try await SQLitePreflight.check(path: path, format: format) } catch { throw RunError("\(command): \(error)") }
            guard case .ready(let notes) = checked.readiness else { return refusal(checked.readiness) }
            let opened = try await AdminStore.open(.sqlite(path: path), format: checked.format, command: command)
            return .opened(DemoStore(opened: opened), notes: notes)
        case .mongo(let target, let database, let users, let sessions):
            let preflight = MongoPreflight(target: target, databaseFlag: database, users: users, sessions: sessions, format: format, timeout: timeout)
            let readiness = await preflight.check(with: run)
            guard case .ready(let notes) = readiness else { return refusal(readiness) }
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            let opened = try await AdminStore.open(
                .mongo(target, database: preflight.database, users: users, sessions: sessions, timeout: seconds),
                format: format, command: command, maxClients: 8)
            return .opened(DemoStore(opened: opened), notes: notes)
        }
    }

    private static func refusal(_ readiness: StoreReadiness) -> Opening {
        if case .refused(let problems, let fix) = readiness { return .refused(problems: problems, fix: fix) }
        return .refused(problems: [], fix: "")
    }

    /// Closes the backend (pool or file).
    public func close() async { await opened?.close() }
}
