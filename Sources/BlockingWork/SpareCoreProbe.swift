/// Whether the machine has a core to spare right now, so that a caller may hold one while it polls
/// for a short call's result (`BlockingThreadPool.runShort`) instead of suspending.
///
/// `system` reads Linux's count of runnable threads (the fourth field of `/proc/loadavg`, which counts
/// the reader too) at most once a millisecond and answers whether it is at most the active core count:
/// every runnable thread, the caller and the pool thread running its work among them, has a core. On
/// a busy machine a suspended caller's thread has other tasks to run, so polling would only take a
/// core from them. Where `/proc/loadavg` cannot be read (other systems), it answers no: callers suspend.
public struct SpareCoreProbe: Sendable {
    private let answer: @Sendable () -> Bool

    /// A probe that answers with `answer` (tests: always, never).
    public init(_ answer: @escaping @Sendable () -> Bool) { self.answer = answer }

    /// Whether a caller may poll now.
    public func isAvailable() -> Bool { answer() }

    /// The machine's own answer, from `/proc/loadavg`.
    public static let system = SpareCoreProbe { LoadAverageSampler.shared.hasSpareCore() }
}
