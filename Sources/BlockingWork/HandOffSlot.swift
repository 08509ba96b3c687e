import Synchronization

/// The meeting point of one short hand-off: the pool's thread stores the result, and the caller
/// either finds it while it polls briefly or parks on a continuation the worker then resumes.
final class HandOffSlot<T: Sendable>: @unchecked Sendable {
    private static var pending: Int { 0 }
    private static var done: Int { 1 }
    private static var parked: Int { 2 }

    private let state = Atomic<Int>(0)
    // Written once before `state` leaves `pending` (release), read after it is seen (acquire).
    private var result: Result<T, any Error>?
    private var continuation: CheckedContinuation<Result<T, any Error>, Never>?

    /// The pool's side: stores `result` and wakes the caller if it has parked.
    func complete(_ result: Result<T, any Error>) {
        self.result = result
        if state.exchange(Self.done, ordering: .acquiringAndReleasing) == Self.parked {
            continuation?.resume(returning: result)
        }
    }

    /// Whether the worker has finished (then `result` may be read).
    var isDone: Bool { state.load(ordering: .acquiring) == Self.done }

    /// The stored result; only after `isDone` was seen true.
    var finished: Result<T, any Error> { result! }

    /// Parks the caller until `complete` runs (at once if it already has).
    func wait() async -> Result<T, any Error> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
            self.continuation = continuation
            let (parked, _) = state.compareExchange(
                expected: Self.pending, desired: Self.parked, ordering: .acquiringAndReleasing
            )
            if !parked { continuation.resume(returning: result!) }
        }
    }
}
