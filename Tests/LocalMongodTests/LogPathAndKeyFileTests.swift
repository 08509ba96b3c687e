import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing

@Suite("logpath")
struct LogPathTests {
    @Test("a missing log directory is reported and created by the automatic fix (owner service user, 0750)")
    func missingDirectoryCreated() async throws {
        let dir = try TestDirectory("log")
        defer { dir.remove() }
        let logDir = dir.sub("log/mongodb")
        let setup = LocalSetup(logPath: logDir + "/mongod.log", serviceUser: "nobody")
        let outcome = try await runCheck("logpath", setup)
        let finding = try #require(outcome.finding("logpath.not-writable"))
        #expect(finding.severity == .error)
        #expect(finding.title.contains("does not exist"))
        let fix = try #require(finding.fixes.first)
        #expect(fix.isAutomatic)
        try await fix.action?.apply()
        let created = try #require(statOf(logDir))
        #expect(created.uid == TestUsers.nobody.uid && created.mode == 0o750)
        #expect(try await runCheck("logpath", setup).findings.isEmpty)
    }

    @Test(
        "log file or directory not writable by the service user",
        arguments: [("existing root file", true), ("root directory, no file", false)])
    func notWritable(_ label: String, _ fileExists: Bool) async throws {
        let dir = try TestDirectory("log")
        defer { dir.remove() }
        try dir.makeDirectory("log", owner: 0, group: 0, mode: 0o755)
        if fileExists { try dir.write("log/mongod.log", "", owner: 0, group: 0, mode: 0o644) }
        let config = try dir.write("mongod.conf", "systemLog:\n  destination: file\n  path: \(dir.sub("log/mongod.log"))\n")
        let outcome = try await runCheck("logpath", LocalSetup(configPath: config, serviceUser: "nobody"))
        let finding = try #require(outcome.finding("logpath.not-writable"), "\(label)")
        #expect(finding.title.contains("not writable by the service user nobody"))
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })
        #expect(finding.evidence.first?.contains("root:root") == true)
    }

    @Test("syslog destination or no path: nothing to check")
    func notApplicable() async throws {
        let outcome = try await runCheck("logpath", LocalSetup())
        #expect(outcome.status == .skipped)
    }
}

@Suite("keyfile")
struct KeyFileTests {
    static let goodKey = String(repeating: "QWxhZGRpbjpvcGVuIHNlc2FtZQ==", count: 4) + "\n"

    func run(_ dir: TestDirectory, content: String, mode: mode_t, owner: UInt32, serviceUser: String) async throws -> CheckOutcome {
        let key = try dir.write("keyfile", content, owner: owner, group: owner, mode: mode)
        let config = try dir.write("mongod.conf", "security:\n  keyFile: \(key)\n")
        return try await runCheck("keyfile", LocalSetup(configPath: config, serviceUser: serviceUser))
    }

    @Test(
        "key file problems",
        arguments: [
            ("group/other bits", goodKey, mode_t(0o644), "daemon", "keyfile.too-open"),
            ("group read only", goodKey, mode_t(0o440), "daemon", "keyfile.too-open"),
            ("root-owned, service user cannot read", goodKey, mode_t(0o400), "root", "keyfile.unreadable"),
            ("not base64", "abc-def!ghi\n", mode_t(0o400), "daemon", "keyfile.invalid-content"),
            ("too short", "abc\n", mode_t(0o400), "daemon", "keyfile.invalid-content"),
        ])
    func problems(_ label: String, _ content: String, _ mode: mode_t, _ owner: String, _ expected: String) async throws {
        let dir = try TestDirectory("key")
        defer { dir.remove() }
        let uid = owner == "root" ? 0 : TestUsers.daemon.uid
        let outcome = try await run(dir, content: content, mode: mode, owner: uid, serviceUser: "daemon")
        #expect(outcome.ids == [expected], "\(label)")
        #expect(outcome.findings.first?.severity == .error)
        // The key itself never appears in the report.
        #expect(!outcome.findings.flatMap { [$0.title, $0.detail] + $0.evidence }.joined().contains("QWxhZGRp"))
    }

    @Test("too-open gives chmod 400 and chown, shown only")
    func tooOpenFix() async throws {
        let dir = try TestDirectory("key")
        defer { dir.remove() }
        let outcome = try await run(dir, content: Self.goodKey, mode: 0o644, owner: TestUsers.daemon.uid, serviceUser: "daemon")
        let finding = try #require(outcome.finding("keyfile.too-open"))
        #expect(finding.evidence.first?.hasPrefix("-rw-r--r-- daemon:daemon") == true)
        #expect(finding.allCommands.contains(AsThisUser.sudo("chmod 400 \(dir.sub("keyfile"))")))
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })
    }

    @Test("a private, readable, base64 key file passes")
    func good() async throws {
        let dir = try TestDirectory("key")
        defer { dir.remove() }
        let outcome = try await run(dir, content: Self.goodKey, mode: 0o400, owner: TestUsers.daemon.uid, serviceUser: "daemon")
        #expect(outcome.findings.isEmpty)
    }
}
