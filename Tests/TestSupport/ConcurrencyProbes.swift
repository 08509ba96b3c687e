import Foundation

/// Small thread-safe recorders for the concurrency tests.
public final class Recorder<Element: Sendable & Hashable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    /// An empty recorder.
    public init() {}

    /// Records `item`.
    public func add(_ item: Element) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    /// Everything recorded, in order.
    public var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    /// How many distinct items were recorded.
    public var distinctCount: Int { Set(all).count }
}

/// The calling thread's pthread identity, as a number.
public func currentThreadID() -> UInt { UInt(pthread_self()) }

/// Thrown by `withDeadline` when the work did not finish in time (a deadlock fails, never hangs).
public struct DeadlineExceeded: Error, CustomStringConvertible {
    /// The deadline that passed.
    public let seconds: Double
    /// What happened.
    public var description: String { "did not finish within \(seconds) s" }
}

/// Runs `work` in its own task and returns its result, or throws `DeadlineExceeded` after `seconds`
/// (the stuck task is abandoned, so a deadlock fails the test instead of hanging the run).
/// Give it minutes, not seconds: in the whole suite's parallel run on two cores, tests that wait for
/// processes hold the cooperative threads, and a task that is not deadlocked can wait a minute or more.
public func withDeadline<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    let once = Once<Result<T, any Error>>()
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        once.onFirst = { continuation.resume(with: $0) }
        Task { once.fire(await Result { try await work() }) }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            once.fire(.failure(DeadlineExceeded(seconds: seconds)))
        }
    }
}

/// Delivers the first of several racing values, once.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    var onFirst: (@Sendable (Value) -> Void)?

    func fire(_ value: Value) {
        lock.lock()
        let first = !done
        done = true
        let deliver = onFirst
        lock.unlock()
        if first { deliver?(value) }
    }
}

extension Result where Failure == any Error {
    /// Catches an async body's error into a result.
    public init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
