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

    /// Whether an attempt for `key` may check a password now (`.proceed`: call `finish` after).
    public func begin(_ key: String) -> LoginThrottle.Decision {
        let now = clock()
        return state.withLock { $0.begin(key, now: now) }
    }

    /// Ends an attempt `begin` let through.
    public func finish(_ key: String, _ outcome: LoginThrottle.Outcome) {
        let now = clock()
        state.withLock { $0.finish(key, outcome, now: now) }
    }
}
