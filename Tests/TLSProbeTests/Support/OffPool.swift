import Dispatch

/// Runs blocking fixture work (child processes, waits) on a Dispatch queue, so that it does not
/// occupy Swift's cooperative pool, which the probes' continuations need to resume promptly.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
