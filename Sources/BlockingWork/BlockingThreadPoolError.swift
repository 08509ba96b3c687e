/// Why a `BlockingThreadPool` refused work.
public enum BlockingThreadPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `shutdown()` was called: the pool accepts no new work.
    case shutDown

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .shutDown: "the blocking thread pool is shut down and accepts no new work"
        }
    }
}
