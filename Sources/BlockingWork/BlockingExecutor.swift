import Foundation

/// Runs blocking work (libmongoc calls, socket polls, TLS handshakes) on a thread of its own,
/// never on Swift's cooperative thread pool.
///
/// A blocking call on the cooperative pool stalls unrelated tasks; with 2 cores, two silent hosts
/// would stall the whole process. A concurrent Dispatch queue is no better for this: it runs only
/// about one work item per core at once, so a probe waiting out its timeout delays every other
/// probe. The calls are few and long (milliseconds to seconds), so a dedicated thread per call
/// costs little and keeps every timeout honest.
public enum BlockingExecutor {
    /// The name of the threads this executor starts.
    public static let threadName = "mongo-doctor.blocking"

    /// Runs `work` on a new thread and returns its result (or rethrows its error).
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            start { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs non-failing `work` on a new thread and returns its result.
    public static func value<T: Sendable>(of work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: work()) }
        }
    }

    /// Whether the calling code runs on one of this executor's threads.
    public static var isOnBlockingThread: Bool { Thread.current.threadDictionary[threadName] as? Bool == true }

    private static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.current.threadDictionary[threadName] = true
            body()
        }
        thread.name = threadName
        thread.start()
    }
}
