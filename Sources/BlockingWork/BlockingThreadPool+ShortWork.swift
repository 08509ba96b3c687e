import Synchronization

extension BlockingThreadPool {
    /// `runShort` callers polling for their results now, in every pool of the process: they hold
    /// threads of the one cooperative pool.
    private static let pollingCallers = Atomic<Int>(0)

    /**
     Like `run(_:)`, for work that takes microseconds (a SQLite point read): when a thread of the pool
     was polling for work, so the work starts at once, the caller polls for the result for up to
     `shortWorkWait` before it suspends. A result that comes in that window reaches the caller with no
     wake-up of its thread through the kernel, which otherwise costs more than such work itself.

     A caller polls only while a pool thread is running its work, only when the machine has a core to
     spare (`spareCore`: on a busy machine the caller's thread has other tasks to run, and polling would
     take a core from them), and only if fewer than `maxPollingCallers` callers of any pool in the
     process poll already; the others, and work that outlasts the window, suspend exactly as with
     `run(_:)`.

     - Parameter work: short blocking work; it runs exactly once if the pool accepts it.
     - Returns: what `work` returned.
     - Throws: what `work` threw, or `BlockingThreadPoolError.shutDown` when the pool refused it.
     */
    nonisolated(nonsending) public func runShort<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        if canRunInPlace { return try work() }
        if ownsCurrentThread { throw BlockingThreadPoolError.shutDown }
        let slot = HandOffSlot<T>()
        switch submit({ slot.complete(Result { try work() }) }) {
        case .refused: throw BlockingThreadPoolError.shutDown
        case .queued: break
        case .takenAtOnce: if waitBriefly(for: slot) { return try slot.finished.get() }
        }
        return try await slot.wait().get()
    }

    /// Polls `slot` for up to `shortWorkWait` when a core is spare and fewer than `maxPollingCallers`
    /// callers of the process poll already; whether its result came.
    private func waitBriefly<T>(for slot: HandOffSlot<T>) -> Bool {
        guard shortWorkWait > .zero, spareCore.isAvailable() else { return false }
        defer { Self.pollingCallers.subtract(1, ordering: .relaxed) }
        guard Self.pollingCallers.add(1, ordering: .relaxed).newValue <= maxPollingCallers else { return false }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: shortWorkWait)
        var polls = 0
        while !slot.isDone {
            polls &+= 1
            if polls & 63 == 0, clock.now >= deadline { return false }
        }
        return true
    }
}
