import ArgumentParser
import AuthAdmin
import AuthStore
import ConnectionString
import DoctorRun
import Foundation
import MongoBridge
import Provisioning

/// `mongo-doctor provision`: creates the auth collections, validators and indexes (and, when asked,
/// the sharding of sessions and an app role and user), or the SQLite store's tables. Thin: parse,
/// call Provisioning, render, exit.
struct ProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provision",
        abstract: "Create the auth collections, validators, indexes and app user (idempotent; --dry-run plans only).",
        discussion: """
            Creates what is absent and leaves the rest: a second run changes nothing and says so. The app \
            user's password comes from --password-stdin or MONGO_DOCTOR_APP_PASSWORD, never from an argument. \
            Exit status: 0 every step applied or unchanged, 1 a step in conflict, blocked or failed, 2 no run.
            """)

    @OptionGroup var target: TargetOptions
    @Option(name: .long, help: "Database (default: the URI's path, else auth).") var db: String?
    @Option(name: .long, help: "lucia-v3 (users, sessions) or lucia-v2 (users, sessions, keys).") var layout: String = ProvisionLayout.luciaV3.rawValue
    @Option(name: .long, help: "lucia-v3, sha256 or split (default: detected from the data, split for a new database).") var sessionFormat: String?
    @Flag(name: .long, help: "Print every step and write nothing.") var dryRun = false
    @Flag(name: .long, help: "Drop and recreate an index with the same keys but other options; replace another validator.") var replaceConflicting = false
    @Flag(name: .long, help: "Through a mongos, shard sessions on {_id: \"hashed\"}.") var shardSessions = false
    @Option(name: .long, help: "Create a role with find/insert/update/remove on the auth collections and a user NAME with it.") var createAppUser: String?
    @Flag(name: .long, help: "Read the app user's password on standard input (else MONGO_DOCTOR_APP_PASSWORD).") var passwordStdin = false
    @Option(name: .long, help: "Provision the SQLite store at PATH instead (created when absent).") var sqlite: String?
    @Option(name: .long, help: "Users collection name.") var users = "users"
    @Option(name: .long, help: "Sessions collection name.") var sessions = "sessions"
    @Option(name: .long, help: "Keys collection name (lucia-v2).") var keys = "keys"
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard ProvisionLayout(rawValue: layout) != nil else { throw ValidationError("--layout must be lucia-v3 or lucia-v2, got \(layout)") }
        if let sessionFormat, SessionTokenFormat(rawValue: sessionFormat) == nil {
            throw ValidationError("--session-format must be lucia-v3, sha256 or split, got \(sessionFormat)")
        }
        if passwordStdin, createAppUser == nil { throw ValidationError("--password-stdin needs --create-app-user NAME") }
        if sqlite != nil, createAppUser != nil || shardSessions { throw ValidationError("--sqlite provisions a file: no app user, no sharding") }
    }

    func run() async throws {
        let format = sessionFormat.flatMap(SessionTokenFormat.init(rawValue:))
        let outcome: ProvisionOutcome
        if let sqlite {
            do { outcome = try await SQLiteProvisioner.run(path: sqlite, format: format, dryRun: dryRun, toolVersion: MongoDoctorVersion.current) } catch {
                throw RunError("provision: \(ErrorWords.of(error))")
            }
        } else {
            outcome = try await provisionMongo(format: format)
        }
        FileHandle.standardOutput.write(Data(ProvisionRenderer.render(outcome, json: output.json).utf8))
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }

    func provisionMongo(format: SessionTokenFormat?) async throws -> ProvisionOutcome {
        let connection = try MongoTargetConnection.open(target.resolveTarget(), timeout: target.timeout, command: "provision")
        let request = ProvisionRequest(
            database: MongoProvisioner.databaseName(flag: db, uriDatabase: connection.uri.database),
            layout: ProvisionLayout(rawValue: layout) ?? .luciaV3,
            names: AuthCollectionNames(users: users, sessions: sessions, keys: keys),
            sessionFormat: format, dryRun: dryRun, replaceConflicting: replaceConflicting, shardSessions: shardSessions,
            appUser: try createAppUser.map { AppUserRequest(name: $0, password: try appPassword()) },
            toolVersion: MongoDoctorVersion.current)
        do {
            let outcome = try await MongoProvisioner.run(request, pool: connection.pool)
            await connection.close()
            return outcome
        } catch {
            await connection.close()
            throw connection.failure("provision", error)
        }
    }

    /// The app user's password: standard input with `--password-stdin`, else `MONGO_DOCTOR_APP_PASSWORD`.
    func appPassword() throws -> String {
        let password = passwordStdin ? try PasswordInput.read() : ProcessInfo.processInfo.environment["MONGO_DOCTOR_APP_PASSWORD"] ?? ""
        guard !password.isEmpty else {
            throw RunError("--create-app-user needs a password: --password-stdin, or MONGO_DOCTOR_APP_PASSWORD in the environment")
        }
        return password
    }
}
