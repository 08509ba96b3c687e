import ConnectionString
import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import MongoBridge
import MongodDiagnosis
import Testing
import TestSupport
import TLSProbe

/// The connection findings `check` reports are worded by the catalog (`Diagnostics/connection.json`):
/// each stage family, run for real on loopback (scripted DNS, TLS verdict and libmongoc answers where
/// nothing real can produce them), reports the catalog's title and fixes filled with the run's values.
@Suite struct ConnectionWordingTests {
    /// A name that is not this machine, resolved by the fake resolver to 127.0.0.1.
    static let host = "db.example.test"
    static let catalog = Result { try DiagnosticCatalog.load(directories: [ConfiguredLogCheckTests.diagnostics]) }
    static let hello = ServerHello(version: "7.0.4", maxWireVersion: 21, setName: nil, isMongos: false, hosts: [], reply: ["ok": 1])

    /// The catalog entry `id`, its `{name}`s replaced by `values` (what the test knows the run saw).
    /// (The code's own titles often read the same; its details never do, so each test compares those too.)
    static func expected(_ id: FindingID, _ values: [String: String]) throws
        -> (title: String, detail: String, fixes: [(id: FixID, summary: String, commands: [String])]) {
        let entry = try #require(try catalog.get().entry(id: id))
        func fill(_ text: String) -> String { values.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) } }
        return (fill(entry.title), fill(entry.explanation), (entry.fixes[.linux] ?? []).map { ($0.id, fill($0.summary), $0.commands.map(fill)) })
    }

    /// Runs `check` for `uri` over these probes, on Linux, with the built-in catalog.
    static func run(_ uri: String, server: ScriptedServerProbe = ScriptedServerProbe(hello: .success(hello)),
                    tls: (any TLSProber)? = nil, resolver: FakeResolver = FakeResolver(hosts: [host: [.v4]])) async throws -> [Finding] {
        let run = CheckRun(
            connectionProbes: ConnectionProbes(resolver: resolver, dialer: LiveDialer(), tlsProber: tls, server: server),
            localProbes: .live, localRule: LocalTargetRule(hostName: "devbox"))
        let request = CheckRun.Request(target: .init(uri: uri, source: "--uri"), platform: .linux, timeout: .seconds(2),
                                       catalog: try catalog.get())
        return await run.run(request).results.flatMap(\.findings)
    }

    static func finding(_ id: FindingID, in findings: [Finding]) throws -> Finding {
        try #require(findings.first { $0.id == id }, "\(id) not in \(findings.map(\.id))")
    }

    @Test func uriLintFindingsTakeTheCatalogsExplanationAndFix() async throws {
        let uri = "mongodb://\(Self.host):1/?retryWrite=true"
        let issue = try #require(URILinter.lint(uri).issues.first { $0.id == URIIssueID.unknownOption })
        let suggestion = try #require(issue.suggestion)
        let finding = try Self.finding("uri.unknown-option", in: try await Self.run(uri))
        let entry = try #require(try Self.catalog.get().entry(id: "uri.unknown-option"))
        let expected = try Self.expected("uri.unknown-option", ["message": issue.message, "suggestion": suggestion])
        #expect(finding.title == expected.title)
        #expect(finding.detail == expected.detail)
        #expect(finding.detail == entry.explanation)
        #expect(finding.fixes.map(\.summary) == expected.fixes.map(\.summary))
    }

    @Test func dnsNotFoundIsTheCatalogsTitleAndCommand() async throws {
        let findings = try await Self.run("mongodb://nosuch.example.test:27017/")
        let finding = try Self.finding(.dnsNotFound, in: findings)
        let expected = try Self.expected(.dnsNotFound, ["host": "nosuch.example.test", "reason": DNSFailure.notFound.explanation])
        #expect(finding.title == expected.title)
        #expect(finding.detail == expected.detail)
        #expect(finding.fixes.map(\.commands) == expected.fixes.map(\.commands))
        #expect(finding.fixes.first?.commands == ["getent hosts nosuch.example.test"])
    }

    @Test func tcpRefusedOnARemoteHostShowsOnlyTheFixTheCodeChose() async throws {
        let refusing = try RefusingPort()
        let findings = try await Self.run("mongodb://\(Self.host):\(refusing.port)/")
        withExtendedLifetime(refusing) {}
        let finding = try Self.finding(.tcpRefused, in: findings)
        let expected = try Self.expected(.tcpRefused, ["endpoint": "\(Self.host):\(refusing.port)", "host": Self.host, "port": "\(refusing.port)"])
        #expect(finding.title == expected.title)
        #expect(finding.detail == expected.detail)
        // A remote host: "check bind_ip", not "start mongod here".
        #expect(finding.fixes.map(\.id) == [.mongodCheckBindIp])
        #expect(finding.fixes.map(\.summary) == expected.fixes.filter { $0.id == .mongodCheckBindIp }.map(\.summary))
    }

    @Test func tlsExpiredIsTheCatalogsTitleAndCommand() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let tls = ScriptedTLSProber(result: TLSHandshakeResult(certificate: nil, failure: .expired))
        let findings = try await Self.run("mongodb://\(Self.host):\(listener.port)/?tls=true", tls: tls)
        let finding = try Self.finding(.tlsExpired, in: findings)
        let expected = try Self.expected(.tlsExpired, ["endpoint": "\(Self.host):\(listener.port)"])
        #expect(finding.title == expected.title)
        #expect(finding.detail == expected.detail)
        #expect(finding.fixes.map(\.commands) == expected.fixes.map(\.commands))
        #expect(finding.fixes.first?.commands.first?.contains("-connect \(Self.host):\(listener.port) ") == true)
    }

    @Test func helloAndTopologyFindingsAreTheCatalogs() async throws {
        let listener = try LoopbackListener(.reply(opMsgOKReply()))
        defer { listener.stop() }
        var hello = Self.hello
        hello.setName = "rs0"
        let findings = try await Self.run("mongodb://\(Self.host):\(listener.port)/?directConnection=true",
                                          server: ScriptedServerProbe(hello: .success(hello)))
        let endpoint = "\(Self.host):\(listener.port)"
        let version = try Self.expected(.serverVersion, ["version": "7.0.4", "endpoint": endpoint, "topology": "replica set rs0", "wireVersion": "21"])
        #expect(try Self.finding(.serverVersion, in: findings).title == version.title)
        let noPrimary = try Self.finding(.topologyNoPrimary, in: findings)
        let expected = try Self.expected(.topologyNoPrimary, ["setName": "rs0"])
        #expect(noPrimary.title == expected.title)
        #expect(noPrimary.detail == expected.detail)
        #expect(noPrimary.fixes.map(\.summary) == expected.fixes.map(\.summary))
    }

    @Test func aHelloErrorNamesItsServerThroughTheCatalogNotAPrefix() async throws {
        let listener = try LoopbackListener(.reply(opMsgOKReply()))
        defer { listener.stop() }
        let endpoint = "\(Self.host):\(listener.port)"
        let error = MongoError(domain: 15, code: 13053, message: "No suitable servers found: [connection closed calling hello on '\(endpoint)']")
        let findings = try await Self.run("mongodb://\(endpoint)/", server: ScriptedServerProbe(hello: .failure(error)))
        let finding = try Self.finding(.tcpClosed, in: findings)
        #expect(finding.check == .hello)
        let expected = try Self.expected(.tcpClosed, ["endpoint": endpoint])
        #expect(finding.title == expected.title)
        #expect(finding.detail == expected.detail)
        #expect(finding.evidence.first == "server: \(endpoint)")
    }

    @Test func authFailedIsTheCatalogsTitleAndFix() async throws {
        let listener = try LoopbackListener(.reply(opMsgOKReply()))
        defer { listener.stop() }
        let server = ScriptedServerProbe(hello: .success(Self.hello)) { _ in
            .failure(MongoError(domain: 1, code: 11, message: "Authentication failed."))
        }
        let findings = try await Self.run("mongodb://app:pw-1234@\(Self.host):\(listener.port)/?authSource=admin", server: server)
        let finding = try Self.finding(.authFailed, in: findings)
        let expected = try Self.expected(.authFailed, ["username": "app"])
        #expect(finding.title == expected.title)
        #expect(finding.detail == expected.detail)
        #expect(finding.fixes.map(\.summary) == expected.fixes.map(\.summary))
        #expect(!finding.values.values.contains { $0.contains("pw-1234") }, "values never hold the password")
    }
}
