import Dispatch

/// Runs blocking work (every libmongoc call, argon2 hashing) on Dispatch threads,
/// never on Swift's cooperative thread pool.
///
/// A blocking call on the cooperative pool would stall unrelated tasks; with 2 cores
/// it could stall the whole process. Each `run` hops to a concurrent Dispatch queue and
/// resumes the caller when the work finishes.
public enum BlockingExecutor {
    private static let marker = DispatchSpecificKey<Bool>()
    private static let queue: DispatchQueue = {
        let queue = DispatchQueue(label: "mongo-doctor.blocking", qos: .userInitiated, attributes: .concurrent)
        queue.setSpecific(key: marker, value: true)
        return queue
    }()

    /// Whether the calling code runs on a blocking-work thread (used to assert where libmongoc runs).
    public static var isOnBlockingThread: Bool { DispatchQueue.getSpecific(key: marker) ?? false }

    /// Runs `work` on a blocking-work thread and returns its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
