public import Foundation
import Synchronization

/// One `LoginThrottle` shared by every request of the process, behind a lock.
public final class LoginThrottleGate: Sendable {
    private let state: Mutex<LoginThrottle>
    private let clock: @Sendable () -> Date

    /// A gate over `throttle`, reading the time from `clock` (injected in tests).
    public init(_ throttle: LoginThrottle = LoginThrottle(), clock: @escaping @Sendable () -> Date = { Date() }) {
        state = Mutex(throttle)
        self.clock = clock
    }

    /// Whether an attempt for `key` may check a password now.
    public func decide(_ key: String) -> LoginThrottle.Decision {
        let now = clock()
        return state.withLock { $0.decide(key, now: now) }
    }

    /// Records a failed attempt for `key` now.
    public func recordFailure(_ key: String) {
        let now = clock()
        state.withLock { $0.recordFailure(key, now: now) }
    }

    /// Forgets `key`'s failures.
    public func recordSuccess(_ key: String) { state.withLock { $0.recordSuccess(key) } }
}
