import BlockingWork
import Foundation
import Testing
import TestSupport

/// `BlockingThreadPool.runShort`: the same results, errors, bound and shutdown as `run`, whether the
/// caller finds its result while polling or suspends for it. The pools here are told a core is always
/// spare (`SpareCoreProbe { true }`), so that they poll whatever else the machine runs. Serialized:
/// the bound on polling callers is the process's, so this suite's own tests would share it.
@Suite(.serialized) struct ShortWorkHandOffTests {
    struct Boom: Error, Equatable {}

    static let alwaysSpare = SpareCoreProbe { true }

    /// Never polling, polling a moment (both ways are taken: the window is shorter than some work),
    /// and polling longer than any work here. One poller at most: the count is the whole process's,
    /// and the other tests running beside these need the cooperative pool's other threads.
    static let waits: [(wait: Duration, pollers: Int)] = [(.zero, 0), (.nanoseconds(500), 1), (.microseconds(50), 1), (.seconds(2), 1)]

    @Test(arguments: waits)
    func resultsAndErrorsAreDelivered(wait: Duration, pollers: Int) async throws {
        let pool = BlockingThreadPool(threadCount: 2, spinInterval: .milliseconds(1), maxPollingCallers: pollers, shortWorkWait: wait, spareCore: Self.alwaysSpare)
        for i in 0..<200 {
            #expect(try await pool.runShort { i * 3 } == i * 3)
        }
        await #expect(throws: Boom.self) { try await pool.runShort { throw Boom() } }
        #expect(try await pool.runShort { BlockingExecutor.isOnBlockingThread && pool.ownsCurrentThread })
        await pool.shutdown()
    }

    /// Many callers at once, each with its own results; never more threads than the bound.
    @Test(arguments: waits)
    func manyCallersGetTheirOwnResultsWithinTheBound(wait: Duration, pollers: Int) async throws {
        let pool = BlockingThreadPool(threadCount: 3, spinInterval: .microseconds(50), maxPollingCallers: pollers, shortWorkWait: wait, spareCore: Self.alwaysSpare)
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for caller in 0..<48 {
                group.addTask {
                    var sum = 0
                    for i in 0..<40 { sum += try await pool.runShort { caller * 1000 + i } }
                    return sum
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        #expect(sums == (0..<48).map { $0 * 40_000 + 780 })
        #expect(pool.startedThreadCount <= 3)
        await pool.shutdown()
    }

    /// Work longer than the window: the caller stops polling and suspends, and still gets the result.
    @Test func workThatOutlastsTheWindowStillReturns() async throws {
        let pool = BlockingThreadPool(
            threadCount: 1, spinInterval: .seconds(1), maxSpinningThreads: 1, shortWorkWait: .microseconds(20), spareCore: Self.alwaysSpare
        )
        _ = try await pool.runShort { 0 }  // the thread exists and polls from here on
        let started = ContinuousClock.now
        let value = try await pool.runShort { () -> String in
            Thread.sleep(forTimeInterval: 0.05)
            return "late"
        }
        #expect(value == "late")
        #expect(ContinuousClock.now - started >= .milliseconds(50))
        await pool.shutdown()
    }

    /// A caller that may not poll suspends, so the thread it called from is free for the task that lets
    /// both calls finish: with one poller allowed, the second caller of two; with two allowed, both when
    /// no core is spare. The callers run on a pool of two threads of the test's own (tasks preferring
    /// it), so nothing else in the process competes for those threads: were both callers to poll, the
    /// last task would wait out the 8 s window.
    @Test(arguments: [(1, true), (2, false)])
    func aCallerThatMayNotPollSuspends(maxPollingCallers: Int, coreIsSpare: Bool) async throws {
        let pool = BlockingThreadPool(
            threadCount: 2, spinInterval: .seconds(5), maxSpinningThreads: 2, maxPollingCallers: maxPollingCallers,
            shortWorkWait: .seconds(8), spareCore: SpareCoreProbe { coreIsSpare }
        )
        let callerThreads = BlockingThreadPool(threadCount: 2, name: "callers", spinInterval: .zero)
        // Two pool threads that poll for work, so both calls below start at once.
        async let warmA: Void = pool.run { Thread.sleep(forTimeInterval: 0.05) }
        async let warmB: Void = pool.run { Thread.sleep(forTimeInterval: 0.05) }
        _ = try await (warmA, warmB)
        let gate = DispatchSemaphore(value: 0)
        let running = Recorder<Int>()
        let callers = (1...2).map { index in
            Task(executorPreference: callerThreads) {
                try await pool.runShort { () -> Int in
                    running.add(index)
                    gate.wait()
                    return index
                }
            }
        }
        while running.all.count < 2 { try await Task.sleep(for: .milliseconds(5)) }
        let started = ContinuousClock.now
        await Task(executorPreference: callerThreads) { gate.signal(); gate.signal() }.value
        #expect(ContinuousClock.now - started < .seconds(6), "both callers held their threads for the whole window")
        var sum = 0
        for caller in callers { sum += try await caller.value }
        #expect(sum == 3)
        await pool.shutdown()
        await callerThreads.shutdown()
    }

    @Test func aShutDownPoolRefusesShortWork() async throws {
        let pool = BlockingThreadPool(threadCount: 1)
        #expect(try await pool.runShort { 1 } == 1)
        await pool.shutdown()
        let refused = await #expect(throws: BlockingThreadPoolError.self) { try await pool.runShort { 1 } }
        #expect(refused == .shutDown)
    }

    /// A task preferring the pool runs its short work where it is: one thread, no hand-off.
    @Test func aTaskPreferringThePoolRunsShortWorkInPlace() async throws {
        let pool = BlockingThreadPool(threadCount: 4, spinInterval: .zero)
        let (taskThread, workThreads) = try await Task(executorPreference: pool) { () async throws -> (UInt, Set<UInt>) in
            var threads = Set<UInt>()
            for _ in 0..<100 { threads.insert(try await pool.runShort { currentThreadID() }) }
            return (currentThreadID(), threads)
        }.value
        #expect(workThreads == [taskThread])
        #expect(pool.startedThreadCount == 1)
        await pool.shutdown()
    }
}
