import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing

@Suite("security and tuning")
struct SecurityTests {
    @Test(
        "access control off while listening beyond localhost",
        arguments: [
            ("net:\n  bindIp: 0.0.0.0\n", true),
            ("net:\n  bindIpAll: true\n", true),
            ("net:\n  bindIp: 127.0.0.1,::1,localhost\n", false),
            ("net:\n  bindIp: 0.0.0.0\nsecurity:\n  authorization: enabled\n", false),
            ("net:\n  bindIp: 0.0.0.0\nsecurity:\n  keyFile: /etc/mongo.key\n", false),
        ])
    func accessControl(_ config: String, _ warns: Bool) async throws {
        let dir = try TestDirectory("sec")
        defer { dir.remove() }
        let path = try dir.write("mongod.conf", config)
        let outcome = try await runCheck("security", LocalSetup(configPath: path))
        #expect(outcome.ids.contains("security.no-access-control") == warns)
        if warns { #expect(outcome.finding("security.no-access-control")?.severity == .warning) }
    }

    @Test(
        "transparent huge pages from an injected sysfs root",
        arguments: [("[always] madvise never\n", true), ("always [madvise] never\n", false), ("always madvise [never]\n", false)])
    func thp(_ content: String, _ warns: Bool) async throws {
        let sysfs = try TestDirectory("sysfs")
        defer { sysfs.remove() }
        try sysfs.makeDirectory("kernel/mm/transparent_hugepage")
        try sysfs.write("kernel/mm/transparent_hugepage/enabled", content)
        var probes = LocalProbes.live
        probes.host = LiveHost(sysfsRoot: sysfs.path)
        let outcome = try await runCheck("security", LocalSetup(searchPath: []), probes: probes)
        #expect(outcome.ids.contains("kernel.thp") == warns)
        if warns {
            let finding = try #require(outcome.finding("kernel.thp"))
            #expect(finding.evidence.first?.contains("[always]") == true)
            #expect(finding.allCommands.first?.contains("| " + AsThisUser.sudo("tee \(sysfs.path)/kernel/mm/transparent_hugepage/enabled")) == true)
        }
    }

    @Test("no THP check on macOS or Windows")
    func thpLinuxOnly() async throws {
        let sysfs = try TestDirectory("sysfs")
        defer { sysfs.remove() }
        try sysfs.makeDirectory("kernel/mm/transparent_hugepage")
        try sysfs.write("kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n")
        var probes = LocalProbes.live
        probes.host = LiveHost(sysfsRoot: sysfs.path)
        for platform in [Platform.macos, .windows] {
            let outcome = try await runCheck("security", LocalSetup(searchPath: []), probes: probes, platform: platform)
            #expect(!outcome.ids.contains("kernel.thp"))
        }
    }
}

@Suite("the whole set")
struct LocalChecksTests {
    @Test("make returns the checks in report order and the runner runs them all")
    func order() async throws {
        let dir = try TestDirectory("all")
        defer { dir.remove() }
        let daemon = TestUsers.daemon
        let db = try dir.makeDirectory("db", owner: daemon.uid, group: daemon.gid, mode: 0o750)
        let config = try dir.write(
            "mongod.conf",
            "storage:\n  dbPath: \(db)\nnet:\n  port: \(try RefusingPort.reservedForProcess())\n  unixDomainSocket:\n    pathPrefix: \(dir.path)\n")
        let checks = LocalChecks.make(setup: LocalSetup(configPath: config, serviceUser: "daemon", searchPath: []))
        #expect(checks.map(\.id) == ["mongod.binary", "config.parse", "dbpath", "port", "socket", "logpath", "keyfile", "security"])
        let results = await CheckRunner().run(checks, in: CheckContext(platform: .linux))
        #expect(results.map(\.id) == checks.map(\.id))
        #expect(results.allSatisfy { $0.status != .crashed })
        let byId = Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
        #expect(byId["dbpath"]?.findings.isEmpty == true)
        #expect(byId["config.parse"]?.status == .passed)
        #expect(byId["keyfile"]?.status == .skipped)
    }

    @Test("an invalid config skips the checks that depend on its values, instead of guessing")
    func invalidConfigSkips() async throws {
        let dir = try TestDirectory("all")
        defer { dir.remove() }
        let config = try dir.write("mongod.conf", "storage:\n\tdbPath: /nowhere\n")
        for id in ["dbpath", "port", "socket"] as [CheckID] {
            let outcome = try await runCheck(id, LocalSetup(configPath: config, serviceUser: "root"))
            #expect(outcome.status == .skipped, "\(id)")
        }
    }

    @Test("Doctor with --fix creates the dbpath and log directory and removes the stale socket, then re-checks clean")
    func doctorAppliesFixes() async throws {
        let dir = try TestDirectory("fix")
        defer { dir.remove() }
        let port = try RefusingPort.reservedForProcess()
        try UnixSocket.makeStale(at: dir.sub("mongodb-\(port).sock"), owner: TestUsers.nobody.uid, group: TestUsers.nobody.gid)
        let config = try dir.write(
            "mongod.conf",
            """
            storage:
              dbPath: \(dir.sub("db"))
            systemLog:
              destination: file
              path: \(dir.sub("log/mongod.log"))
            net:
              port: \(port)
              unixDomainSocket:
                pathPrefix: \(dir.path)
            """)
        let doctor = Doctor(checks: LocalChecks.make(setup: LocalSetup(configPath: config, serviceUser: "daemon", searchPath: [])))
        let outcome = await doctor.run(in: CheckContext(platform: .linux), applyFixes: true)
        #expect(Set(outcome.applied.map(\.step.finding)) == ["dbpath.missing", "socket.stale", "logpath.not-writable"])
        #expect(outcome.applied.allSatisfy { $0.failure == nil })
        for id in ["dbpath", "socket", "logpath"] as [CheckID] {
            #expect(outcome.results.first { $0.id == id }?.findings.isEmpty == true, "\(id)")
        }
        #expect(statOf(dir.sub("db"))?.uid == TestUsers.daemon.uid)
        #expect(statOf(dir.sub("db"))?.mode == 0o750)
    }

    @Test("with --platform windows nothing is applied to this host")
    func windowsPlansNothing() async throws {
        let dir = try TestDirectory("fix")
        defer { dir.remove() }
        let checks = LocalChecks.make(setup: LocalSetup(dbPath: dir.sub("db"), logPath: dir.sub("log/x.log"), searchPath: []))
        let outcome = await Doctor(checks: checks).run(in: CheckContext(platform: .windows), applyFixes: true)
        #expect(outcome.applied.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.sub("db")))
    }
}
