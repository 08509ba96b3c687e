import Foundation
import Testing
import TestSupport

/// `mongo-doctor setup` end to end: the stand-in mongod (scripts/stand-in-mongod, SecantusDB behind
/// mongod's command line and log lines) first on PATH as `mongod`, real files, real processes, loopback
/// ports only. Every process a test starts is stopped at its end, whatever happened.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"), .serialized)
struct SetupLiveTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let standIn = root.appendingPathComponent("scripts/stand-in-mongod").path

    /// A temporary directory with `bin/mongod` → the stand-in, and a loopback port nothing holds now.
    struct Sandbox {
        let dir: TemporaryDirectory
        let port: Int
        var environment: [String: String] {
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = dir.appending("bin") + ":" + (env["PATH"] ?? "/usr/bin:/bin")
            env.removeValue(forKey: "MONGODB_URI")
            return env
        }

        init() throws {
            dir = try TemporaryDirectory(prefix: "md-setup")
            try FileManager.default.createDirectory(atPath: dir.appending("bin"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: dir.appending("bin/mongod"), withDestinationPath: SetupLiveTests.standIn)
            // Handed only to the stand-in, which binds it itself (LoopbackSocket.releasedPort's rule).
            port = try #require(LoopbackSocket.releasedPort())
        }

        func setup(_ extra: [String], stdin: String? = nil) throws -> ProcessRunner.Output {
            try ProcessRunner.run("mongo-doctor", ["setup", "--dbpath", dir.appending("db"), "--config", dir.appending("mongod.conf"),
                                                   "--port", String(port)] + extra,
                                  environment: environment, directory: dir.path, stdin: stdin)
        }

        /// Stops the stand-in started here (its pid is in mongod.lock, as mongod's is), then removes the directory.
        func tearDown() {
            if let text = try? String(contentsOfFile: dir.appending("db/mongod.lock"), encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.contains("mongod") == true
            {
                kill(pid, SIGTERM)
                for _ in 0..<100 where kill(pid, 0) == 0 { usleep(100_000) }
                if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
            }
            dir.remove()
        }
    }

    static func json(_ out: ProcessRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.combined)")
    }

    static func steps(_ report: [String: Any]) -> [String: String] {
        Dictionary((report["setup"] as? [[String: Any]] ?? []).map { ($0["step"] as? String ?? "", $0["status"] as? String ?? "") },
                   uniquingKeysWith: { a, _ in a })
    }

    @Test func aMissingDataDirectoryIsCreatedMongodStartsTheAuthLayerIsProvisionedAndEnvIsWritten() throws {
        let box = try Sandbox()
        defer { box.tearDown() }
        let original = "# app settings\r\nPORT=3000\nSECRET='keep me'\nLAST=no-newline"
        try Data(original.utf8).write(to: URL(fileURLWithPath: box.dir.appending(".env")))
        let password = "s3t:up@pw/1"

        let out = try box.setup(["--yes", "--create-app-user", "app", "--password-stdin", "--json"], stdin: password)
        let report = try Self.json(out)
        #expect(out.status == 0, "\(out.combined)")
        #expect(!out.stderr.contains("waiting for mongod"), "no spinner off a terminal: \(out.stderr)")
        let steps = Self.steps(report)
        for id in ["config.write", "dbpath.create-directory", "mongod.start", "mongod.wait", "provision", "recheck", "env.write"] {
            #expect(steps[id] == "done", "\(id): \(steps)")
        }
        #expect(!out.combined.contains(password) && !out.combined.contains("s3t%3Aup"))
        #expect(FileManager.default.fileExists(atPath: box.dir.appending("db/mongod.lock")))
        let env = try String(contentsOfFile: box.dir.appending(".env"), encoding: .utf8)
        let uri = "mongodb://app:s3t%3Aup%40pw%2F1@127.0.0.1:\(box.port)/auth"
        #expect(env == original + "\nMONGODB_URI=\(uri)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: box.dir.appending(".env"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let log = try String(contentsOfFile: box.dir.appending("mongod.log"), encoding: .utf8)
        #expect(log.contains("\"Waiting for connections\""), "mongod's log went to the configured file")

        // The app's connection string works, and the auth store checks green.
        let check = try ProcessRunner.run("mongo-doctor", ["check", "--uri", uri, "--json"], environment: box.environment)
        #expect(check.status == 0, "\(check.combined)")

        // Idempotent: a second run (no terminal, no --yes) changes nothing and says so.
        let again = try box.setup(["--create-app-user", "app", "--password-stdin"], stdin: password)
        #expect(again.status == 0, "\(again.combined)")
        #expect(again.stdout.contains("Nothing to change"), "\(again.stdout)")
        #expect(!again.stdout.contains("dry run"))
        #expect(try String(contentsOfFile: box.dir.appending(".env"), encoding: .utf8) == env)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1), util-linux"))
    func onATerminalTheWaitShowsASpinnerErasedBeforeTheReport() throws {
        let box = try Sandbox()
        defer { box.tearDown() }
        // script(1) runs the command with a pseudo-terminal as its standard input, output and error.
        let argv = [ProcessRunner.productsDirectory.appendingPathComponent("mongo-doctor").path, "setup", "--yes",
                    "--dbpath", box.dir.appending("db"), "--config", box.dir.appending("mongod.conf"), "--port", String(box.port)]
        let command = argv.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let out = try ProcessRunner.run(at: URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"],
                                        environment: box.environment, directory: box.dir.path)
        #expect(out.status == 0, "\(out.combined)")
        let text = out.stdout
        // The stand-in's server needs a moment to start, so the wait draws at least one frame.
        let frame = try #require(text.range(of: " waiting for mongod to answer (", options: .backwards), "\(text)")
        #expect(text.contains("\r⠙ waiting for mongod to answer ("), "the first frame, at the start of the line")
        let erase = try #require(text.range(of: "\r\u{1B}[K", range: frame.upperBound..<text.endIndex), "erased after the last frame")
        let report = try #require(text.range(of: "mongod.start", range: erase.upperBound..<text.endIndex), "the report follows the erase: \(text)")
        #expect(!text[erase.upperBound..<report.lowerBound].contains("waiting for mongod"))
    }

    @Test func aPortHeldByAnotherProgramIsPortInUseAndNothingIsStarted() throws {
        let box = try Sandbox()
        defer { box.tearDown() }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-m", "http.server", String(box.port), "--bind", "127.0.0.1"]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try ChildProcess.run(holder)
        defer {
            // SIGKILL: the child inherits this thread's signal mask, in which SIGTERM may be blocked.
            kill(holder.processIdentifier, SIGKILL)
            ChildProcess.waitForExit(holder)
        }
        try #require(LoopbackSocket.waitUntilAccepting(ip: "127.0.0.1", port: box.port))

        let out = try box.setup(["--yes", "--json"])
        #expect(out.status == 1)
        let report = try Self.json(out)
        let start = (report["setup"] as? [[String: Any]])?.first { $0["step"] as? String == "mongod.start" }
        #expect(start?["status"] as? String == "blocked")
        #expect(start?["finding"] as? String == "port.in-use")
        #expect((report["findings"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == "port.in-use" })
        #expect(!FileManager.default.fileExists(atPath: box.dir.appending("db")), "nothing changed for a mongod that cannot start")
        #expect(!FileManager.default.fileExists(atPath: box.dir.appending("mongod.conf")))
    }

    @Test func anAlreadyRunningHealthyServerIsOnlyProvisioned() throws {
        let uri = try TestServer.requireURI()
        let dir = try TemporaryDirectory(prefix: "md-setup")
        defer { dir.remove() }
        let db = TestServer.uniqueDatabaseName("setup")
        let out = try ProcessRunner.run("mongo-doctor", ["setup", "--uri", uri, "--db", db, "--yes", "--json"], directory: dir.path)
        #expect(out.status == 0, "\(out.combined)")
        let steps = Self.steps(try Self.json(out))
        #expect(steps == ["diagnose": "done", "mongod.start": "unchanged", "provision": "done", "recheck": "done", "env.write": "skipped"], "\(steps)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no file written")
    }

    @Test func theStandInFailsAsMongodDoes() throws {
        let box = try Sandbox()
        defer { box.tearDown() }
        let mongod = URL(fileURLWithPath: box.dir.appending("bin/mongod"))
        let log = box.dir.appending("missing.log")
        let missing = try ProcessRunner.run(at: mongod, ["--dbpath", box.dir.appending("nope"), "--port", String(box.port), "--logpath", log])
        #expect(missing.status == 100)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains(#""id":20557"#) && text.contains("NonExistentPath: Data directory"))
        let explained = try ProcessRunner.run("mongo-doctor", ["log", log, "--json"])
        #expect(explained.stdout.contains("\"dbpath.missing\""), "\(explained.stdout)")

        let held = try RefusingPort()  // bound on 127.0.0.1: mongod cannot listen there
        try FileManager.default.createDirectory(atPath: box.dir.appending("db"), withIntermediateDirectories: true)
        let taken = try ProcessRunner.run(at: mongod, ["--dbpath", box.dir.appending("db"), "--port", String(held.port), "--logpath", log])
        #expect(taken.status == 48)
        let explainedTaken = try ProcessRunner.run("mongo-doctor", ["log", log, "--json"])
        #expect(explainedTaken.stdout.contains("\"port.in-use\""), "\(explainedTaken.stdout)")
    }

    @Test func theStandInForksAsMongodDoesAndTheParentsWordsAreRead() throws {
        let box = try Sandbox()
        defer { box.tearDown() }
        let mongod = URL(fileURLWithPath: box.dir.appending("bin/mongod"))
        let log = box.dir.appending("mongod.log")
        // A failed child: the parent prints only the exit code, and the log file says why.
        let failed = try ProcessRunner.run(at: mongod, ["--fork", "--dbpath", box.dir.appending("nope"), "--port", String(box.port), "--logpath", log])
        #expect(failed.status == 100 && failed.stdout.contains("ERROR: child process failed, exited with error number 100"), "\(failed.combined)")
        let parent = try ProcessRunner.run("mongo-doctor", ["log", "-", "--json"], stdin: failed.stdout)
        #expect(parent.status == 1)
        let parentReport = try Self.json(parent)
        #expect((parentReport["log"] as? [String: Any])?["exitCode"] as? Int == 100)
        #expect((parentReport["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.contains("mongod.failed-no-cause"))
        let file = try ProcessRunner.run("mongo-doctor", ["log", log, "--json"])
        #expect(file.status == 1 && file.stdout.contains("\"dbpath.missing\""), "\(file.stdout)")

        // A started child: the parent says so and exits 0; the child serves and its log shows a clean startup.
        try FileManager.default.createDirectory(atPath: box.dir.appending("db"), withIntermediateDirectories: true)
        let started = try ProcessRunner.run(at: mongod, ["--fork", "--dbpath", box.dir.appending("db"), "--port", String(box.port), "--logpath", log])
        #expect(started.status == 0 && started.stdout.contains("child process started successfully, parent exiting"), "\(started.combined)")
        let startedLog = try ProcessRunner.run("mongo-doctor", ["log", log, "--json"])
        #expect(startedLog.status == 0, "\(startedLog.stdout)")
        let check = try ProcessRunner.run("mongo-doctor", ["check", "--uri", "mongodb://127.0.0.1:\(box.port)/?directConnection=true", "--json"])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
