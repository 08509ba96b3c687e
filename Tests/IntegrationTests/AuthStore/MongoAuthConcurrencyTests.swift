import Foundation
import Testing
import AuthStore
import AuthStoreMongo
import MongoBridge
import TestSupport

/// Many tasks through one `MongoAuthBackend` on one small pool.
@Suite("AuthStore MongoDB: concurrency", .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct MongoAuthConcurrencyTests {
    @Test("64 concurrent creations and 64 concurrent validations: zero wrong answers, connections bounded by the pool size")
    func heavyUse() async throws {
        let poolSize = 4
        let appName = "authmongo-\(UUID().uuidString.prefix(8))"
        let fixture = try MongoAuthFixture.make(maxSize: poolSize, appName: appName)
        let uri = fixture.uri
        try await withAuthFixture({ fixture }) { _ in
            let store = try await AuthStore.open(backend: fixture.backend)
            let peak = ConnectionPeak()
            let sampler = Task.detached {
                while !Task.isCancelled {
                    if let sample = try? Self.connections(appName: appName, uri: uri) { peak.record(sample) }
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            let created = try await withThrowingTaskGroup(of: (String, CreatedSession).self) { group in
                for i in 0..<64 {
                    group.addTask {
                        let user = try await store.createUser(username: "user\(i)", hashedPassword: nil)
                        return (user.id, try await store.createSession(userID: user.id))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(created.count == 64)
            let wrong = try await withThrowingTaskGroup(of: Int.self) { group in
                for (userID, session) in created {
                    group.addTask {
                        let valid = try await store.validate(session.token)
                        let forged = try await store.validate(SessionToken(session.session.id + ".wrongsecretwrongsecret00"))
                        return (valid?.user.id == userID ? 0 : 1) + (forged == nil ? 0 : 1)
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(wrong == 0)
            // Concurrent duplicate names: exactly one wins, the others get usernameTaken.
            let outcomes = await withTaskGroup(of: AuthStoreError.Code?.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        do { _ = try await store.createUser(username: i.isMultiple(of: 2) ? "SameName" : "samename", hashedPassword: nil); return nil }
                        catch { return (error as? AuthStoreError)?.code ?? .backend }
                    }
                }
                return await group.reduce(into: [AuthStoreError.Code?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == .usernameTaken })
            sampler.cancel()
            peak.record(try Self.connections(appName: appName, uri: uri))
            let (total, working) = peak.maximum
            // libmongoc's pooled mode adds up to two monitoring connections per server (hello only).
            #expect(working >= 1 && working <= poolSize, "application connections: \(working)")
            #expect(total <= poolSize + 2, "all connections with this appName: \(total)")
        }
    }

    /// Connections the server lists for `appName` (`currentOp` with `$all`): all of them, and those
    /// whose last command was not a monitoring `hello`.
    static func connections(appName: String, uri: String) throws -> (Int, Int) {
        let out = try PyMongo.run(uri: uri, database: "admin", """
            ops = [o for o in client.admin.command({"currentOp": 1, "$all": True})["inprog"] if o.get("clientMetadata", {}).get("application", {}).get("name") == "\(appName)"]
            print(len(ops), len([o for o in ops if o.get("op") not in ("hello", "ismaster", "isMaster")]))
            """)
        let parts = out.split(separator: " ").compactMap { Int($0) }
        return (parts.first ?? 0, parts.last ?? 0)
    }
}

/// The largest connection counts seen.
final class ConnectionPeak: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = (0, 0)
    func record(_ sample: (Int, Int)) {
        lock.lock(); defer { lock.unlock() }
        peak = (max(peak.0, sample.0), max(peak.1, sample.1))
    }
    var maximum: (Int, Int) { lock.lock(); defer { lock.unlock() }; return peak }
}
