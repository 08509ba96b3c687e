import DoctorCore
import Foundation
import MongodDiagnosis
import Testing

@Suite("Seed case and placeholders")
struct SeedCaseTests {
    @Test("Windows NonExistentPath line gives dbpath.missing with mkdir C:\\data\\db and exit 100")
    func seedCase() throws {
        let analysis = try Fixtures.analyze([Fixtures.missingDbpathWindows], platform: nil)
        #expect(analysis.platform == .windows)
        let missing = try #require(analysis.findings.first { $0.id == "dbpath.missing" })
        #expect(missing.severity == .error)
        #expect(missing.title == #"The data directory C:\data\db does not exist"#)
        #expect(missing.fixes.first?.commands == [#"mkdir C:\data\db"#])
        let exit = try #require(analysis.findings.first { $0.id == "log.exit-code" })
        #expect(exit.severity == .info)
        #expect(exit.title.contains("100"))
        #expect(analysis.exitCode == 100)
        #expect(analysis.findings.last?.id == "log.exit-code")
    }

    @Test("Linux fix creates and chowns the directory")
    func linuxFix() throws {
        let analysis = try Fixtures.analyze([Fixtures.missingDbpathLinux], platform: .linux)
        let missing = try #require(analysis.findings.first { $0.id == "dbpath.missing" })
        #expect(missing.fixes.first?.commands == ["sudo mkdir -p /data/db && sudo chown $USER /data/db"])
    }

    @Test("placeholder values with spaces are quoted for the platform's shell", arguments: [
        (Platform.linux, "sudo mkdir -p '/srv/my data' && sudo chown $USER '/srv/my data'"),
        (Platform.windows, #"mkdir "/srv/my data""#),
    ])
    func quoting(platform: Platform, command: String) throws {
        let line = Fixtures.missingDbpathLinux.replacingOccurrences(of: "/data/db", with: "/srv/my data")
        let analysis = try Fixtures.analyze([line], platform: platform)
        let missing = try #require(analysis.findings.first { $0.id == "dbpath.missing" })
        #expect(missing.fixes.first?.commands.first == command)
    }

    @Test("caller defaults fill placeholders the log does not give")
    func callerDefaults() throws {
        let analyzer = try MongodLogAnalyzer(catalog: Fixtures.builtInCatalog(), platform: .linux, defaults: ["user": "alice"])
        let analysis = try analyzer.analyze(Fixtures.missingDbpathLinux, source: "x")
        #expect(analysis.findings.first?.fixes.first?.commands == ["sudo mkdir -p /data/db && sudo chown alice /data/db"])
    }

    @Test("values are taken from the matched line", arguments: [
        (Fixtures.fcvMismatch, "version.fcv-mismatch", "featureCompatibilityVersion 4.4"),
        (Fixtures.staleSocket[0], "socket.stale", "/tmp/mongodb-27017.sock"),
        (Fixtures.logpathNotOpen, "logpath.not-writable", "/var/log/mongodb/mongod.log"),
        (Fixtures.keyfileTooOpen[0], "keyfile.too-open", "/data/security.keyFile"),
        (Fixtures.openFiles, "limits.open-files", "(256)"),
        (Fixtures.invalidYAML, "config.invalid-yaml", "line 2, column 13"),
        (Fixtures.unknownOption, "config.unknown-option", "storage.mmapv1.smallFiles"),
        (Fixtures.dbpathInUse, "dbpath.in-use", "running on /data/db"),
    ])
    func titleValues(line: String, id: FindingID, fragment: String) throws {
        let analysis = try Fixtures.analyze([line])
        let finding = try #require(analysis.findings.first { $0.id == id })
        #expect(finding.title.contains(fragment), "\(finding.title)")
    }

    @Test("the FCV fix names the version to set")
    func fcvFix() throws {
        let analysis = try Fixtures.analyze([Fixtures.fcvMismatch])
        let commands = analysis.findings.first?.fixes.first?.commands ?? []
        #expect(commands.contains { $0.contains(#"setFeatureCompatibilityVersion: "6.0""#) })
    }

    @Test("the startup line's dbPath and port fill the fixes")
    func startupFacts() throws {
        let analysis = try Fixtures.analyze([Fixtures.starting(dbPath: "/var/lib/mongo", port: 27018), Fixtures.portInUse])
        let finding = try #require(analysis.findings.first)
        #expect(finding.title == "Port 27018 is already in use by another process")
        #expect(finding.fixes.last?.commands == ["mongod --port 27019 --dbpath /var/lib/mongo"])
    }

    @Test("evidence names the source and line, shortened to about 300 characters")
    func evidence() throws {
        let analysis = try Fixtures.analyze([Fixtures.starting(), Fixtures.fcvMismatch])
        let evidence = try #require(analysis.findings.first?.evidence.first)
        #expect(evidence.hasPrefix("mongod.log:2: {"))
        #expect(evidence.count <= 300 + "mongod.log:2: ".count)
        #expect(evidence.hasSuffix("…"))
    }
}
