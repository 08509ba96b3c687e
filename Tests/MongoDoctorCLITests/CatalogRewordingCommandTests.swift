import Foundation
import Testing
import TestSupport

/// `--catalog DIR` rewords connection findings: a user catalog overriding an entry changes what
/// `check` and `uri` print, filled with the run's values.
@Suite struct CatalogRewordingCommandTests {
    /// Writes a catalog file overriding `id` with `title` into a new temporary directory.
    static func userCatalog(id: String, title: String) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        let entry: [String: Any] = ["id": id, "severity": "error", "title": title, "explanation": "Custom explanation for \(id)."]
        let data = try JSONSerialization.data(withJSONObject: ["area": "test", "entries": [entry]])
        try data.write(to: URL(fileURLWithPath: dir.appending("reworded.json")))
        return dir
    }

    static func findings(_ stdout: String) throws -> [[String: Any]] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return report["findings"] as? [[String: Any]] ?? []
    }

    @Test func checkShowsTheUserCatalogsTitleForTcpRefused() throws {
        let refusing = try RefusingPort()
        let dir = try Self.userCatalog(id: "tcp.refused", title: "Niemand hört auf {endpoint}")
        defer { dir.remove() }
        let uri = "mongodb://127.0.0.1:\(refusing.port)"
        let json = try ProcessRunner.run("mongo-doctor", ["check", "--uri", uri, "--catalog", dir.path, "--json"])
        let text = try ProcessRunner.run("mongo-doctor", ["check", "--uri", uri, "--catalog", dir.path])
        withExtendedLifetime(refusing) {}
        let refused = try #require(try Self.findings(json.stdout).first { $0["id"] as? String == "tcp.refused" })
        #expect(refused["title"] as? String == "Niemand hört auf 127.0.0.1:\(refusing.port)")
        #expect(text.stdout.contains("Niemand hört auf 127.0.0.1:\(refusing.port)"))
        #expect(json.status == 1)
    }

    @Test func uriShowsTheUserCatalogsTitleForALintFinding() throws {
        let dir = try Self.userCatalog(id: "uri.unknown-option", title: "Unbekannte Option: {message}")
        defer { dir.remove() }
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "mongodb://h/?retryWrite=true", "--catalog", dir.path, "--json"])
        let finding = try #require(try Self.findings(out.stdout).first { $0["id"] as? String == "uri.unknown-option" })
        let title = try #require(finding["title"] as? String)
        #expect(title.hasPrefix("Unbekannte Option: ") && title.contains("retryWrite"))
        #expect(finding["detail"] as? String == "Custom explanation for uri.unknown-option.")
        #expect(out.status == 0, "a warning alone still exits 0")
    }

    @Test func uriWithoutAUserCatalogUsesTheBuiltInExplanation() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "mongodb://h/?retryWrite=true", "--json"])
        let finding = try #require(try Self.findings(out.stdout).first { $0["id"] as? String == "uri.unknown-option" })
        #expect((finding["detail"] as? String)?.contains("Drivers ignore options they do not know") == true)
    }

    @Test func uriRejectsAMissingCatalogDirectory() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", "mongodb://h/", "--catalog", "/nonexistent-catalog-dir"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("nonexistent-catalog-dir"))
    }
}
