import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("dbpath: lock file and free space")
struct DbPathLockAndSpaceTests {
    @Test("a mongod.lock held with flock by a live process is dbpath.in-use, naming the process")
    func inUse() async throws {
        let dir = try TestDirectory("lock")
        defer { dir.remove() }
        let dbPath = try dir.makeDirectory("data")
        let lockPath = try dir.write("data/mongod.lock", "4242\n")
        let fd = open(lockPath, O_RDWR)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)

        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "root"))
        let finding = try #require(outcome.finding("dbpath.in-use"))
        #expect(finding.severity == .warning)
        #expect(finding.title.contains("pid \(getpid())"))
        #expect(!outcome.ids.contains("dbpath.unclean-shutdown"))
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })

        let notAnswering = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "root", serverAnswers: false))
        #expect(notAnswering.finding("dbpath.in-use")?.severity == .error)
    }

    @Test("a non-empty mongod.lock that nobody holds is an unclean shutdown (warning, repair shown, not run)")
    func uncleanShutdown() async throws {
        let dir = try TestDirectory("lock")
        defer { dir.remove() }
        let dbPath = try dir.makeDirectory("data", owner: TestUsers.daemon.uid, group: TestUsers.daemon.gid, mode: 0o750)
        try dir.write("data/mongod.lock", "4242\n", owner: TestUsers.daemon.uid, group: TestUsers.daemon.gid)
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "daemon"))
        let finding = try #require(outcome.finding("dbpath.unclean-shutdown"))
        #expect(finding.severity == .warning)
        #expect(finding.allCommands.contains(AsThisUser.asUser("daemon", "mongod --dbpath \(dbPath) --repair")))
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })
    }

    @Test("an empty mongod.lock (clean shutdown) is fine")
    func cleanShutdown() async throws {
        let dir = try TestDirectory("lock")
        defer { dir.remove() }
        let dbPath = try dir.makeDirectory("data")
        try dir.write("data/mongod.lock", "")
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "root"))
        #expect(outcome.findings.isEmpty)
    }

    static let canMount: Bool = {
        guard getuid() == 0, let dir = try? TestDirectory("mnt") else { return false }
        defer { dir.remove() }
        guard mount("tmpfs", dir.path, "tmpfs", 0, "size=1m") == 0 else { return false }
        umount(dir.path)
        return true
    }()

    @Test(
        "low free space on a real small tmpfs: error below 100 MB, warning below 1 GiB",
        .enabled(if: canMount, "needs root and permission to mount tmpfs"),
        arguments: [("50m", Severity.error), ("600m", Severity.warning)])
    func lowSpace(_ size: String, _ expected: Severity) async throws {
        let dir = try TestDirectory("space")
        defer { dir.remove() }
        try #require(mount("tmpfs", dir.path, "tmpfs", 0, "size=\(size),mode=0755") == 0)
        defer { umount(dir.path) }
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dir.path, serviceUser: "root"))
        let finding = try #require(outcome.finding("dbpath.low-space"))
        #expect(finding.severity == expected)
        #expect(finding.allCommands == ["df -h \(dir.path)"])
    }
}
