import Foundation

/// Counts the hash computations running at once on a hasher's pool, and the most seen so far; the
/// evidence that `maxConcurrentHashes` (and so the memory bound) holds.
final class ConcurrencyGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private var highest = 0

    /// Marks the start of a computation.
    func enter() {
        lock.lock()
        running += 1
        highest = max(highest, running)
        lock.unlock()
    }

    /// Marks its end.
    func leave() {
        lock.lock()
        running -= 1
        lock.unlock()
    }

    /// The most computations that ran at the same time.
    var peak: Int {
        lock.lock()
        defer { lock.unlock() }
        return highest
    }
}
