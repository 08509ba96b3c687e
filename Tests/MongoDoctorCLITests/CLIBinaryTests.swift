import Foundation
import Testing
import TestSupport

/// Runs the built `mongo-doctor` binary and checks its output and exit codes.
@Suite struct CLIBinaryTests {
    func json(_ output: ProcessRunner.Output) throws -> [String: Any] {
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 1, "--json prints exactly one line: \(output.stdout)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func refusedPortIsAnErrorFindingWithExitOne() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", "mongodb://127.0.0.1:1", "--json"])
        #expect(out.status == 1)
        let report = try json(out)
        #expect(report["verdict"] as? String == "error")
        let ids = (report["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["tcp.refused"])
    }

    @Test("bad arguments exit 2", arguments: [
        ["--timeout", "0"], ["check", "--no-such-flag"], ["uri"], ["log"], ["frobnicate"],
    ])
    func badArguments(args: [String]) throws {
        let out = try ProcessRunner.run("mongo-doctor", args)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("mongo-doctor: "))
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try ProcessRunner.run("mongo-doctor", ["--help"])
        #expect(help.status == 0)
        for sub in ["check", "uri", "log", "provision", "migrate", "users", "sessions"] { #expect(help.stdout.contains(sub)) }
        #expect(try ProcessRunner.run("mongo-doctor", ["--version"]).stdout.contains("."))
    }

    @Test func targetComesFromEnvironmentThenDotEnv() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "MONGODB_URI=\"mongodb://127.0.0.1:2/\"\n".write(toFile: dir.appending(".env"), atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["MONGODB_URI"] = nil
        let fromDotEnv = try json(ProcessRunner.run("mongo-doctor", ["--json"], environment: env, directory: dir.path))
        #expect(fromDotEnv["target"] as? String == "mongodb://127.0.0.1:2/")
        #expect(fromDotEnv["targetSource"] as? String == ".env")
        env["MONGODB_URI"] = "mongodb://127.0.0.1:3/"
        let fromEnv = try json(ProcessRunner.run("mongo-doctor", ["--json"], environment: env, directory: dir.path))
        #expect(fromEnv["targetSource"] as? String == "MONGODB_URI")
        #expect(fromEnv["target"] as? String == "mongodb://127.0.0.1:3/")
    }

    /// Every subcommand, with a URI carrying a password in every place a user could put it.
    @Test func noOutputEverContainsThePassword() throws {
        let secret = "Sup3r-Secret-Pw"
        let uri = "mongodb://app:\(secret)@127.0.0.1:1/shop"
        var env = ProcessInfo.processInfo.environment
        env["MONGODB_URI"] = "mongodb://app:\(secret)@127.0.0.1:1/env"
        let invocations: [[String]] = [
            [], ["check", "--uri", uri], ["check", "--uri", uri, "--json"], ["check", "--uri", uri, "-v"],
            ["--uri", uri, "--timeout", "x"], ["uri", uri], ["uri", uri, "--json"], ["uri", "mongodb://app:\(secret)@h@x/"],
            ["log", "-"], ["provision", "--help"], ["migrate"], ["users"], ["sessions"], ["check", "--bogus", uri],
        ]
        for args in invocations {
            let out = try ProcessRunner.run("mongo-doctor", args, environment: env, stdin: "not a log \(secret)\n")
            #expect(!out.combined.contains(secret), "password leaked by: mongo-doctor \(args.joined(separator: " "))")
        }
    }
}

@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct CLILiveTests {
    @Test func healthyServerIsOkAndNamesItsVersion() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", try TestServer.requireURI(), "--json"])
        #expect(out.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(report["verdict"] as? String == "ok")
        let findings = report["findings"] as? [[String: Any]] ?? []
        let version = findings.first { $0["id"] as? String == "server.version" }?["title"] as? String
        #expect(version?.hasPrefix("MongoDB ") == true)
    }

    @Test func authServerPasswordNeverPrinted() throws {
        let uri = try TestServer.requireAuthURI()
        let password = try #require(uri.split(separator: ":")[2].split(separator: "@").first.map(String.init))
        for args in [["check", "--uri", uri], ["check", "--uri", uri, "--json", "-v"]] {
            let out = try ProcessRunner.run("mongo-doctor", args)
            #expect(out.status == 0)
            #expect(!out.combined.contains(password))
        }
    }
}
