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
