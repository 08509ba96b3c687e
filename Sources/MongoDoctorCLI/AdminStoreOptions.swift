import ArgumentParser
import AuthAdmin
import AuthStore

/// Which auth store `users` and `sessions` work on: MongoDB (`--uri`, `--db`, `--users`,
/// `--sessions`) or a SQLite file (`--sqlite PATH`), and the token format.
struct AdminStoreOptions: ParsableArguments {
    @OptionGroup var target: TargetOptions
    @Option(name: .long, help: "Database (default: the URI's path, else auth).") var db: String?
    @Option(name: .long, help: "Users collection name.") var users = "users"
    @Option(name: .long, help: "Sessions collection name.") var sessions = "sessions"
    @Option(name: .long, help: "Work on the SQLite store at PATH instead (it must exist: provision --sqlite creates it).") var sqlite: String?
    @Option(name: .long, help: "lucia-v3, sha256 or split (default: provision's ledger, else detected from the data, else split).") var sessionFormat: String?
    @Flag(name: .long, help: "Print one JSON object (schema version 1) instead of text.") var json = false

    func validate() throws {
        if let db { try AuthStoreOptions.validateDatabaseName(db) }
        if users.isEmpty || sessions.isEmpty || users == sessions { throw ValidationError("--users and --sessions must be two collection names") }
        if let sessionFormat, SessionTokenFormat(rawValue: sessionFormat) == nil {
            throw ValidationError("--session-format must be lucia-v3, sha256 or split, got \(sessionFormat)")
        }
        if let sqlite {
            if sqlite.isEmpty { throw ValidationError("--sqlite needs a path") }
            if target.uri != nil || db != nil || users != "users" || sessions != "sessions" {
                throw ValidationError("--sqlite PATH names the store: no --uri, --db, --users or --sessions")
            }
        }
    }

    /// The store these flags name.
    var adminTarget: AdminTarget {
        if let sqlite { return .sqlite(path: sqlite) }
        return .mongo(target.resolveTarget(), database: db, users: users, sessions: sessions, timeout: target.timeout)
    }

    /// Opens the store, runs `body` on it, closes it, prints the result and exits with its status.
    func run(_ command: String, _ body: (AuthAdmin) async throws -> AdminResult) async throws {
        let opened = try await AdminStore.open(adminTarget, format: sessionFormat.flatMap(SessionTokenFormat.init(rawValue:)), command: command)
        let result: AdminResult
        do {
            result = try await body(AuthAdmin(store: opened.store, command: command))
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
        try AdminRenderer.emit(result, command: command, store: opened.description, json: json)
    }
}
