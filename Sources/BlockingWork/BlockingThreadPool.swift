import Foundation
import Synchronization

/// A bounded set of threads for blocking work (libmongoc calls), never the cooperative pool.
///
/// At most `threadCount` threads exist; they start as work arrives and then stay. Work submitted
/// while every thread is busy waits in a first-in, first-out queue and runs when a thread frees.
/// Results come back through checked continuations, so the awaiting task holds no thread meanwhile.
///
/// `shutdown()` refuses new work (`BlockingThreadPoolError.shutDown`), lets every accepted item
/// (running or queued) finish, and returns when the last thread has exited. Work that has been
/// accepted runs even if the awaiting task is cancelled. Use `BlockingExecutor.dedicatedThread`
/// instead for probes that may wait out a timeout.
///
/// A thread that runs out of work first polls for new work for a short while (`spinInterval`,
/// yielding the core between polls) before it parks; at most `maxSpinningThreads` do so at once.
/// Work that arrives in that window is taken without a wake-up through the kernel, which is most of
/// the cost of a hand-off when short calls (a SQLite point read) follow one another. For such calls
/// `runShort(_:)` saves the other wake-up, the caller's: it polls for the result for a moment
/// (`shortWorkWait`) before it suspends.
public final class BlockingThreadPool: @unchecked Sendable {
    private enum State { case running, shuttingDown, stopped }

    /// Twice the active core count, at least 2.
    public static var defaultThreadCount: Int { max(2, 2 * ProcessInfo.processInfo.activeProcessorCount) }

    /// Half the active core count, at least 1: the default bound on threads polling for work.
    public static var defaultSpinningThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }

    /// Half the active core count (none on one core): the default bound on `runShort` callers polling
    /// for their results, each holding a core while the work runs on another.
    public static var defaultPollingCallers: Int { ProcessInfo.processInfo.activeProcessorCount / 2 }

    /// The process-wide pool (`defaultThreadCount` threads), used when no pool is passed.
    public static let shared = BlockingThreadPool()

    /// The most threads this pool runs at once.
    public let threadCount: Int
    /// The prefix of the worker threads' names (`<name>.<n>`).
    public let name: String
    /// How long a thread that ran out of work polls for more before it parks (zero: park at once).
    public let spinInterval: Duration
    /// The most threads polling for work at once.
    public let maxSpinningThreads: Int
    /// The most `runShort` callers polling for their results at once, counted over every pool of the
    /// process (each holds a thread of the cooperative pool meanwhile).
    public let maxPollingCallers: Int
    /// How long a `runShort` caller polls for its result before it suspends (zero: suspend at once).
    public let shortWorkWait: Duration
    /// Whether the machine has a core to spare for a polling `runShort` caller right now.
    public let spareCore: SpareCoreProbe

    /// Items in `queue`, readable without the lock (spinning threads poll it).
    private let queuedCount = Atomic<Int>(0)
    /// Set by `shutdown()`, so polling threads stop polling at once.
    private let stopPolling = Atomic<Bool>(false)

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var state = State.running
    private var queue = WorkQueue()
    private var workers = 0
    private var idle = 0
    private var spinning = 0
    private var started = 0
    private var shutdownWaiters: [CheckedContinuation<Void, Never>] = []

    /**
     Creates a pool of at most `threadCount` threads (at least 1). No thread starts before work arrives.

     - Parameters:
       - threadCount: the bound on threads; defaults to `defaultThreadCount`.
       - name: the prefix of the worker threads' names.
       - spinInterval: how long an idle thread polls for work before parking (default 50 µs).
       - maxSpinningThreads: the most threads polling at once (default: half the cores, at least 1).
       - maxPollingCallers: the most `runShort` callers polling at once (default: half the cores).
       - shortWorkWait: how long a `runShort` caller polls for its result (default 50 µs).
       - spareCore: whether a `runShort` caller may poll now (default: `SpareCoreProbe.system`).
     */
    public init(
        threadCount: Int = BlockingThreadPool.defaultThreadCount,
        name: String = "mongo-doctor.pool",
        spinInterval: Duration = .microseconds(50),
        maxSpinningThreads: Int = BlockingThreadPool.defaultSpinningThreads,
        maxPollingCallers: Int = BlockingThreadPool.defaultPollingCallers,
        shortWorkWait: Duration = .microseconds(50),
        spareCore: SpareCoreProbe = .system
    ) {
        self.threadCount = max(1, threadCount)
        self.name = name
        self.spinInterval = max(.zero, spinInterval)
        self.maxSpinningThreads = max(0, maxSpinningThreads)
        self.maxPollingCallers = max(0, maxPollingCallers)
        self.shortWorkWait = max(.zero, shortWorkWait)
        self.spareCore = spareCore
    }

    /**
     Runs `work` on one of the pool's threads, after earlier work when all are busy. Called on one of
     the pool's own threads (a task that prefers the pool as its executor), it runs `work` there at once.

     - Parameter work: blocking work; it runs exactly once if the pool accepts it.
     - Returns: what `work` returned.
     - Throws: what `work` threw, or `BlockingThreadPoolError.shutDown` when the pool refused it.
     */
    nonisolated(nonsending) public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        // Already on one of this pool's threads (a task that prefers the pool as its executor): the
        // work may block here, and handing it to another of the pool's threads would only add a wake-up.
        if canRunInPlace { return try work() }
        if ownsCurrentThread { throw BlockingThreadPoolError.shutDown }
        let result: Result<T, any Error> = await withCheckedContinuation { continuation in
            let submission = submit { continuation.resume(returning: Result { try work() }) }
            if case .refused = submission { continuation.resume(returning: .failure(BlockingThreadPoolError.shutDown)) }
        }
        return try result.get()
    }

    /// Refuses new work, waits for all accepted work to finish and for every thread to exit.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            if state == .running {
                state = workers == 0 ? .stopped : .shuttingDown
                stopPolling.store(true, ordering: .releasing)
                condition.broadcast()
            }
            guard state == .stopped else {
                shutdownWaiters.append(continuation)
                condition.unlock()
                return
            }
            condition.unlock()
            continuation.resume()
        }
    }

    /// Whether the calling code runs on one of this pool's threads.
    public var ownsCurrentThread: Bool { CurrentPoolThread.isOwned(by: self) }

    /// Whether work may run right here, as `run(_:)` would run it: the calling thread is one of this
    /// pool's and the pool has not been shut down. A caller that checks this first can run short work
    /// with a non-escaping closure (nothing boxed, no hand-off) and use `run(_:)` otherwise.
    public var canRunInPlace: Bool { ownsCurrentThread && !stopPolling.load(ordering: .acquiring) }

    /// Threads started so far (never more than `threadCount` alive at once).
    public var startedThreadCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return started
    }

    /// What became of submitted work.
    enum Submission {
        /// The pool has been shut down; the work will not run.
        case refused
        /// Queued; a thread takes it when one is woken, started or free.
        case queued
        /// Queued while a thread was polling for work, so it starts without a wake-up.
        case takenAtOnce
    }

    /// Queues `item`, starting a thread when none is idle and the bound allows.
    @discardableResult
    func submit(_ item: @escaping WorkQueue.Item) -> Submission {
        condition.lock()
        defer { condition.unlock() }
        guard state == .running else { return .refused }
        queue.append(item)
        queuedCount.store(queue.count, ordering: .releasing)
        // A spinning thread re-checks the queue under the lock before it parks, so it needs no signal.
        if queue.count > idle + spinning, workers < threadCount { startWorker() }
        if queue.count > spinning, idle > 0 { condition.signal() }
        return queue.count <= spinning ? .takenAtOnce : .queued
    }

    /// Starts one worker thread. Called with `condition` held.
    private func startWorker() {
        workers += 1
        started += 1
        let threadName = "\(name).\(started)"
        let thread = Thread { [self] in
            KernelThreadName.set(threadName)
            Thread.current.threadDictionary[BlockingExecutor.blockingMarkKey] = true
            CurrentPoolThread.mark(self)
            workLoop()
        }
        thread.name = threadName
        thread.start()
    }

    /// Runs queued items until the pool shuts down and the queue is empty.
    private func workLoop() {
        condition.lock()
        // Polls once after each item it ran; a poll that found nothing is followed by parking,
        // so an idle pool never keeps a core busy.
        var mayPoll = true
        while true {
            if let item = queue.popFirst() {
                queuedCount.store(queue.count, ordering: .releasing)
                condition.unlock()
                item()
                condition.lock()
                mayPoll = true
            } else if state != .running {
                break
            } else if mayPoll && spinning < maxSpinningThreads && spinInterval > .zero {
                mayPoll = false
                spinning += 1
                condition.unlock()
                pollForWork()
                condition.lock()
                spinning -= 1
            } else {
                idle += 1
                condition.wait()
                idle -= 1
            }
        }
        workers -= 1
        var waiters: [CheckedContinuation<Void, Never>] = []
        if workers == 0 {
            state = .stopped
            swap(&waiters, &shutdownWaiters)
        }
        condition.unlock()
        waiters.forEach { $0.resume() }
    }

    /// Polls `queuedCount` until work appears or `spinInterval` has passed, yielding the core between
    /// polls after the first few hundred. Called without the lock; the caller re-checks the queue
    /// under it afterwards.
    private func pollForWork() {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: spinInterval)
        // First a few hundred plain loads (well under a microsecond): the next short call of a caller
        // that just got its result usually arrives in that time, and a `sched_yield` costs more.
        for _ in 0..<256 where queuedCount.load(ordering: .acquiring) != 0 { return }
        while queuedCount.load(ordering: .acquiring) == 0, !stopPolling.load(ordering: .acquiring), clock.now < deadline {
            sched_yield()
        }
    }
}
