import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing

@Suite("dbpath: existence, permissions, ownership")
struct DbPathTests {
    @Test("a missing explicit dbpath is an error, and the automatic fix creates it owned by the service user, mode 0750")
    func missingIsCreated() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let dbPath = dir.sub("var/lib/mongodb")
        let setup = LocalSetup(dbPath: dbPath, serviceUser: "nobody")
        let outcome = try await runCheck("dbpath", setup)
        let finding = try #require(outcome.finding("dbpath.missing"))
        #expect(finding.severity == .error)
        let fix = try #require(finding.fixes.first)
        #expect(fix.isAutomatic)
        #expect(fix.commands == ["mkdir -p \(dbPath)", "chown nobody:nogroup \(dbPath)", "chmod 750 \(dbPath)"].map(AsThisUser.sudo))

        try await fix.action?.apply()
        let created = try #require(statOf(dbPath))
        #expect(created.isDirectory)
        #expect(created.uid == TestUsers.nobody.uid && created.gid == TestUsers.nobody.gid)
        #expect(created.mode == 0o750)
        let after = try await runCheck("dbpath", setup)
        #expect(!after.ids.contains("dbpath.missing"))
        #expect(!after.ids.contains("dbpath.not-writable"))
    }

    @Test("the create fix leaves an existing directory exactly as it is")
    func createFixNeverReownsExistingData() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let existing = try dir.makeDirectory("data", owner: 0, group: 0, mode: 0o755)
        try await CreateDirectoryAction(path: existing, uid: TestUsers.nobody.uid, gid: TestUsers.nobody.gid).apply()
        let after = try #require(statOf(existing))
        #expect(after.uid == 0 && after.mode == 0o755)
    }

    @Test("a dbpath that is a file is reported")
    func notDirectory() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let file = try dir.write("db", "not a directory")
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: file, serviceUser: "root"))
        #expect(outcome.finding("dbpath.not-directory")?.severity == .error)
    }

    @Test("a root-owned dbpath is not writable by the service user; the chown is shown, never automatic")
    func notWritable() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let dbPath = try dir.makeDirectory("data db", owner: 0, group: 0, mode: 0o755)
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "nobody"))
        let finding = try #require(outcome.finding("dbpath.not-writable"))
        #expect(finding.severity == .error)
        #expect(finding.evidence.first == "drwxr-xr-x root:root \(dbPath)")
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })
        #expect(finding.allCommands == [AsThisUser.sudo("chown -R nobody:nogroup '\(dbPath)'")])
    }

    @Test("a root-owned mongod.lock in a writable dbpath is reported as not writable")
    func rootOwnedLockFile() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let nobody = TestUsers.nobody
        let dbPath = try dir.makeDirectory("data", owner: nobody.uid, group: nobody.gid, mode: 0o750)
        try dir.write("data/mongod.lock", "", owner: 0, group: 0, mode: 0o644)
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "nobody"))
        #expect(outcome.finding("dbpath.not-writable")?.title.contains("mongod.lock") == true)
    }

    @Test("files inside the dbpath owned by root are listed as wrong-owner")
    func wrongOwner() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let nobody = TestUsers.nobody
        let dbPath = try dir.makeDirectory("data", owner: nobody.uid, group: nobody.gid, mode: 0o750)
        try dir.write("data/WiredTiger.turtle", "x", owner: 0, group: 0, mode: 0o644)
        try dir.write("data/collection-0.wt", "x", owner: nobody.uid, group: nobody.gid, mode: 0o600)
        try dir.makeDirectory("data/journal", owner: nobody.uid, group: nobody.gid, mode: 0o750)
        try dir.write("data/journal/WiredTigerLog.0000000001", "x", owner: 0, group: 0, mode: 0o600)
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "nobody"))
        let finding = try #require(outcome.finding("dbpath.wrong-owner"))
        #expect(finding.severity == .error)
        #expect(finding.title.hasPrefix("2 files"))
        #expect(finding.evidence.contains("-rw-r--r-- root:root \(dbPath)/WiredTiger.turtle"))
        #expect(finding.evidence.contains("-rw------- root:root \(dbPath)/journal/WiredTigerLog.0000000001"))
        #expect(!outcome.ids.contains("dbpath.not-writable"))
    }

    @Test("a healthy dbpath owned by the service user has no findings")
    func healthy() async throws {
        let dir = try TestDirectory("db")
        defer { dir.remove() }
        let daemon = TestUsers.daemon
        let dbPath = try dir.makeDirectory("data", owner: daemon.uid, group: daemon.gid, mode: 0o750)
        try dir.write("data/WiredTiger", "x", owner: daemon.uid, group: daemon.gid, mode: 0o600)
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dbPath, serviceUser: "daemon"))
        #expect(outcome.findings.isEmpty, "\(outcome.findings.map(\.title))")
        #expect(outcome.detail.contains("drwxr-x--- daemon:daemon"))
    }
}
