import ArgumentParser
import AuthAdmin
import AuthStore
import DoctorRun
import Foundation
import Migration
import MongoBridge
import Provisioning

/// `mongo-doctor migrate`: Lucia v2 to v3 in MongoDB, or a Lucia SQLite file into MongoDB.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move auth data to Lucia v3's MongoDB layout: from Lucia v2 in MongoDB, or from a Lucia SQLite file.",
        discussion: """
            Resumable (rerun after any interruption: documents are upserted by _id), verified (counts and a \
            sample compared field by field), recorded in provision's ledger. Exit status: 0 migrated and \
            verified, nothing skipped; 1 rows skipped (each listed with its reason) or a provision step not \
            done; 2 no run (bad input, bad options, no connection), or a run stopped by a write the server \
            refused or a server that stayed down (transient errors are retried first; run it again to \
            finish); 3 the verification failed.
            """,
        subcommands: [MigrateSQLiteCommand.self, MigrateV2Command.self])
}

/// The options both migrations share.
struct MigrateOptions: ParsableArguments {
    @OptionGroup var target: TargetOptions
    @Option(name: .long, help: "Target database (default: the URI's path, else auth).") var db: String?
    @Option(name: .long, help: "Users collection name.") var users = "users"
    @Option(name: .long, help: "Sessions collection name.") var sessions = "sessions"
    @Option(name: .long, help: "OAuth accounts collection name.") var oauthAccounts = "oauth_accounts"
    @Option(name: .long, help: "lucia-v3 (keep session ids) or sha256 (store the SHA-256 hex of each id); split is refused.") var sessionFormat: String?
    @Option(name: .long, help: "Rows per read and documents per bulk write.") var batchSize = 1000
    @Flag(name: .long, help: "Read and convert, print counts, skips and samples; write nothing.") var dryRun = false
    @Flag(name: .long, help: "Print one JSON object (schema version 1).") var json = false

    func validate() throws {
        if let db { try AuthStoreOptions.validateDatabaseName(db) }
        if Set([users, sessions, oauthAccounts]).count != 3 || users.isEmpty || sessions.isEmpty || oauthAccounts.isEmpty {
            throw ValidationError("--users, --sessions and --oauth-accounts must be three collection names")
        }
        if let sessionFormat, SessionTokenFormat(rawValue: sessionFormat) == nil {
            throw ValidationError("--session-format must be lucia-v3 or sha256, got \(sessionFormat)")
        }
        guard batchSize >= 1, batchSize <= 100_000 else { throw ValidationError("--batch-size must be between 1 and 100000, got \(batchSize)") }
    }

    func request(database: String, connection: MongoTargetConnection, keys: String = "keys", keepExpired: Bool = false, dropKeys: Bool = false) -> MigrationRequest {
        MigrationRequest(database: database, names: AuthCollectionNames(users: users, sessions: sessions, keys: keys), oauthAccounts: oauthAccounts,
                         sessionFormat: sessionFormat.flatMap(SessionTokenFormat.init(rawValue:)), dryRun: dryRun, keepExpired: keepExpired,
                         dropKeys: dropKeys, batchSize: batchSize, toolVersion: MongoDoctorVersion.current, retry: retryPolicy(connection))
    }

    /// Transient errors are retried for a heartbeat of the connection's (its `heartbeatFrequencyMS`, 10 s
    /// by default) and a `--timeout`, five attempts at least (README, migrate: write faults).
    func retryPolicy(_ connection: MongoTargetConnection) -> MigrationRetryPolicy {
        let heartbeat = Duration.milliseconds(Int(connection.uri.intOption("heartbeatFrequencyMS", default: 10_000)))
        return MigrationRetryPolicy(window: MigrationRetryPolicy.window(heartbeat: heartbeat, selection: .milliseconds(Int(target.timeout * 1000))))
    }

    /// Opens the target, runs `body`, renders the outcome and exits with its status.
    func run(_ command: String, _ body: (MongoTargetConnection, String, ProgressBar?) async throws -> MigrationOutcome) async throws {
        let connection = try MongoTargetConnection.open(target.resolveTarget(), timeout: target.timeout, maxSize: SQLiteMigration.inFlight + 1, command: command)
        let database = MongoProvisioner.databaseName(flag: db, uriDatabase: connection.uri.database)
        let bar = ProgressBar.onTerminal()
        let outcome: MigrationOutcome
        do {
            outcome = try await body(connection, database, bar)
            bar?.finish()
            await connection.close()
        } catch let error as MigrationError {
            bar?.finish()
            await connection.close()
            throw RunError("\(command): \(error)")
        } catch {
            bar?.finish()
            await connection.close()
            throw connection.failure(command, error)
        }
        FileHandle.standardOutput.write(Data(MigrateRenderer.render(outcome, json: json).utf8))
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}

/// `migrate sqlite --from auth.db`.
struct MigrateSQLiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sqlite",
        abstract: "Copy a Lucia SQLite file (v2 user/user_key/user_session, auth_*, or v3 user/session) into MongoDB's v3 layout.",
        discussion: "The file is opened read-only and never written. Expired sessions are left out (counted) unless --keep-expired.")

    @Option(name: .long, help: "The SQLite file (better-sqlite3's auth.db).") var from: String
    @Option(name: .long, help: "The tables, when not detected: USER,SESSION or USER,SESSION,KEY.") var tables: String?
    @Flag(name: .long, help: "Copy expired sessions too.") var keepExpired = false
    @OptionGroup var options: MigrateOptions

    func run() async throws {
        let named = tables.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        try await options.run("migrate sqlite") { connection, database, bar in
            try await SQLiteMigration.run(path: from, tables: named, request: options.request(database: database, connection: connection, keepExpired: keepExpired),
                                          pool: options.dryRun ? nil : connection.pool, progress: bar?.handler)
        }
    }
}

/// `migrate lucia-v2-to-v3`.
struct MigrateV2Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lucia-v2-to-v3",
        abstract: "Turn Lucia v2's MongoDB collections (users, sessions, keys) into Lucia v3's, in place.",
        discussion: "Sessions get expires_at (a Date) from idle_expires; users get hashed_password, username and email from their keys; OAuth keys become oauth_accounts. The keys collection is kept unless --drop-keys.")

    @Option(name: .long, help: "Keys collection name.") var keys = "keys"
    @Flag(name: .long, help: "Drop the keys collection once the verification passed (and nothing was skipped).") var dropKeys = false
    @OptionGroup var options: MigrateOptions

    func run() async throws {
        try await options.run("migrate lucia-v2-to-v3") { connection, database, bar in
            try await V2Migration.run(request: options.request(database: database, connection: connection, keys: keys, dropKeys: dropKeys), pool: connection.pool, progress: bar?.handler)
        }
    }
}
