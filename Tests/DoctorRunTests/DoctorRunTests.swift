import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import MongodDiagnosis
import Testing
import TestSupport

@Suite struct LocalTargetRuleTests {
    @Test("which targets are this machine", arguments: [
        ("mongodb://localhost:27017", true), ("mongodb://127.0.0.1:1", true), ("mongodb://127.8.9.10", true),
        ("mongodb://[::1]:27017", true), ("mongodb://devbox:27017", true), ("mongodb://DEVBOX", true),
        ("mongodb://localhost,db.example.com", false), ("mongodb://db.example.com", false),
        ("mongodb+srv://localhost", false), ("mongodb://%2Ftmp%2Fmongodb-27017.sock", false),
    ])
    func isLocal(uri: String, local: Bool) async throws {
        let context = CheckContext()
        _ = await CheckRunner().run([URICheck(uri: uri)], in: context)
        let target = try #require(context.fact(ConnectionTarget.self))
        #expect(LocalTargetRule(hostName: "DevBox").isLocal(target) == local)
    }
}

@Suite struct ConfiguredLogCheckTests {
    static let failedStartup = #"{"t":{"$date":"2024-01-01T00:00:00.000Z"},"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory /data/db not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}}"#

    func analyzer() throws -> MongodLogAnalyzer {
        MongodLogAnalyzer(catalog: try DiagnosticCatalog.load(directories: [Self.diagnostics]), platform: .linux)
    }

    static var diagnostics: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Diagnostics")
    }

    @Test func readsTheLogThroughTheInjectedFileSystem() async throws {
        let files = InMemoryFiles(files: ["/var/log/mongodb/mongod.log": Self.failedStartup])
        let check = ConfiguredLogCheck(explicitPath: "/var/log/mongodb/mongod.log", analyzer: try analyzer(), files: files)
        let outcome = try await check.run(in: CheckContext(platform: .linux))
        #expect(outcome.findings.map(\.id).contains("dbpath.missing"))
        #expect(outcome.resolvedStatus == .failed)
    }

    @Test func aLargeRealLogIsReadFromItsEndThroughTheLiveFileSystem() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let routine = #"{"t":{"$date":"2024-01-01T00:00:00.000Z"},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{"remote":"127.0.0.1:40000","connectionCount":3}}"#
        let starting = #"{"t":{"$date":"2024-01-01T00:00:00.000Z"},"s":"I","c":"CONTROL","id":4615611,"ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db"}}"#
        let text = String(repeating: routine + "\n", count: 40_000) + starting + "\n" + Self.failedStartup + "\n"
        try text.write(toFile: dir.appending("mongod.log"), atomically: true, encoding: .utf8)
        let check = ConfiguredLogCheck(explicitPath: dir.appending("mongod.log"), analyzer: try analyzer(), files: LiveFileSystem())
        let outcome = try await check.run(in: CheckContext(platform: .linux))
        #expect(outcome.findings.map(\.id) == ["dbpath.missing", "log.exit-code"])
        #expect(outcome.detail.contains(": 2 lines, 1 startup(s), exit code 100"))
    }

    @Test func anAbsentLogIsNotApplicable() async throws {
        let check = ConfiguredLogCheck(explicitPath: "/nowhere/mongod.log", analyzer: try analyzer(), files: InMemoryFiles(files: [:]))
        let outcome = try await check.run(in: CheckContext(platform: .linux))
        #expect(outcome.isNotApplicable)
        #expect(outcome.detail == "no log at /nowhere/mongod.log yet")
    }

    @Test func anUnreadableLogThrowsNamingThePath() async throws {
        let files = InMemoryFiles(files: ["/l/mongod.log": "x"], unreadable: ["/l/mongod.log"])
        let check = ConfiguredLogCheck(explicitPath: "/l/mongod.log", analyzer: try analyzer(), files: files)
        await #expect { try await check.run(in: CheckContext(platform: .linux)) } throws: { error in
            String(describing: error) == "cannot read log /l/mongod.log: Permission denied"
        }
    }
}

@Suite struct CheckRunTests {
    func request(_ target: TargetResolver.Target, local: LocalSetup = LocalSetup(), requested: Bool = false) throws -> CheckRun.Request {
        CheckRun.Request(
            target: target, local: local, localRequested: requested, platform: .linux, timeout: .seconds(2),
            catalog: try DiagnosticCatalog.load(directories: [ConfiguredLogCheckTests.diagnostics]))
    }

    @Test func aLocalTargetThatRefusesGetsTheLocalChecksOnItsPort() async throws {
        let refusing = try RefusingPort()
        let outcome = await CheckRun.live.run(try request(.init(uri: "mongodb://127.0.0.1:\(refusing.port)", source: "--uri")))
        #expect(outcome.ranLocalChecks)
        #expect(outcome.results.first { $0.id == "tcp" }?.findings.first?.id == .tcpRefused)
        let port = try #require(outcome.results.first { $0.id == "port" })
        #expect(port.detail.hasPrefix("port \(refusing.port) "))
        #expect(outcome.applied.isEmpty)
    }

    @Test func aRemoteTargetGetsNoLocalChecksUnlessAsked() async throws {
        let remote = TargetResolver.Target(uri: "mongodb://nosuchhost.invalid/", source: "--uri")
        let plain = await CheckRun.live.run(try request(remote))
        #expect(!plain.ranLocalChecks)
        #expect(plain.results.map(\.id.rawValue) == ["uri", "dns", "tcp", "tls", "hello", "topology", "auth"])
        let asked = await CheckRun.live.run(try request(remote, local: LocalSetup(dbPath: "/nonexistent-md"), requested: true))
        #expect(asked.ranLocalChecks && asked.results.contains { $0.id == "dbpath" })
    }

    @Test func theDefaultTargetFollowsTheLocalPort() async throws {
        let refusing = try RefusingPort()
        let target = TargetResolver.Target(uri: TargetResolver.defaultURI, source: TargetResolver.defaultSource)
        let outcome = await CheckRun.live.run(try request(target, local: LocalSetup(port: refusing.port), requested: true))
        #expect(outcome.target.uri == "mongodb://localhost:\(refusing.port)")
        let explicit = await CheckRun.live.run(try request(.init(uri: "mongodb://127.0.0.1:1", source: "--uri"), local: LocalSetup(port: refusing.port), requested: true))
        #expect(explicit.target.uri == "mongodb://127.0.0.1:1")
    }
}
