import DoctorCore
import Foundation
import Testing

@Suite struct RenderingTests {
    func sampleReport() -> Report {
        let fix = Fix(id: "dbpath.create-directory", summary: "Create the data directory", commands: ["mkdir -p /data/db"],
                      action: ClosureFixAction {})
        let failed = CheckResult(id: "dbpath", title: "Data directory", status: .failed, elapsedMs: 3, detail: "missing",
            findings: [Finding(id: "dbpath.missing", severity: .error, title: "The data directory /data/db does not exist",
                               detail: "mongod exits with code 100", evidence: ["stat /data/db: No such file"], fixes: [fix], check: "dbpath")])
        let passed = CheckResult(id: "server.ping", title: "Server reachable", status: .passed, elapsedMs: 12,
                                 detail: "MongoDB 8.2.11", findings: [Finding(id: "server.version", severity: .info, title: "MongoDB 8.2.11", check: "server.ping")])
        let skipped = CheckResult(id: "auth", title: "Auth", status: .skipped, elapsedMs: 0, detail: "skipped: tcp failed", findings: [])
        return Report(toolName: "mongo-doctor", toolVersion: "9.9.9", target: "mongodb://u:*****@h", targetSource: "--uri",
                      checks: [passed, failed, skipped], elapsedMs: 20, sections: [("uri", .object([("valid", .bool(true))]))])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = JSONRenderer().render(sampleReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect((object["tool"] as? [String: Any])?["version"] as? String == "9.9.9")
        #expect(object["verdict"] as? String == "error")
        #expect(object["target"] as? String == "mongodb://u:*****@h")
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["status"] as? String } == ["passed", "failed", "skipped"])
        #expect(Set(checks[0].keys) == ["id", "title", "status", "elapsedMs", "detail"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["server.version", "dbpath.missing"])
        #expect(Set(findings[1].keys) == ["id", "severity", "check", "title", "detail", "evidence", "fixes"])
        let fix = try #require((findings[1]["fixes"] as? [[String: Any]])?.first)
        #expect(fix["automatic"] as? Bool == true && fix["applied"] as? Bool == false)
        #expect((object["uri"] as? [String: Any])?["valid"] as? Bool == true)
        #expect(json.hasPrefix("{\"schemaVersion\":1,"))
    }

    @Test("JSON strings are escaped", arguments: ["quote \" back \\ nl \n tab \t", "ctrl \u{1}", "ünïcödé ✓"])
    func escaping(text: String) throws {
        let value = JSONValue.object([("s", .string(text))]).serialized
        let decoded = try JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: String]
        #expect(decoded?["s"] == text)
    }

    @Test("verdict and exit code", arguments: [
        ([Severity](), Verdict.ok, Int32(0)), ([.info], .ok, 0), ([.warning, .info], .warning, 0), ([.warning, .error], .error, 1),
    ])
    func verdict(severities: [Severity], verdict: Verdict, exit: Int32) {
        let findings = severities.map { Finding(id: "f", severity: $0, title: "t") }
        let report = Report(toolName: "t", toolVersion: "1", target: nil,
                            checks: [CheckResult(id: "c", title: "c", status: .passed, elapsedMs: 0, detail: "", findings: findings)], elapsedMs: 0)
        #expect(report.verdict == verdict)
        #expect(report.exitCode == exit)
    }

    @Test func textIsAChecklistWithFixesAndNoColourByDefault() {
        let text = TextRenderer().render(sampleReport())
        #expect(text.contains("[✓] Server reachable: MongoDB 8.2.11"))
        #expect(text.contains("[✗] Data directory: missing"))
        #expect(text.contains("✗ The data directory /data/db does not exist [dbpath.missing]"))
        #expect(text.contains("$ mkdir -p /data/db"))
        #expect(text.contains("[-] Auth: skipped: tcp failed"))
        #expect(text.contains("! Doctor found 1 error and 0 warnings."))
        #expect(!text.contains("\u{1B}["))
        #expect(!text.contains("evidence:"))  // details only with --verbose
    }

    @Test func verboseShowsEvidenceTimingsAndInfo() {
        let text = TextRenderer(verbose: true).render(sampleReport())
        #expect(text.contains("evidence: stat /data/db: No such file"))
        #expect(text.contains("Server reachable (12 ms)"))
        #expect(text.contains("timings: server.ping 12ms → dbpath 3ms"))
        #expect(text.contains("• MongoDB 8.2.11 [server.version]"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(TextRenderer(color: true).render(sampleReport()).contains("\u{1B}[31m[✗]\u{1B}[0m"))
    }
}
