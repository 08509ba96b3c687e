public import Foundation

/// Lucia v3's session rules (`lucia@3` `core.ts`), as a pure function of the stored session and a time.
public struct SessionPolicy: Sendable, Hashable {
    /// The default lifetime, Lucia's `sessionExpiresIn`: 30 days.
    public static let defaultExpiresIn: TimeInterval = 30 * 24 * 60 * 60

    /// A session's lifetime; it must equal the JavaScript application's `sessionExpiresIn` when one
    /// shares the database, or the two disagree about renewals.
    public let expiresIn: TimeInterval

    /// A policy with the given lifetime (at least one second).
    public init(expiresIn: TimeInterval = SessionPolicy.defaultExpiresIn) {
        self.expiresIn = max(1, expiresIn)
    }

    /// What validation does with a fetched session.
    public enum Decision: Sendable, Hashable {
        /// Expired (`now >= expiresAt`) or orphaned: delete it and reject.
        case delete
        /// Less than half its lifetime left: store the new expiry and accept it as fresh.
        case extend(to: Date)
        /// Valid: accept it unchanged.
        case accept
    }

    /// The expiry of a session created or extended at `now`: `now + expiresIn`, in whole seconds
    /// (SQLite stores seconds; every backend then agrees).
    public func expiry(from now: Date) -> Date {
        Date(timeIntervalSince1970: (now.timeIntervalSince1970 + expiresIn).rounded(.down))
    }

    /**
     Lucia v3's `validateSession` after the fetch.

     - Parameters:
       - expiresAt: the stored expiry.
       - userExists: whether the join found the user.
       - now: the injected clock's time.
     */
    public func decide(expiresAt: Date, userExists: Bool, now: Date) -> Decision {
        guard userExists, now < expiresAt else { return .delete }
        if now >= expiresAt.addingTimeInterval(-expiresIn / 2) { return .extend(to: expiry(from: now)) }
        return .accept
    }

    /// Whether a listed session is still valid at `now`.
    public func isLive(_ expiresAt: Date, now: Date) -> Bool { now < expiresAt }
}
