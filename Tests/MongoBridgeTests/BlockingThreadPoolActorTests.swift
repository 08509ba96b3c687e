import BlockingWork
import Foundation
import Synchronization
import Testing

/// `BlockingThreadPool.run` is `nonisolated(nonsending)`: called from an actor it starts on that actor,
/// but the work still runs on a pool thread and the actor is free while it waits.
@Suite(.timeLimit(.minutes(5)))
struct BlockingThreadPoolActorTests {
    final class Flag: Sendable {
        let raised = Atomic(false)
    }

    actor Caller {
        private var pings = 0

        /// Runs `work` through `pool` from this actor; `true` when it ran on one of the pool's threads.
        func runBlocking(on pool: BlockingThreadPool, started: Flag, gate: DispatchSemaphore) async throws -> Bool {
            try await pool.run {
                started.raised.store(true, ordering: .releasing)
                gate.wait()
                return pool.ownsCurrentThread && BlockingExecutor.isOnBlockingThread
            }
        }

        func ping() -> Int {
            pings += 1
            return pings
        }
    }

    @Test func fromAnActorTheWorkRunsOnThePoolWhileTheActorAnswers() async throws {
        let pool = BlockingThreadPool(threadCount: 1, spinInterval: .zero)
        let caller = Caller()
        let started = Flag()
        let gate = DispatchSemaphore(value: 0)
        let blocked = Task { try await caller.runBlocking(on: pool, started: started, gate: gate) }
        while !started.raised.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(1)) }
        // The pool's only thread is held by the work; had the work run on the actor, these would hang.
        var answers: [Int] = []
        for _ in 0..<3 { answers.append(await caller.ping()) }
        gate.signal()
        #expect(try await blocked.value)
        #expect(answers == [1, 2, 3])
        await pool.shutdown()
    }
}
