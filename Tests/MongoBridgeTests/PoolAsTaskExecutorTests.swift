import BlockingWork
import Foundation
import Testing
import TestSupport

/// `BlockingThreadPool` as a task executor: tasks that prefer it run on its threads, and their `run`
/// calls execute where they are, with no hand-off; everything else keeps its hand-off and its bound.
@Suite struct PoolAsTaskExecutorTests {
    @Test func aTaskPreferringThePoolRunsItsWorkOnTheThreadItIsOn() async throws {
        let pool = BlockingThreadPool(threadCount: 4, spinInterval: .zero)
        let (taskThread, workThreads, owned) = try await Task(executorPreference: pool) { () async throws -> (UInt, Set<UInt>, Bool) in
            var threads = Set<UInt>()
            for _ in 0..<200 { threads.insert(try await pool.run { currentThreadID() }) }
            return (currentThreadID(), threads, pool.ownsCurrentThread)
        }.value
        #expect(owned)
        #expect(workThreads == [taskThread])
        #expect(pool.startedThreadCount == 1)  // 200 calls, and no second thread was ever needed
        await pool.shutdown()
    }

    @Test func resultsErrorsAndTheBoundAreTheSameWithOrWithoutThePreference() async throws {
        struct Boom: Error {}
        let pool = BlockingThreadPool(threadCount: 2, spinInterval: .zero)
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for caller in 0..<16 {
                group.addTask(executorPreference: caller.isMultiple(of: 2) ? pool : nil) {
                    var sum = 0
                    for i in 0..<50 { sum += try await pool.run { caller * 100 + i } }
                    await #expect(throws: Boom.self) { try await pool.run { throw Boom() } }
                    return sum
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        #expect(sums == (0..<16).map { $0 * 5000 + 1225 })
        #expect(pool.startedThreadCount <= 2)
        await pool.shutdown()
    }

    @Test func aTaskPreferringAShutDownPoolStillFinishesAndItsWorkIsRefused() async throws {
        let pool = BlockingThreadPool(threadCount: 1, spinInterval: .zero)
        await pool.shutdown()
        let outcome = await Task(executorPreference: pool) { () async -> String in
            try? await Task.sleep(for: .milliseconds(5))  // resumes through the pool's enqueue
            do {
                _ = try await pool.run { 1 }
                return "ran"
            } catch {
                return error as? BlockingThreadPoolError == .shutDown ? "refused" : "other error"
            }
        }.value
        #expect(outcome == "refused")
    }

    @Test func inPlaceOnlyOnThePoolsOwnRunningThreads() async throws {
        let pool = BlockingThreadPool(threadCount: 1, spinInterval: .zero)
        let other = BlockingThreadPool(threadCount: 1, spinInterval: .zero)
        #expect(!pool.canRunInPlace)
        #expect(await Task(executorPreference: pool) { pool.canRunInPlace && pool.ownsCurrentThread }.value)
        #expect(await Task(executorPreference: other) { !pool.canRunInPlace && other.canRunInPlace }.value)
        // Once shutdown has begun, even the pool's own running thread no longer runs work in place.
        let afterShutdownBegan = await Task(executorPreference: pool) { () -> (owns: Bool, inPlace: Bool) in
            // Shut down from the other pool's thread: the cooperative pool may be busy for a long
            // time when the whole suite runs under a sanitizer on two cores.
            Task.detached(executorPreference: other) { await pool.shutdown() }
            let deadline = ContinuousClock.now + .seconds(120)
            while pool.canRunInPlace, ContinuousClock.now < deadline { usleep(1_000) }  // blocking here is the pool thread's to do
            return (pool.ownsCurrentThread, pool.canRunInPlace)
        }.value
        #expect(afterShutdownBegan.owns && !afterShutdownBegan.inPlace)
        await pool.shutdown()
        await other.shutdown()
    }

    @Test func workFromOtherThreadsIsStillHandedOff() async throws {
        let pool = BlockingThreadPool(threadCount: 2, spinInterval: .zero)
        let caller = currentThreadID()
        #expect(!pool.ownsCurrentThread)
        let worker = try await pool.run { currentThreadID() }
        #expect(worker != caller)
        let other = BlockingThreadPool(threadCount: 1, spinInterval: .zero)
        // On another pool's thread, this pool's work still goes to this pool.
        let (outer, inner) = try await Task(executorPreference: other) { () async throws -> (UInt, UInt) in
            (currentThreadID(), try await pool.run { currentThreadID() })
        }.value
        #expect(outer != inner)
        await pool.shutdown()
        await other.shutdown()
    }
}
