public import Foundation

/// Brute-force protection for `POST /login`, as a value: after `limit` failed logins for one username
/// within `window`, further attempts are refused until the oldest of those failures leaves the window.
///
/// An attempt is counted from its `begin` to its `finish`, so attempts racing in parallel count too:
/// failures plus attempts in progress never exceed `limit`. Usernames are keyed case-insensitively (as
/// the store compares them), known or not, so the answer never tells which exist. The table holds at
/// most `capacity` usernames: when full, entries whose failures have all left the window go first, then
/// the one whose last failure is oldest. It lives in this process's memory: several processes each
/// count on their own, and a restart forgets.
public struct LoginThrottle: Sendable {
    /// Failures allowed within the window (5).
    public let limit: Int
    /// The window (one minute).
    public let window: TimeInterval
    /// The most usernames tracked at once.
    public let capacity: Int
    private var failures: [String: [Date]] = [:]
    private var inProgress: [String: Int] = [:]

    /// Creates an empty throttle.
    public init(limit: Int = 5, window: TimeInterval = 60, capacity: Int = 10_000) {
        self.limit = max(1, limit)
        self.window = window
        self.capacity = max(1, capacity)
    }

    /// What an attempt may do.
    public enum Decision: Sendable, Equatable {
        /// Check the password, then call `finish`.
        case proceed
        /// Refuse (429) for this many whole seconds (`Retry-After`).
        case refuse(retryAfter: Int)
    }

    /// How an attempt ended.
    public enum Outcome: Sendable, Equatable {
        /// The password matched: the username's failures are forgotten.
        case succeeded
        /// It did not (or the user is unknown): one more failure.
        case failed
        /// No answer (the store failed): not counted either way.
        case abandoned
    }

    /// Usernames tracked now (with failures in the window).
    public var trackedCount: Int { failures.count }

    /// Whether an attempt for `key` at `now` may check a password; `.proceed` counts it as in progress
    /// until `finish`.
    public mutating func begin(_ key: String, now: Date) -> Decision {
        let recent = live(key, now: now) ?? []
        let running = inProgress[key, default: 0]
        if recent.count >= limit {
            let freeAt = recent[recent.count - limit].addingTimeInterval(window)
            return .refuse(retryAfter: max(1, Int(freeAt.timeIntervalSince(now).rounded(.up))))
        }
        if recent.count + running >= limit { return .refuse(retryAfter: 1) }
        inProgress[key] = running + 1
        return .proceed
    }

    /// Ends an attempt `begin` let through.
    public mutating func finish(_ key: String, _ outcome: Outcome, now: Date) {
        let running = inProgress[key, default: 1] - 1
        inProgress[key] = running > 0 ? running : nil
        switch outcome {
        case .succeeded:
            failures[key] = nil
        case .failed:
            var recent = live(key, now: now) ?? []
            recent.append(now)
            if recent.count > limit { recent.removeFirst(recent.count - limit) }
            if failures[key] == nil, failures.count >= capacity { evict(now: now) }
            failures[key] = recent
        case .abandoned:
            break
        }
    }

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
