public import Foundation

/// How an `AuthStore` behaves.
public struct AuthStoreConfiguration: Sendable {
    /// Session lifetime and renewal (Lucia's `sessionExpiresIn`; default 30 days).
    public var policy: SessionPolicy
    /// The token format; `nil` detects it from the data, and uses `split` when the data tells nothing.
    public var tokenFormat: SessionTokenFormat?
    /// The clock (injected in tests).
    public var clock: @Sendable () -> Date

    /// Creates a configuration.
    public init(
        sessionExpiresIn: TimeInterval = SessionPolicy.defaultExpiresIn,
        tokenFormat: SessionTokenFormat? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.policy = SessionPolicy(expiresIn: sessionExpiresIn)
        self.tokenFormat = tokenFormat
        self.clock = clock
    }
}
