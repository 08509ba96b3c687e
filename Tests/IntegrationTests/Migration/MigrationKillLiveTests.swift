import BlockingWork
import Foundation
import MongoBridge
import Testing
import TestSupport

/// A migration killed with SIGKILL in the middle of its writes, then run again, ends with exactly the
/// source's documents: none missing, none twice, each equal to its row.
extension MigrationLive {
@Suite struct MigrationKillLiveTests {
    static let users = 2000, sessions = 20_000

    @Test func killedAndRunAgain() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        let now = Date()
        try await f.blocking { [path = f.sqlitePath] in try LuciaSQLiteFixture.makeLarge(at: path, users: Self.users, sessions: Self.sessions, now: now) }

        let process = Process()
        process.executableURL = ProcessRunner.productsDirectory.appendingPathComponent("mongo-doctor")
        process.arguments = ["migrate", "sqlite", "--from", f.sqlitePath, "--uri", f.uri, "--db", f.database, "--batch-size", "100"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ChildProcess.run(process)
        // Kill it as soon as one session is in, from a thread and a client of its own (the test process's
        // shared pools may be busy with other suites).
        let watcher = try MongoClient(uri: MongoURI(f.uri))
        let pid = process.processIdentifier, database = f.database
        await BlockingExecutor.dedicatedThread {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if (try? watcher.database(database).collection("sessions").findOne([:], projection: ["_id": 1])) != nil { break }
                usleep(2_000)
            }
            kill(pid, SIGKILL)
        }
        #expect(ChildProcess.waitForTermination(process).bySignal, "the run ended before it could be killed")
        let partial = try await f.count("sessions")
        #expect(partial > 0 && partial < Self.sessions, "killed with \(partial) of \(Self.sessions) sessions written")
        #expect(try await f.count("auth_provision", ["step": "migrate.sqlite"]) == 0)

        let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"])
        #expect(out.status == 0, "\(out.combined)")
        let report = try f.migrateJSON(out)
        #expect((report["verification"] as? [String: Any])?["passed"] as? Bool == true)
        #expect(try await f.count("users") == Self.users)
        #expect(try await f.count("sessions") == Self.sessions)
        let distinct = try await f.pool.withClient { [database = f.database] client in
            try client.database(database).collection("sessions").aggregate([["$group": ["_id": "$_id"]], ["$count": "n"]]).first?["n"]?.intValue
        }
        #expect(distinct == Self.sessions)
        // Every session equals its row: the id, the user, idle_expires as a Date.
        let nowMs = Int64(now.timeIntervalSince1970 * 1000)
        for j in [0, 1, 999, 5_000, Self.sessions - 1] {
            let id = "s" + String(repeating: "0", count: 39 - String(j).count) + String(j)
            let user = String(format: "user%06d", (j % Self.users) + 1)
            let found = try await f.find("sessions", ["_id": .string(id)])
            #expect(found == [["_id": .string(id), "user_id": .string(user), "expires_at": .date(BSONDate(millisecondsSinceEpoch: nowMs + 15 * 86_400_000 + Int64(j)))]])
        }
        #expect(try await f.count("auth_provision", ["step": "migrate.sqlite"]) == 1)
    }
}
}
