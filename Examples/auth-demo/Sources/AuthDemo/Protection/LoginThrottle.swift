public import Foundation

/// Brute-force protection for `POST /login`, as a value: after `limit` failed logins for one username
/// within `window`, further attempts are refused until the oldest of those failures leaves the window.
///
/// Usernames are keyed case-insensitively (as the store compares them), known or not, so the answer
/// never tells which exist. The table holds at most `capacity` usernames: when full, entries whose
/// failures have all left the window go first, then the one whose last failure is oldest. It lives
/// in this process's memory: several processes each count on their own, and a restart forgets.
public struct LoginThrottle: Sendable {
    /// Failures allowed within the window (5).
    public let limit: Int
    /// The window (one minute).
    public let window: TimeInterval
    /// The most usernames tracked at once.
    public let capacity: Int
    private var failures: [String: [Date]] = [:]

    /// Creates an empty throttle.
    public init(limit: Int = 5, window: TimeInterval = 60, capacity: Int = 10_000) {
        self.limit = max(1, limit)
        self.window = window
        self.capacity = max(1, capacity)
    }

    /// What an attempt may do.
    public enum Decision: Sendable, Equatable {
        /// Check the password.
        case proceed
        /// Refuse (429) for this many whole seconds (`Retry-After`).
        case refuse(retryAfter: Int)
    }

    /// Usernames tracked now.
    public var trackedCount: Int { failures.count }

    /// Whether an attempt for `key` at `now` may check a password.
    public mutating func decide(_ key: String, now: Date) -> Decision {
        guard let recent = live(key, now: now), recent.count >= limit else { return .proceed }
        let freeAt = recent[recent.count - limit].addingTimeInterval(window)
        return .refuse(retryAfter: max(1, Int(freeAt.timeIntervalSince(now).rounded(.up))))
    }

    /// Records a failed attempt for `key`.
    public mutating func recordFailure(_ key: String, now: Date) {
        var recent = live(key, now: now) ?? []
        recent.append(now)
        if recent.count > limit { recent.removeFirst(recent.count - limit) }
        if failures[key] == nil, failures.count >= capacity { evict(now: now) }
        failures[key] = recent
    }

    /// Forgets `key`'s failures (a successful login).
    public mutating func recordSuccess(_ key: String) { failures[key] = nil }

    /// `key`'s failures still inside the window (pruning the rest), or `nil` when none are.
    private mutating func live(_ key: String, now: Date) -> [Date]? {
        guard let stored = failures[key] else { return nil }
        let recent = stored.filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent.isEmpty ? nil : recent
    }

    private mutating func evict(now: Date) {
        failures = failures.filter { _, dates in dates.contains { now.timeIntervalSince($0) < window } }
        if failures.count >= capacity, let oldest = failures.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) })?.key {
            failures[oldest] = nil
        }
    }
}
