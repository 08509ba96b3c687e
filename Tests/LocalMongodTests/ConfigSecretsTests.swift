import DoctorCore
import Foundation
import LocalMongod
import Testing

/// A YAML error on a line holding a password must not quote the password.
@Suite struct ConfigSecretsTests {
    @Test("secret values never reach the finding", arguments: [
        "net:\n  tls:\n    certificateKeyFilePassword: \"C:\\data\\Pa$$w0rd-secret\"\n",
        "security:\n  ldap:\n    bind:\n      queryPassword: @Pa$$w0rd-secret\n",
        "security:\n\tqueryPassword: Pa$$w0rd-secret\n",
    ])
    func masked(config: String) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("md-secret-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try config.write(toFile: "\(dir)/mongod.conf", atomically: true, encoding: .utf8)
        let checks = LocalChecks.make(setup: LocalSetup(configPath: "\(dir)/mongod.conf", dbPath: dir))
        let results = await CheckRunner().run(checks, in: CheckContext(platform: .linux))
        let parse = try #require(results.first { $0.id == "config.parse" })
        let finding = try #require(parse.findings.first)
        #expect(finding.id == "config.invalid-yaml")
        let everything = ([parse.detail, finding.title, finding.detail] + finding.evidence + finding.fixes.map(\.summary)).joined(separator: "\n")
        #expect(!everything.contains("Pa$$w0rd-secret"), "\(everything)")
        #expect(!everything.contains("Pa$$w0rd"))
    }
}

@Suite struct ConfigValueTests {
    @Test("net.port must be a port number", arguments: ["70000", "0", "twenty", "-1"])
    func invalidPort(value: String) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("md-port-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "net:\n  port: \(value)\n".write(toFile: "\(dir)/mongod.conf", atomically: true, encoding: .utf8)
        let checks = LocalChecks.make(setup: LocalSetup(configPath: "\(dir)/mongod.conf", dbPath: dir))
        let results = await CheckRunner().run(checks, in: CheckContext(platform: .linux))
        let parse = try #require(results.first { $0.id == "config.parse" })
        #expect(parse.findings.map(\.id) == ["config.invalid-value"])
        #expect(parse.findings.first?.evidence.first?.contains("line 2") == true)
        let port = try #require(results.first { $0.id == "port" })
        #expect(port.detail.hasPrefix("port 27017 "))  // the other checks use the default, not the bad value
    }
}
