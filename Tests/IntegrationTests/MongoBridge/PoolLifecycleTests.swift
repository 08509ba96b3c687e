import BlockingWork
import Foundation
import MongoBridge
import Testing
import TestSupport

/// Checkout waits without a thread; close waits for clients out; nothing works after close.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct PoolLifecycleTests {
    init() { TestRuntime.configureOnce() }

    @Test func waitingForAClientHoldsNoThread() async throws {
        // One thread, one client: if the second body waited for the client on the only thread,
        // the first body could never run to give it back.
        let threads = BlockingThreadPool(threadCount: 1, name: "test.wait")
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 1, threads: threads)
        let done = Recorder<Int>()
        try await withDeadline(300) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<2 {
                    group.addTask {
                        try await pool.withClient { client in
                            try client.ping()
                            Thread.sleep(forTimeInterval: 0.1)
                            done.add(i)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(Set(done.all) == [0, 1])
        #expect(threads.startedThreadCount == 1)
        await pool.close()
        await threads.shutdown()
    }

    @Test func closeWaitsForACheckedOutClient() async throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 2)
        let events = Recorder<String>()
        let body = Task {
            try await pool.withClient { client in
                try client.ping()
                events.add("body started")
                Thread.sleep(forTimeInterval: 0.4)
                events.add("body finished")
            }
        }
        while !events.all.contains("body started") { try await Task.sleep(for: .milliseconds(5)) }
        try await withDeadline(300) { await pool.close() }
        events.add("close returned")
        try await body.value
        #expect(events.all == ["body started", "body finished", "close returned"])
    }

    @Test func useAfterCloseThrowsAndCloseTwiceIsHarmless() async throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 1)
        try await pool.withClient { try $0.ping() }
        await pool.close()
        await pool.close()
        let error = await #expect(throws: MongoError.self) { try await pool.withClient { try $0.ping() } }
        #expect(error?.isPoolClosed == true)
        #expect(error?.domain == MongoError.Domain.bridge && error?.code == MongoError.BridgeCode.poolClosed)
        #expect(pool.tryCheckOut() == nil)
    }

    @Test func tasksWaitingForAClientFailWhenThePoolCloses() async throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 1)
        let started = Recorder<Int>()
        let gate = DispatchSemaphore(value: 0)
        let holder = Task { try await pool.withClient { _ in started.add(1); gate.wait() } }
        while started.all.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let waiter = Task { try await pool.withClient { try $0.ping() } }
        try await Task.sleep(for: .milliseconds(50))
        let closing = Task { await pool.close() }
        while pool.isOpen { try await Task.sleep(for: .milliseconds(5)) }
        gate.signal()  // the holder gives its client back only once the pool is closing
        await closing.value
        try await holder.value
        // Queued before close, or arriving after it: either way the waiter never gets a client.
        let error = await #expect(throws: MongoError.self) { try await waiter.value }
        #expect(error?.isPoolClosed == true)
    }

    @Test func aPooledClientRefusesUseAfterItsBody() async throws {
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 1)
        let escaped = try await pool.withClient { client in
            try client.ping()
            return client
        }
        let error = #expect(throws: MongoError.self) { try escaped.ping() }
        #expect(error?.isClientReleased == true)
        try await pool.withClient { try $0.ping() }  // the client really went back
        await pool.close()
    }

    @Test func standaloneClientPerformsOnTheBoundedPool() async throws {
        let threads = BlockingThreadPool(threadCount: 1, name: "test.perform")
        let client = try MongoClient(uri: MongoURI(try TestServer.requireURI()))
        let owned = try await client.perform(on: threads) { client in
            try client.ping()
            return threads.ownsCurrentThread
        }
        #expect(owned)
        await threads.shutdown()
    }
}
