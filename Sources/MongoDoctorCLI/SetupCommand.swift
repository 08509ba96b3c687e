import ArgumentParser
import BlockingWork
import ConnectionString
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import Provisioning
import Setup

/// `mongo-doctor setup`: from "mongod won't start" to a provisioned auth database and a connection
/// string in `.env`. Thin: parse, build the request, call `SetupFlow`, render, exit.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Diagnose, repair and start a local mongod, provision the auth layer, and write MONGODB_URI to .env.",
        discussion: """
            Runs the whole check; when the target is this machine and nothing answers, applies the automatic fixes, \
            writes a configuration file when there is none (never overwriting one), starts mongod (its service, or \
            mongod --config FILE in the background) and waits for hello; then provisions the auth collections (and \
            the app user), checks again with --db, and writes MONGODB_URI to the env file (mode 0600). --dry-run \
            prints the plan and changes nothing; so does a run without a terminal and without --yes. Exit status: \
            0 everything green, 1 a step failed, was blocked or is left to do, or an error finding; 2 no run.
            """)

    @Option(name: .long, help: "Connection string of the server to set up (default: $MONGODB_URI, else mongodb://127.0.0.1:PORT).")
    var uri: String?
    @Option(name: .long, help: "Seconds each network stage may take.") var timeout: Double = 3
    @Option(name: .long, help: "Auth database (default: the URI's path, else auth).") var db: String?
    @Option(name: .long, help: "Users collection name.") var users = "users"
    @Option(name: .long, help: "Sessions collection name.") var sessions = "sessions"
    @Option(name: .long, help: "mongod's configuration file (written when it does not exist; never overwritten).") var config: String?
    @Option(name: .long, help: "mongod's data directory.") var dbpath: String?
    @Option(name: .long, help: "mongod's port (default: from the config, else 27017).") var port: Int?
    @Option(name: .long, help: "Create a role with find/insert/update/remove on the auth collections and a user NAME with it.") var createAppUser: String?
    @Flag(name: .long, help: "Read the app user's password on standard input (else MONGO_DOCTOR_APP_PASSWORD).") var passwordStdin = false
    @Option(name: .long, help: "The env file to write MONGODB_URI to (default: ./.env when it exists, else print only).") var envFile: String?
    @Option(name: .long, help: "Seconds to wait for a started mongod to answer.") var wait: Double = 30
    @Flag(name: [.short, .long], help: "Do not ask; replace a different MONGODB_URI in the env file.") var yes = false
    @Flag(name: .long, help: "Print the whole plan and change nothing.") var dryRun = false
    @OptionGroup var platformOptions: PlatformOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds, got \(timeout)") }
        guard wait > 0, wait <= 3600 else { throw ValidationError("--wait must be between 0 and 3600 seconds, got \(wait)") }
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be 1 to 65535, got \(port)") }
        if passwordStdin, createAppUser == nil { throw ValidationError("--password-stdin needs --create-app-user NAME") }
        if let createAppUser, createAppUser.isEmpty { throw ValidationError("--create-app-user needs a name") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let target: TargetResolver.Target = if let uri { TargetResolver.Target(uri: uri, source: "--uri") }
            else if let env = environment["MONGODB_URI"], !env.isEmpty { TargetResolver.Target(uri: env, source: "MONGODB_URI") }
            else { TargetResolver.Target(uri: "mongodb://127.0.0.1:\(port ?? 27017)", source: TargetResolver.defaultSource) }
        let appUser = try createAppUser.map { SetupAppUser(name: $0, password: try appPassword()) }
        let platform = platformOptions.platform ?? .current
        let request = SetupRequest(
            target: target,
            local: LocalSetup(configPath: config, dbPath: dbpath, port: uri == nil ? nil : port, platform: platform),
            database: MongoProvisioner.databaseName(flag: db, uriDatabase: (try? ConnectionString.parse(target.uri))?.auth?.db),
            names: AuthCollectionNames(users: users, sessions: sessions), appUser: appUser,
            envFile: envFile ?? (FileManager.default.fileExists(atPath: ".env") ? ".env" : nil),
            wait: .milliseconds(Int(wait * 1000)), assumeYes: yes, dryRun: dryRun,
            interactive: isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1,
            platform: platform, timeout: .milliseconds(Int(timeout * 1000)), catalog: try platformOptions.loadCatalog(),
            toolVersion: MongoDoctorVersion.current)
        let clock = ContinuousClock()
        let start = clock.now
        let spinner = Spinner(enabled: isatty(STDERR_FILENO) == 1)
        let world = SetupWorld.live(confirm: { steps in await SetupCommand.confirm(steps) }, progress: { spinner.show($0) })
        let outcome = await SetupFlow(world: world).run(request)
        spinner.show(.waited)
        let rendered = SetupRenderer.render(outcome, output: output, elapsedMs: start.duration(to: clock.now).milliseconds)
        FileHandle.standardOutput.write(Data(rendered.utf8))
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// The app user's password: standard input with `--password-stdin`, else `MONGO_DOCTOR_APP_PASSWORD`.
    func appPassword() throws -> String {
        let password = passwordStdin ? try PasswordInput.read() : ProcessInfo.processInfo.environment["MONGO_DOCTOR_APP_PASSWORD"] ?? ""
        guard !password.isEmpty else {
            throw RunError("--create-app-user needs a password: --password-stdin, or MONGO_DOCTOR_APP_PASSWORD in the environment")
        }
        return password
    }

    /// Shows the plan on standard error and asks once (only on a terminal: `SetupRequest.interactive`).
    static func confirm(_ steps: [SetupStep]) async -> Bool {
        await BlockingExecutor.dedicatedThread {
            let plan = SetupRenderer.stepLines(steps, color: false).joined(separator: "\n")
            FileHandle.standardError.write(Data("mongo-doctor setup will:\n\(plan)\nApply? [y/N] ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return answer == "y" || answer == "yes"
        }
    }
}
