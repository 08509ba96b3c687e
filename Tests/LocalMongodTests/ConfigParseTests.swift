import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing

@Suite("config.parse")
struct ConfigParseTests {
    struct BrokenYAML: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        let line: Int
        let hint: String
        var description: String { name }
    }

    static let brokenFiles: [BrokenYAML] = [
        BrokenYAML(name: "tab indentation", text: "storage:\n\tdbPath: /var/lib/mongodb\n", line: 2, hint: "tab"),
        BrokenYAML(
            name: "double-quoted Windows path", text: "storage:\n  dbPath: \"C:\\data\\db\"\nnet:\n  port: 27017\n",
            line: 2, hint: "single quotes"),
        BrokenYAML(
            name: "unquoted Windows path with a colon", text: "systemLog:\n  path: C:\\Program Files\\MongoDB: log\\mongod.log\n",
            line: 2, hint: "Windows path"),
        BrokenYAML(name: "bad indentation", text: "net:\n  port: 27017\n bindIp: 127.0.0.1\n", line: 3, hint: ""),
    ]

    @Test("invalid YAML is located by line and column, with the likely cause", arguments: brokenFiles)
    func invalidYAML(_ sample: BrokenYAML) async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let path = try dir.write("mongod.conf", sample.text)
        let outcome = try await runCheck("config.parse", LocalSetup(configPath: path, serviceUser: "root"))
        let finding = try #require(outcome.finding("config.invalid-yaml"))
        #expect(finding.severity == .error)
        #expect(finding.title.contains("line \(sample.line)"))
        #expect(finding.title.contains("column"))
        if !sample.hint.isEmpty {
            #expect(finding.evidence.joined(separator: "\n").contains(sample.hint))
        }
    }

    /// Bytes that are not UTF-8 (a binary file, a PNG, a Latin-1 comment) are `config.invalid-yaml` at the
    /// first bad byte (mongod's parser refuses them too), never `config.unreadable` with a chmod fix.
    @Test(
        "a configuration that is not UTF-8 is invalid at its first bad byte",
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 1, 1, "0x89 at byte offset 0"),
            (Array("net:\n  port: 27017\n# caf".utf8) + [0xE9] + Array("\n".utf8), 3, 6, "0xE9 at byte offset 24"),
            (Array("storage:\n  dbPath: /data/".utf8) + [0xC3], 2, 17, "0xC3 at byte offset 25"),
        ] as [([UInt8], Int, Int, String)])
    func notUTF8(_ bytes: [UInt8], _ line: Int, _ column: Int, _ byte: String) async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let path = dir.sub("mongod.conf")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let outcome = try await runCheck("config.parse", LocalSetup(configPath: path, serviceUser: "root"))
        #expect(outcome.finding("config.unreadable") == nil)
        let finding = try #require(outcome.finding("config.invalid-yaml"))
        #expect(finding.title.contains("line \(line), column \(column)"), "\(finding.title)")
        #expect(finding.evidence.joined(separator: "\n").contains("not UTF-8 text (byte \(byte))"), "\(finding.evidence)")
    }

    @Test(
        "unknown options are errors with a did-you-mean",
        arguments: [
            ("storage:\n  dbpath: /data/db\n", "storage.dbpath", "storage.dbPath"),
            ("net:\n  bindIP: 127.0.0.1\n", "net.bindIP", "net.bindIp"),
            ("systemLog:\n  destination: file\n  pth: /var/log/mongod.log\n", "systemLog.pth", "systemLog.path"),
            ("security:\n  authorisation: enabled\n", "security.authorisation", "security.authorization"),
        ])
    func unknownOption(_ text: String, _ key: String, _ suggestion: String) async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let path = try dir.write("mongod.conf", text)
        let outcome = try await runCheck("config.parse", LocalSetup(configPath: path, serviceUser: "root"))
        let finding = try #require(outcome.finding("config.unknown-option"))
        #expect(finding.severity == .error)
        #expect(finding.title.contains(key))
        #expect(finding.title.contains("did you mean \(suggestion)?"))
    }

    @Test(
        "known options, subtrees and empty sections are accepted",
        arguments: [
            "setParameter: {}\n",
            "security:\n",
            "net:\n  tls:\n    mode: requireTLS\n    certificateKeyFile: /etc/ssl/mongo.pem\n",
            "systemLog:\n  component:\n    accessControl:\n      verbosity: 2\n",
            "processManagement:\n  windowsService:\n    serviceName: MongoDB\n",
            "replication:\n  replSetName: rs0\nsharding:\n  clusterRole: shardsvr\n",
            "",
        ])
    func knownOptions(_ text: String) async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let path = try dir.write("mongod.conf", text)
        let outcome = try await runCheck("config.parse", LocalSetup(configPath: path, serviceUser: "root"))
        #expect(outcome.findings.isEmpty, "\(outcome.findings.map(\.title))")
    }

    @Test("a valid config passes and publishes the effective settings with provenance")
    func validConfigPublishesSettings() async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let text = """
            storage:
              dbPath: \(dir.sub("data"))
              journal:
                enabled: true
              wiredTiger:
                engineConfig:
                  cacheSizeGB: 1
            systemLog:
              destination: file
              path: \(dir.sub("mongod.log"))
            net:
              port: 27999
              bindIp: 127.0.0.1
            setParameter:
              enableLocalhostAuthBypass: false
            """
        let path = try dir.write("mongod.conf", text)
        let checks = LocalChecks.make(setup: LocalSetup(configPath: path, port: 28000, serviceUser: "root"), probes: .live)
        let context = CheckContext(platform: .linux)
        let check = try #require(checks.first { $0.id == "config.parse" })
        let outcome = try await check.run(in: context)
        #expect(outcome.findings.isEmpty)
        let settings = try #require(context.fact(LocalSettings.self))
        #expect(settings.dbPath == Setting(dir.sub("data"), .config, origin: "\(path) line 2"))
        #expect(settings.port.value == 28000 && settings.port.provenance == .flag)
        #expect(settings.logPath?.provenance == .config)
        #expect(settings.serviceUser.provenance == .flag)
        #expect(settings.configState == .parsed)
    }

    @Test("a missing --config file is an error; one unreadable by the service user too")
    func unreadable() async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let missing = try await runCheck("config.parse", LocalSetup(configPath: dir.sub("absent.conf"), serviceUser: "root"))
        #expect(missing.finding("config.unreadable")?.severity == .error)

        let privateFile = try dir.write("mongod.conf", "net:\n  port: 27017\n", owner: 0, group: 0, mode: 0o600)
        let outcome = try await runCheck("config.parse", LocalSetup(configPath: privateFile, serviceUser: "nobody"))
        let finding = try #require(outcome.finding("config.unreadable"))
        #expect(finding.title.contains("nobody"))
        #expect(finding.evidence.contains { $0.hasPrefix("-rw------- root:root") })
        #expect(finding.allCommands == [AsThisUser.sudo("chgrp nogroup \(privateFile)"), AsThisUser.sudo("chmod 640 \(privateFile)")])
    }

    @Test("without --config and no file in the usual place, mongod runs with defaults")
    func noConfig() async throws {
        try #require(!FileManager.default.fileExists(atPath: "/etc/mongod.conf"))
        let outcome = try await runCheck("config.parse", LocalSetup())
        #expect(outcome.findings.isEmpty)
        #expect(outcome.detail.contains("/etc/mongod.conf"))
    }
}
