import Foundation
import Testing
import AuthStore
import AuthStoreMongo
import MongoBridge
import TestSupport

/// Session validation when the database fails under it (issue 13): the test server's `failCommand`
/// failpoint on `aggregate` (an error code, then `closeConnection`), and the server killed and
/// restarted. Each test starts a SecantusDB of its own (failpoints and kills are server-wide) and
/// stops it whatever happens.
@Suite("AuthStore MongoDB: faults", .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct SessionFaultLiveTests {
    /// Live sessions of `count` users through `store`: (token, user id).
    static func seed(_ store: AuthStore, count: Int, prefix: String = "fault-user") async throws -> [(SessionToken, String)] {
        var seeded: [(SessionToken, String)] = []
        for index in 0..<count {
            let user = try await store.createUser(username: "\(prefix)-\(index)", hashedPassword: nil)
            seeded.append((try await store.createSession(userID: user.id).token, user.id))
        }
        return seeded
    }

    enum Outcome: Equatable { case right, wrong, error }

    /// One round: every seeded token validated by its own task (plus an unknown one each); the outcomes.
    static func round(_ store: AuthStore, _ seeded: [(SessionToken, String)]) async -> [Outcome] {
        await withTaskGroup(of: [Outcome].self) { group in
            for (token, userID) in seeded {
                group.addTask {
                    var outcomes: [Outcome] = []
                    do {
                        let valid = try await store.validate(token)
                        outcomes.append(valid?.user.id == userID ? .right : .wrong)
                    } catch { outcomes.append(.error) }  // typed: AuthStoreError
                    do {
                        // Well formed but never stored: a database round trip that must answer nil.
                        let unknown = try await store.validate(try store.tokenFormat.generate().token)
                        outcomes.append(unknown == nil ? .right : .wrong)
                    } catch { outcomes.append(.error) }
                    return outcomes
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
    }

    static func failpoint(_ pool: ClientPool, _ mode: BSONValue, data: BSONDocument = [:]) async throws {
        var command: BSONDocument = ["configureFailPoint": "failCommand", "mode": mode]
        if !data.isEmpty { command["data"] = .document(data) }
        let finished = command
        _ = try await pool.withClient { try $0.runCommand(finished) }
    }

    /// The two failures the failpoint injects on `aggregate`: an error reply (91, ShutdownInProgress,
    /// which also makes the driver forget the server until its monitor sees it again), and a dropped connection.
    static let failures: [(String, BSONDocument)] = [
        ("errorCode 91", ["failCommands": ["aggregate"], "errorCode": 91]),
        ("closeConnection", ["failCommands": ["aggregate"], "closeConnection": true]),
    ]

    @Test("a failCommand failpoint on aggregate: every affected call throws, none is valid, the next calls are right")
    func failpointOnAggregate() async throws {
        let server = try OwnTestServer(prefix: "faults-fp", testCommands: true)
        defer { server.stop() }
        TestRuntime.configureOnce()
        // A short server selection timeout, so that a call fails quickly while the server is unusable, and
        // a short heartbeat, so that the monitor finds the server again soon after a "shutting down" error.
        let pool = try ClientPool(uri: MongoURI(server.uri + "?serverSelectionTimeoutMS=3000&heartbeatFrequencyMS=500"), maxSize: 4)
        let admin = try ClientPool(uri: MongoURI(server.uri), maxSize: 1)
        let backend = MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: "faults"))
        let store = try await AuthStore.open(backend: backend)
        let seeded = try await Self.seed(store, count: 16)
        #expect(await Self.round(store, seeded).allSatisfy { $0 == .right }, "before the failpoint")

        for (label, data) in Self.failures {
            try await Self.failpoint(admin, "alwaysOn", data: data)
            let during = await Self.round(store, seeded)
            try await Self.failpoint(admin, "off")
            #expect(during.allSatisfy { $0 == .error }, "\(label): \(during.filter { $0 != .error }.count) of \(during.count) calls did not throw")

            // The failpoint is off: the very next round is right (the pool reconnects on its own).
            let after = await Self.round(store, seeded)
            #expect(after.allSatisfy { $0 == .right }, "\(label), right after: \(after.filter { $0 == .error }.count) errors, \(after.filter { $0 == .wrong }.count) wrong")

            // Under load: 16 looping tasks while the failpoint goes on and off; errors, never a wrong answer.
            let stop = ContinuousClock.now + .seconds(3)
            async let load: [Outcome] = withTaskGroup(of: [Outcome].self) { group in
                for (token, userID) in seeded {
                    group.addTask {
                        var outcomes: [Outcome] = []
                        while ContinuousClock.now < stop {
                            do { outcomes.append(try await store.validate(token)?.user.id == userID ? .right : .wrong) }
                            catch { outcomes.append(.error) }
                        }
                        return outcomes
                    }
                }
                return await group.reduce(into: []) { $0 += $1 }
            }
            try await Task.sleep(for: .milliseconds(700))
            try await Self.failpoint(admin, "alwaysOn", data: data)
            try await Task.sleep(for: .milliseconds(1000))
            try await Self.failpoint(admin, "off")
            let loaded = await load
            #expect(!loaded.contains(.wrong), "\(label) under load: \(loaded.filter { $0 == .wrong }.count) wrong answers")
            #expect(loaded.contains(.error) && loaded.contains(.right), "\(label) under load: both errors and right answers")
            #expect(await Self.round(store, seeded).allSatisfy { $0 == .right }, "\(label): after the load")
        }
        await pool.close()
        await admin.close()
    }

    @Test("the server killed and restarted: check names the broken stage, an open AuthStore recovers without reopening")
    func killAndRestart() async throws {
        let server = try OwnTestServer(prefix: "faults-restart")
        defer { server.stop() }
        TestRuntime.configureOnce()
        let pool = try ClientPool(uri: MongoURI(server.uri + "?serverSelectionTimeoutMS=2000&heartbeatFrequencyMS=500"), maxSize: 4)
        let backend = MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: "faults"))
        let store = try await AuthStore.open(backend: backend)
        let seeded = try await Self.seed(store, count: 8)
        #expect(await Self.round(store, seeded).allSatisfy { $0 == .right })
        let healthy = try ProcessRunner.run("mongo-doctor", ["check", "--uri", server.uri, "--json", "--timeout", "3"])
        #expect(healthy.status == 0, "\(healthy.combined)")

        try server.kill()
        let down = try ProcessRunner.run("mongo-doctor", ["check", "--uri", server.uri, "--json", "--timeout", "3"])
        #expect(down.status != 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(down.stdout.utf8)) as? [String: Any], "\(down.combined)")
        let status = Dictionary((report["checks"] as? [[String: Any]] ?? []).compactMap { check in
            (check["id"] as? String).map { ($0, check["status"] as? String ?? "") }
        }, uniquingKeysWith: { first, _ in first })
        #expect(status["uri"] == "passed" && status["dns"] == "passed" && status["tcp"] == "failed", "\(status)")
        #expect(status["hello"] == "skipped" && status["auth"] == "skipped", "the stages after tcp: \(status)")
        let ids = (report["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.contains("tcp.refused"), "\(ids)")
        let whileDown = await Self.round(store, seeded)
        #expect(whileDown.allSatisfy { $0 == .error }, "while down: \(whileDown)")

        try server.revive()
        // The same store (and pool) once the server is back: errors at most until libmongoc sees it,
        // then right answers. kill -9 may lose the last writes, so a seeded token is right when it
        // validates as its user, or as nil exactly when its session is no longer stored.
        let deadline = ContinuousClock.now + .seconds(30)
        var recovered = false
        while !recovered, ContinuousClock.now < deadline {
            do {
                _ = try await store.users(limit: 1)
                recovered = true
            } catch {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        #expect(recovered, "AuthStore did not recover within 30 s of the restart")
        for (token, userID) in seeded {
            let answer = try await store.validate(token)
            let stored = try await pool.withClient { client in
                try client.database("faults").collection("sessions").findOne(["user_id": .string(userID)], projection: ["_id": 1])
            }
            #expect(answer?.user.id == (stored == nil ? nil : userID))
        }
        let fresh = try await Self.seed(store, count: 4, prefix: "after-restart")
        #expect(await Self.round(store, fresh).allSatisfy { $0 == .right }, "new sessions after the restart")
        let back = try ProcessRunner.run("mongo-doctor", ["check", "--uri", server.uri, "--json", "--timeout", "3"])
        #expect(back.status == 0, "\(back.combined)")
        await pool.close()
    }
}
