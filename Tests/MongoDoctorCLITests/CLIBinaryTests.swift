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
        let ids = (report["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.first == "tcp.refused")
        // A local target that does not answer: the local mongod checks ran too, on the target's port.
        let checks = (report["checks"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(checks.contains("dbpath") && checks.contains("port") && checks.contains("mongod.log"))
        let port = (report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "port" }?["detail"] as? String
        #expect(port?.hasPrefix("port 1 ") == true)
    }

    @Test func remoteLookingTargetDoesNotTriggerLocalChecks() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", "mongodb://nosuchhost.invalid/", "--json"])
        let checks = (try json(out)["checks"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(checks == ["uri", "dns", "tcp", "tls", "hello", "topology", "auth"])
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

@Suite struct URICommandTests {
    func json(_ args: [String]) throws -> (Int32, [String: Any]) {
        let out = try ProcessRunner.run("mongo-doctor", args)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return (out.status, object)
    }

    @Test func validURIHasTheDocumentedSection() throws {
        let (status, report) = try json(["uri", "mongodb://app:s3cret-pw@db1:27018,[::1]/shop?replicaSet=rs0&w=majority&retryWrites=false", "--json"])
        #expect(status == 0)
        let uri = try #require(report["uri"] as? [String: Any])
        #expect(uri["valid"] as? Bool == true)
        #expect(uri["scheme"] as? String == "mongodb")
        let hosts = try #require(uri["hosts"] as? [[String: Any]])
        #expect(hosts.map { $0["type"] as? String } == ["hostname", "ip_literal"])
        #expect(hosts.map { $0["host"] as? String } == ["db1", "::1"])
        #expect(hosts.first?["port"] as? Int == 27018)
        #expect(hosts.last?["port"] is NSNull)
        let auth = try #require(uri["auth"] as? [String: Any])
        #expect(auth["username"] as? String == "app" && auth["passwordGiven"] as? Bool == true && auth["db"] as? String == "shop")
        let options = try #require(uri["options"] as? [String: Any])
        #expect(options["replicaSet"] as? String == "rs0")
        #expect(options["retryWrites"] as? Bool == false)
        #expect(options["w"] as? String == "majority")
        #expect((uri["warnings"] as? [Any])?.isEmpty == true)
        #expect(report["target"] as? String == "mongodb://app:*****@db1:27018,[::1]/shop?replicaSet=rs0&w=majority&retryWrites=false")
    }

    @Test("invalid URIs exit 1 with their finding", arguments: [
        ("mongodb://user:p@ss@localhost:27017/", "uri.unescaped-at"),
        ("\"mongodb://localhost/\"", "uri.quoted"),
        ("mongodb://localhost/?tls=true&ssl=false", "uri.conflicting-options"),
        ("postgres://localhost/", "uri.bad-scheme"),
        ("mongodb://h:99999/", "uri.bad-port"),
    ])
    func invalid(uri: String, expected: String) throws {
        let (status, report) = try json(["uri", uri, "--json"])
        #expect(status == 1)
        let ids = (report["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.contains(expected))
        #expect((report["uri"] as? [String: Any])?["valid"] as? Bool == false)
    }

    /// Issue 8: `valid` is the spec's verdict; libmongoc's opinion is reported beside it, and does
    /// not change the exit status.
    @Test("the spec allows it, libmongoc does not: exit 0, a warning, driverAccepts false", arguments: [
        ("mongodb://h:27017?tls=true", "mongodb://h:27017/?tls=true"),
        ("mongodb://app:S3cr3t-pw@localhost/admin.shoe", "mongodb://app:*****@localhost/?authSource=admin.shoe"),
        ("mongodb://example.com/?wTimeoutMS=invalid", "mongodb://example.com/"),
    ])
    func driverRejectsIsAWarning(uri: String, used: String) throws {
        let (status, report) = try json(["uri", uri, "--json"])
        #expect(status == 0)
        let section = try #require(report["uri"] as? [String: Any])
        #expect(section["valid"] as? Bool == true)
        #expect(section["driverAccepts"] as? Bool == false)
        let error = try #require(section["driverError"] as? String)
        #expect(!error.isEmpty && !error.contains("S3cr3t-pw"))
        let finding = try #require((report["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "uri.driver-rejects" })
        #expect(finding["severity"] as? String == "warning")
        #expect((finding["detail"] as? String)?.contains("C, C++, PHP, Swift") == true)
        let evidence = finding["evidence"] as? [String] ?? []
        #expect(evidence.contains { $0.contains("later stages used the equivalent form libmongoc accepts: \(used)") }, "\(evidence)")
    }

    @Test func driverOpinionOfAnAcceptedString() throws {
        let (_, report) = try json(["uri", "mongodb://localhost/", "--json"])
        let section = try #require(report["uri"] as? [String: Any])
        #expect(section["driverAccepts"] as? Bool == true)
        #expect(section["driverError"] is NSNull)
    }

    @Test("--encode-password prints the password percent-encoded, and nothing else", arguments: [
        ("p@ss:w/rd?#%", "p%40ss%3Aw%2Frd%3F%23%25\n"), ("plain\n", "plain\n"), ("caf\u{E9} &=\r\n", "caf%C3%A9%20%26%3D\n"),
    ])
    func encodePassword(stdin: String, expected: String) throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "--encode-password"], stdin: stdin)
        #expect(out.status == 0)
        #expect(out.stdout == expected)
        #expect(out.stderr.isEmpty)
    }

    @Test func encodePasswordTakesNoConnectionString() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "--encode-password", "mongodb://u:Sup3r-Secret-Pw@h/"], stdin: "Sup3r-Secret-Pw")
        #expect(out.status == 2)
        #expect(!out.combined.contains("Sup3r-Secret-Pw"))
        #expect(out.stdout.isEmpty)
    }

    @Test func passwordFixPointsAtEncodePassword() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "mongodb://app:Sup3r@Secret@localhost/"])
        #expect(out.stdout.contains("$ mongo-doctor uri --encode-password"))
        #expect(!out.combined.contains("Sup3r@Secret") && !out.combined.contains("Secret@"))
    }

    @Test func aNewlineIsShownEscapedInTheText() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "mongodb://h:27017/\nadmin"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("target mongodb://h:27017/\\nadmin"))
        #expect(!out.stdout.contains("27017/\n"))
    }

    @Test func warningsAloneStillExitZero() throws {
        let (status, report) = try json(["uri", "mongodb://localhost/?retryWrite=true", "--json"])
        #expect(status == 0)
        let warnings = (report["uri"] as? [String: Any])?["warnings"] as? [String]
        #expect(warnings?.first?.contains("retryWrites") == true)
    }
}
