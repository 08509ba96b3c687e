import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import MongodDiagnosis
import Testing
import TestSupport

/// `check` when another program holds mongod's port, with real loopback listeners: the `port`
/// check uses what the `tcp` stage saw there instead of assuming any listener is the server.
@Suite struct PortHolderRunTests {
    static let http = Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)

    func request(_ uri: String, source: String = "--uri", local: LocalSetup = LocalSetup(), requested: Bool = false) throws -> CheckRun.Request {
        CheckRun.Request(
            target: .init(uri: uri, source: source), local: local, localRequested: requested, platform: .linux,
            timeout: .seconds(2), catalog: try DiagnosticCatalog.load(directories: [ConfiguredLogCheckTests.diagnostics]))
    }

    func finding(_ outcome: CheckRun.Outcome, _ check: CheckID, _ id: FindingID) -> Finding? {
        outcome.results.first { $0.id == check }?.findings.first { $0.id == id }
    }

    @Test("an HTTP server on the local target's port: tcp.not-mongodb, then the local checks run and port.in-use names it")
    func httpOnTheTargetPort() async throws {
        let listener = try LoopbackListener(.reply(Self.http))
        defer { listener.stop() }
        let outcome = await CheckRun.live.run(try request("mongodb://127.0.0.1:\(listener.port)"))
        #expect(finding(outcome, "tcp", .tcpNotMongodb) != nil)
        #expect(outcome.ranLocalChecks)
        let port = try #require(finding(outcome, "port", .portInUse))
        #expect(port.severity == .error)
        #expect(port.title.contains("pid \(getpid())") && port.title.hasSuffix("which is not MongoDB"))
        #expect(port.detail.contains(#"it answered "HTTP/1.1 400 Bad Request..Content"#))
        #expect(outcome.results.first { $0.id == "port" }?.detail.contains("the server answers there") == false)
    }

    @Test("check --port N (the default target follows it) against a peer that closes: port.in-use, not 'the server answers there'")
    func portFlagAgainstAClosingPeer() async throws {
        let listener = try LoopbackListener(.close)
        defer { listener.stop() }
        let outcome = await CheckRun.live.run(try request(
            TargetResolver.defaultURI, source: TargetResolver.defaultSource, local: LocalSetup(port: listener.port), requested: true))
        #expect(outcome.target.uri == "mongodb://localhost:\(listener.port)")
        let port = try #require(finding(outcome, "port", .portInUse))
        #expect(port.severity == .error)
        #expect(port.detail.contains("it closed the connection without answering a MongoDB hello"))
        #expect(port.fixes.map(\.id) == [.portStopHolder, .portChooseOther, .portFindHolder])
    }

    @Test("the target refuses on 127.0.0.1 while a program holds the port on [::1]: the holder is named")
    func holderOnTheOtherFamily() async throws {
        let holder = try IPv6OnlyHolder()
        let outcome = await CheckRun.live.run(try request("mongodb://127.0.0.1:\(holder.port)"))
        #expect(outcome.results.first { $0.id == "tcp" }?.findings.first?.id == .tcpRefused)
        #expect(outcome.ranLocalChecks)
        let port = try #require(finding(outcome, "port", .portInUse))
        #expect(port.severity == .error)
        #expect(port.title.contains("pid \(getpid())"))
        #expect(port.evidence.contains("on port \(holder.port): nothing answers"))
        withExtendedLifetime(holder) {}
    }

    @Test("--port names a port the tcp stage never tried: what answers is unknown, the holder is still named")
    func portNotTried() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let refusing = try RefusingPort()
        // The URI's port refuses; --port names another port the tcp stage never tried: nobody knows what answers there.
        let outcome = await CheckRun.live.run(try request(
            "mongodb://127.0.0.1:\(refusing.port)", local: LocalSetup(port: listener.port), requested: true))
        let port = try #require(finding(outcome, "port", .portInUse))
        #expect(port.title.contains("pid \(getpid())"))
        #expect(!port.evidence.contains { $0.hasPrefix("on port ") })
    }
}
