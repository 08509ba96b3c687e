import BlockingWork
import Foundation
import Testing
import TestSupport

/// The bounded thread pool: bounded, first in first out, results and errors delivered, shutdown.
@Suite struct BlockingThreadPoolTests {
    struct Boom: Error, Equatable {}

    @Test func resultsAndErrorsAreDelivered() async throws {
        let pool = BlockingThreadPool(threadCount: 2)
        #expect(try await pool.run { 6 * 7 } == 42)
        await #expect(throws: Boom.self) { try await pool.run { throw Boom() } }
        await pool.shutdown()
    }

    @Test func workRunsOnAPoolThreadNeverACooperativeOne() async throws {
        let pool = BlockingThreadPool(threadCount: 2)
        #expect(!pool.ownsCurrentThread)
        #expect(!BlockingExecutor.isOnBlockingThread)
        let (owned, blocking) = try await pool.run { (pool.ownsCurrentThread, BlockingExecutor.isOnBlockingThread) }
        #expect(owned && blocking)
        let other = BlockingThreadPool(threadCount: 1)
        #expect(try await other.run { pool.ownsCurrentThread } == false)
        await pool.shutdown()
        await other.shutdown()
    }

    @Test func saturatedPoolQueuesInOrderAndStaysBounded() async throws {
        let pool = BlockingThreadPool(threadCount: 1)
        let gate = DispatchSemaphore(value: 0)
        let order = Recorder<Int>()
        let threads = Recorder<UInt>()
        let blocker = Task { try await pool.run { gate.wait(); order.add(0) } }
        // Wait until the only thread is busy, then queue 1...20 one after another.
        while pool.startedThreadCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(50))
        var queued: [Task<Void, any Error>] = []
        for i in 1...20 {
            queued.append(Task { try await pool.run { threads.add(currentThreadID()); order.add(i) } })
            try await Task.sleep(for: .milliseconds(5))  // submission order is i's order
        }
        #expect(order.all.isEmpty)  // nothing ran past the blocked thread
        gate.signal()
        try await blocker.value
        for task in queued { try await task.value }
        #expect(order.all == Array(0...20))
        #expect(threads.distinctCount == 1)
        #expect(pool.startedThreadCount == 1)
        await pool.shutdown()
    }

    @Test func shutdownWaitsForRunningWorkAndRejectsNewWork() async throws {
        let pool = BlockingThreadPool(threadCount: 2)
        let finished = Recorder<String>()
        let running = Task { try await pool.run { Thread.sleep(forTimeInterval: 0.3); finished.add("work") } }
        while pool.startedThreadCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        await pool.shutdown()
        finished.add("shutdown returned")
        #expect(finished.all == ["work", "shutdown returned"])
        try await running.value
        let refused = await #expect(throws: BlockingThreadPoolError.self) { try await pool.run { 1 } }
        #expect(refused == .shutDown)
    }

    @Test func defaultSizeIsTwiceTheCoresAtLeastTwo() {
        #expect(BlockingThreadPool.defaultThreadCount == max(2, 2 * ProcessInfo.processInfo.activeProcessorCount))
        #expect(BlockingThreadPool(threadCount: 0).threadCount == 1)
    }

    /// Parking at once, one thread polling briefly, every thread polling long: the same results, bounded.
    @Test(arguments: [(Duration.zero, 0), (.microseconds(50), 1), (.milliseconds(2), 4)])
    func shortCallsFromManyTasksAllRunWithinTheBound(spin: Duration, spinners: Int) async throws {
        let pool = BlockingThreadPool(threadCount: 4, spinInterval: spin, maxSpinningThreads: spinners)
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for caller in 0..<64 {
                group.addTask {
                    var sum = 0
                    for i in 0..<30 { sum += try await pool.run { caller * 1000 + i } }
                    return sum
                }
            }
            var all: [Int] = []
            for try await sum in group { all.append(sum) }
            return all.sorted()
        }
        #expect(sums == (0..<64).map { $0 * 30_000 + 435 })
        #expect(pool.startedThreadCount <= 4)
        await pool.shutdown()
        await #expect(throws: BlockingThreadPoolError.self) { try await pool.run { 1 } }
    }

    /// Work that arrives while the only idle thread polls goes to that thread: no second thread starts.
    @Test func aPollingThreadTakesTheNextItemWithoutANewThread() async throws {
        let pool = BlockingThreadPool(threadCount: 4, spinInterval: .seconds(2), maxSpinningThreads: 1)
        let first = try await pool.run { currentThreadID() }
        let second = try await pool.run { currentThreadID() }
        #expect(first == second)
        #expect(pool.startedThreadCount == 1)
        await pool.shutdown()  // returns although the thread was polling
    }

    /// A thread polls once after the work it ran, then parks: an idle pool uses no CPU.
    @Test func anIdleThreadParksAfterOnePoll() async throws {
        let pool = BlockingThreadPool(threadCount: 1, spinInterval: .milliseconds(5), maxSpinningThreads: 1)
        let clock = try await pool.run { () -> clockid_t in
            var id = clockid_t()
            precondition(pthread_getcpuclockid(pthread_self(), &id) == 0)
            return id
        }
        func cpuSeconds() -> Double {
            var now = timespec()
            clock_gettime(clock, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        try await Task.sleep(for: .milliseconds(50))  // past the one poll
        let before = cpuSeconds()
        try await Task.sleep(for: .milliseconds(300))
        #expect(cpuSeconds() - before < 0.03, "the idle thread kept polling")
        await pool.shutdown()
    }
}
