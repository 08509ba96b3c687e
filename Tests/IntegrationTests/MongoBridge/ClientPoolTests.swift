import BlockingWork
import Foundation
import MongoBridge
import Testing
import TestSupport

/// The pool is bounded and thread-safe, and blocking calls run off the cooperative pool.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct ClientPoolTests {
    init() { TestRuntime.configureOnce() }

    @Test func poolIsBounded() throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 2)
        let first = pool.tryCheckOut()
        let second = pool.tryCheckOut()
        #expect(first != nil && second != nil)
        #expect(pool.tryCheckOut() == nil)  // both in use
        _ = second
        withExtendedLifetime(first) {}
    }

    @Test func releasedClientsGoBackToThePool() throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 1)
        do {
            let client = try #require(pool.tryCheckOut())
            try client.ping()
        }
        #expect(pool.tryCheckOut() != nil)  // the first one was pushed back in deinit
    }

    @Test func manyConcurrentTasksShareASmallPool() async throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 3)
        let db = TestServer.uniqueDatabaseName()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<24 {
                group.addTask {
                    _ = try await pool.withClient { client in
                        try client.database(db).collection("n").insertOne(["i": .int32(Int32(i))])
                    }
                }
            }
            try await group.waitForAll()
        }
        let count = try await pool.withClient { try $0.database(db).collection("n").countDocuments() }
        #expect(count == 24)
        try await pool.withClient { try $0.database(db).drop() }
    }

    @Test func blockingWorkRunsOnTheBlockingQueue() async throws {
        #expect(!BlockingExecutor.isOnBlockingThread)
        let onBlocking = await BlockingExecutor.dedicatedThread { BlockingExecutor.isOnBlockingThread }
        #expect(onBlocking)
        #expect(!BlockingExecutor.isOnBlockingThread)
    }
}
