import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing

/// Tests that start real processes named `mongod` or assert that none runs: serialized,
/// because the process table is shared by the whole test run.
@Suite("processes", .serialized)
struct ProcessTests {
    @Test("mongod on the search path is found and its version read by running it")
    func binaryFound() async throws {
        let bin = try makeVersionScript(version: "7.0.5")
        defer { bin.remove() }
        let checks = LocalChecks.make(setup: LocalSetup(searchPath: [bin.path]), probes: .live)
        let context = CheckContext(platform: .linux, timeout: .seconds(5))
        let outcome = try await #require(checks.first { $0.id == "mongod.binary" }).run(in: context)
        #expect(outcome.detail.contains("mongod 7.0.5 at \(bin.sub("mongod"))"))
        #expect(!outcome.ids.contains("mongod.not-found"))
        #expect(context.fact(MongodBinary.self)?.majorVersion == 7)
    }

    @Test("no mongod anywhere: a warning with the platform's install commands", arguments: [Platform.linux, .macos])
    func notFound(_ platform: Platform) async throws {
        let empty = try TestDirectory("bin")
        defer { empty.remove() }
        let outcome = try await runCheck("mongod.binary", LocalSetup(searchPath: [empty.path]), platform: platform)
        let finding = try #require(outcome.finding("mongod.not-found"))
        #expect(finding.severity == .warning)
        let expected = platform == .linux ? AsThisUser.sudo("apt-get install -y mongodb-org") : "brew install mongodb-community"
        #expect(finding.allCommands.contains(expected))
        // Install first, then start: the start command comes last, after every install command.
        let start = platform == .linux ? AsThisUser.sudo("systemctl start mongod") : "brew services start mongodb-community"
        #expect(finding.allCommands.last == start)
        #expect(finding.fixes.last?.summary.hasPrefix("Then start") == true)
    }

    @Test("no mongod installed and none running: mongod.not-running does not say to start a service that is not there")
    func notRunningNotInstalled() async throws {
        try #require(LiveProcessProbe().mongodProcesses().isEmpty, "a real mongod runs on this host")
        let empty = try TestDirectory("bin")
        defer { empty.remove() }
        let port = try RefusingPort.reservedForProcess()
        let missing = try await runCheck("mongod.binary", LocalSetup(port: port, serverAnswers: false, searchPath: [empty.path]))
        let notRunning = try #require(missing.finding("mongod.not-running"))
        #expect(notRunning.allCommands.isEmpty)
        #expect(notRunning.detail.contains("install it first (see mongod.not-found), then start it"))
        #expect(missing.finding("mongod.not-found")?.allCommands.contains(AsThisUser.sudo("systemctl start mongod")) == true)

        let bin = try makeVersionScript(version: "7.0.5")
        defer { bin.remove() }
        let installed = try await runCheck("mongod.binary", LocalSetup(port: port, serverAnswers: false, searchPath: [bin.path]))
        #expect(installed.finding("mongod.not-running")?.allCommands == [AsThisUser.sudo("systemctl start mongod")])
    }

    @Test(
        "no mongod process: error only when the server does not answer",
        arguments: [(Bool?.some(false), Severity.error), (true, .info), (nil, .warning)])
    func notRunning(_ answers: Bool?, _ expected: Severity) async throws {
        try #require(LiveProcessProbe().mongodProcesses().isEmpty, "a real mongod runs on this host")
        let port = try RefusingPort.reservedForProcess()
        let outcome = try await runCheck("mongod.binary", LocalSetup(port: port, serverAnswers: answers, searchPath: []))
        #expect(outcome.finding("mongod.not-running")?.severity == expected)
    }

    @Test("a mongod running as root is found and reported; not-running disappears")
    func runningAsRoot() async throws {
        let fake = try FakeMongod()
        defer { fake.stop() }
        let found = LiveProcessProbe().mongodProcesses()
        #expect(found.contains { $0.pid == fake.pid && $0.uid == 0 })

        let security = try await runCheck("security", LocalSetup())
        let finding = try #require(security.finding("security.running-as-root"))
        #expect(finding.severity == .warning)
        #expect(finding.title.contains("pid \(fake.pid)"))
        #expect(finding.allCommands.contains(AsThisUser.sudo("kill \(fake.pid)")))

        let binary = try await runCheck("mongod.binary", LocalSetup(searchPath: []))
        #expect(!binary.ids.contains("mongod.not-running"))
    }

    @Test(
        "the open-files limit of the running mongod is read from /proc: warning below 64000",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "needs prlimit (util-linux)"))
    func openFilesOfRunningMongod() async throws {
        let fake = try FakeMongod(openFiles: 1024)
        defer { fake.stop() }
        let outcome = try await runCheck("security", LocalSetup())
        let finding = try #require(outcome.finding("limits.open-files"))
        #expect(finding.severity == .warning)
        #expect(finding.title.contains("1024"))
        #expect(finding.evidence.first?.contains("pid \(fake.pid)") == true)
    }

    @Test("without a running mongod the limit a mongod started from here inherits is judged")
    func openFilesOfThisShell() async throws {
        try #require(LiveProcessProbe().mongodProcesses().isEmpty, "a real mongod runs on this host")
        let soft = try #require(LiveHost().openFileSoftLimit())
        let outcome = try await runCheck("security", LocalSetup())
        #expect(outcome.ids.contains("limits.open-files") == (soft < 64000))
        if soft < 64000 {
            #expect(outcome.finding("limits.open-files")?.evidence.first?.contains("this shell") == true)
        }
    }
}
