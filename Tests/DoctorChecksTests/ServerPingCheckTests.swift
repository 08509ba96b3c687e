import DoctorChecks
import DoctorCore
import MongoBridge
import Testing
import TestSupport

/// A probe with a scripted answer, for the check's own logic.
struct ScriptedProbe: ServerProbe {
    let result: Result<ServerHello, MongoError>
    func hello(uri: String, timeout: Duration) async throws -> ServerHello { try result.get() }
}

@Suite struct ServerPingCheckTests {
    @Test func reachableServerPublishesHelloAndReportsVersion() async throws {
        let hello = ServerHello(version: "7.0.4", maxWireVersion: 21, setName: nil, isMongos: false, hosts: [], reply: [:])
        let context = CheckContext()
        let outcome = try await ServerPingCheck(uri: "mongodb://h", probe: ScriptedProbe(result: .success(hello))).run(in: context)
        #expect(outcome.resolvedStatus == .passed)
        #expect(outcome.detail == "MongoDB 7.0.4, standalone, wire version 21")
        #expect(outcome.findings.map(\.id) == ["server.version"])
        #expect(context.fact(ServerHello.self) == hello)
    }

    @Test func driverErrorBecomesAScrubbedFinding() async throws {
        let error = MongoError(domain: 15, code: 13053, message: "[Failed to resolve 'ss@localhost'] for user:pw-secret-1")
        let outcome = try await ServerPingCheck(uri: "mongodb://user:pw-secret-1@h", probe: ScriptedProbe(result: .failure(error)))
            .run(in: CheckContext())
        #expect(outcome.resolvedStatus == .failed)
        #expect(outcome.findings.map(\.id) == ["dns.not-found"])
        #expect(!outcome.findings[0].detail.contains("pw-secret-1"))
    }
}

@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct ServerPingCheckLiveTests {
    @Test func pingsTheTestServer() async throws {
        let outcome = try await ServerPingCheck(uri: try TestServer.requireURI()).run(in: CheckContext())
        #expect(outcome.resolvedStatus == .passed)
        #expect(outcome.detail.hasPrefix("MongoDB "))
    }

    @Test func pingsTheTLSServerWithItsCA() async throws {
        let outcome = try await ServerPingCheck(uri: try TestServer.requireTLSURI()).run(in: CheckContext())
        #expect(outcome.resolvedStatus == .passed)
    }

    @Test func wrongPasswordIsAuthFailed() async throws {
        let good = try TestServer.requireAuthURI()
        let bad = good.replacingAll("admin:", with: "admin:wrong")
        let outcome = try await ServerPingCheck(uri: bad).run(in: CheckContext())
        #expect(outcome.findings.map(\.id) == ["auth.failed"])
    }

    @Test func closedLoopbackPortIsRefused() async throws {
        let outcome = try await ServerPingCheck(uri: "mongodb://127.0.0.1:1/").run(in: CheckContext(timeout: .seconds(2)))
        #expect(outcome.findings.map(\.id) == ["tcp.refused"])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
