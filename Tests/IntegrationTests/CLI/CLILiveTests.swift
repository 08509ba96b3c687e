import Foundation
import Testing
import TestSupport

@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct CLILiveTests {
    @Test func healthyServerIsOkAndNamesItsVersion() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", try TestServer.requireURI(), "--json"])
        #expect(out.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(report["verdict"] as? String == "ok")
        let findings = report["findings"] as? [[String: Any]] ?? []
        let version = findings.first { $0["id"] as? String == "server.version" }?["title"] as? String
        #expect(version?.hasPrefix("MongoDB ") == true, "\(String(describing: version))")
    }

    @Test func aHealthyServerOnThePortIsNeverPortInUse() throws {
        let uri = try TestServer.requireURI()
        let port = try #require(uri.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", uri, "--port", String(port), "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { $0["id"] as? String == "port.in-use" })
        let check = (report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "port" }
        #expect((check?["detail"] as? String)?.hasPrefix("port \(port): the server answers there") == true, "\(String(describing: check))")
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

/// `mongo-doctor uri`: no network, the `"uri"` JSON section, exit 0 valid / 1 invalid.
