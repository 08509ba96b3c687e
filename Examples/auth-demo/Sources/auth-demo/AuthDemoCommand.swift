import ArgumentParser
import AuthDemo
import AuthStore
import DoctorRun
import Foundation
import Hummingbird
import Logging
import MongoBridge
import PasswordHashing

/// `auth-demo`: the Lucia + Astro login flow on AuthStore. Parses the flags, checks the store and
/// refuses an unprovisioned one, then serves until SIGINT or SIGTERM.
@main
struct AuthDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth-demo",
        abstract: "Serve the sign-up / login / dashboard demo of AuthStore.",
        discussion: """
            The store is --store sqlite:PATH or --store/--uri mongodb://…; else $MONGODB_URI, then MONGODB_URI in \
            ./.env (read as mongo-doctor reads them); else sqlite:auth.db. It must be provisioned (mongo-doctor \
            provision): on start it is checked, and an unprovisioned store is refused with the command to run. \
            Exit status: 0 stopped by a signal, 1 the store is not ready, 2 bad arguments or a store that cannot be opened.
            """)

    @Option(name: .long, help: "sqlite:PATH or a mongodb:// connection string (default: sqlite:auth.db unless a MongoDB URI is configured).")
    var store: String?
    @Option(name: .long, help: "MongoDB connection string (default: $MONGODB_URI, then MONGODB_URI in ./.env).")
    var uri: String?
    @Option(name: .long, help: "MongoDB database (default: the URI's path, else auth).")
    var db: String?
    @Option(name: .long, help: "MongoDB users collection.")
    var users = "users"
    @Option(name: .long, help: "MongoDB sessions collection.")
    var sessions = "sessions"
    @Option(name: .long, help: "lucia-v3, sha256 or split (default: what the store holds or provision recorded).")
    var sessionFormat: String?
    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on (0: any free port, printed at start).")
    var port = 4321
    @Flag(name: .long, help: "Mark the session cookie Secure (serve behind HTTPS).")
    var secureCookies = false
    @Option(name: .long, help: "Seconds each MongoDB check stage may take.")
    var timeout: Double = 3

    /// Runs with the project's exit codes: 0 stopped by a signal, 1 the store is not ready, 2 bad
    /// arguments or a store that cannot be opened (argument-parser's own 64 becomes 2).
    static func main() async {
        // Before anything can fail or be killed: libmongoc's counter segment goes (see MongoRuntime).
        MongoRuntime.ensureInitialized()
        do {
            let command = try parseAsRoot()
            guard let demo = command as? AuthDemoCommand else { throw CleanExit.helpRequest() }
            try await demo.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError("auth-demo: " + fullMessage(for: error))
            Foundation.exit(2)
        }
    }

    func validate() throws {
        if let sessionFormat, SessionTokenFormat(rawValue: sessionFormat) == nil {
            throw ValidationError("--session-format must be lucia-v3, sha256 or split, got \(sessionFormat)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, got \(port)") }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds, got \(timeout)") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address") }
    }

    func run() async throws {
        let choice: StoreChoice
        do {
            choice = try StoreChoice.resolve(store: store, uri: uri, database: db, users: users, sessions: sessions, resolver: .currentProcess)
        } catch {
            throw ValidationError(error.description)
        }
        let format = sessionFormat.flatMap(SessionTokenFormat.init(rawValue:))
        let opening: DemoStore.Opening
        do {
            opening = try await DemoStore.open(choice, format: format, timeout: .milliseconds(Int(timeout * 1000)))
        } catch {
            Self.printError(error.description)
            throw ExitCode(2)
        }
        let demoStore: DemoStore
        switch opening {
        case .refused(let problems, let fix):
            Self.printError("auth-demo: refusing to serve: the store is not ready")
            for problem in problems { Self.printError("  ✗ \(problem)") }
            Self.printError("Run: \(fix)")
            throw ExitCode(1)
        case .opened(let opened, let notes):
            for note in notes { Self.printError("auth-demo: note: \(note)") }
            demoStore = opened
        }
        let hasher = PasswordHasher()
        do {
            try await serve(demoStore, hasher: hasher)
        } catch {
            await hasher.shutdown()
            await demoStore.close()
            throw error
        }
        await hasher.shutdown()
        await demoStore.close()
    }

    private func serve(_ store: DemoStore, hasher: PasswordHasher) async throws {
        let views = try await Views.load()
        var logger = Logger(label: "auth-demo")
        logger.logLevel = .info
        let services = DemoServices(store: store, hasher: hasher, cookie: SessionCookie(secure: secureCookies), views: views)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let label = store.label
        let app = AuthDemoApp.application(services, host: host, port: port, logger: logger) { bound in
            // One line on standard output, written at once (scripts and the browser test wait for it).
            FileHandle.standardOutput.write(Data("auth-demo: serving http://\(shownHost):\(bound ?? 0)/ (accounts in \(label), sessions \(store.store.tokenFormat))\n".utf8))
        }
        try await app.runService()
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
