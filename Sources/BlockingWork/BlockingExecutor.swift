import Foundation

/// Runs blocking work on a thread of its own per call, never on Swift's cooperative thread pool.
///
/// Two executors exist on purpose; choose explicitly:
/// - `BlockingExecutor.dedicatedThread { }` starts one new thread per call. It is for probes whose
///   call may sit out a whole timeout (a TCP dial or TLS handshake to a silent host, a DNS query, a
///   local file-system check): each gets its own thread, so one slow probe never delays another and
///   every timeout stays honest. The calls are few and long, so a thread each costs little.
/// - `BlockingThreadPool.run { }` queues work on a bounded set of threads. It is for many short calls
///   under load (a web server's database operations), where a thread per call would explode.
///
/// A concurrent Dispatch queue is neither: it runs only about one work item per core at once.
public enum BlockingExecutor {
    /// The name of the threads this executor starts.
    public static let threadName = "mongo-doctor.blocking"

    /// The thread-dictionary key marking threads that may block (dedicated threads and pool workers).
    static let blockingMarkKey = "mongo-doctor.blocking"

    /**
     Runs `work` on a new thread of its own and returns its result, or rethrows its error.

     Use it for probes that may wait out a timeout (one thread per silent host); use
     `BlockingThreadPool.run` for many short calls.

     - Parameter work: the blocking work; it runs exactly once, on a thread started for it.
     - Returns: what `work` returned.
     - Throws: exactly what `work` threw (nothing when `work` cannot throw).
     */
    public static func dedicatedThread<T: Sendable, E: Error>(
        _ work: @escaping @Sendable () throws(E) -> T
    ) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            startThread { continuation.resume(returning: Result { () throws(E) -> T in try work() }) }
        }
        return try result.get()
    }

    /// Whether the calling code runs on a thread that may block: one this executor started, or a
    /// `BlockingThreadPool` worker. Cooperative-pool threads answer `false`.
    public static var isOnBlockingThread: Bool { Thread.current.threadDictionary[blockingMarkKey] as? Bool == true }

    /// Starts a thread of this executor's for `body` (marked as one that may block).
    static func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            KernelThreadName.set(threadName)
            Thread.current.threadDictionary[blockingMarkKey] = true
            body()
        }
        thread.name = threadName
        thread.start()
    }
}
