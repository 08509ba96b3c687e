import AuthStore
/// Which Lucia layout `provision` creates.
public enum ProvisionLayout: String, Sendable, CaseIterable, CustomStringConvertible {
    /// lucia@3 with @lucia-auth/adapter-mongodb: `users`, `sessions` (`expires_at` a Date).
    case luciaV3 = "lucia-v3"
    /// lucia@2 with adapter-mongoose: `users`, `sessions` (millisecond numbers), `keys`.
    case luciaV2 = "lucia-v2"

    /// The layout's name (`lucia-v3`, `lucia-v2`).
    public var description: String { rawValue }
}

/// The auth collection names (`--users`, `--sessions`, `--keys`).
public struct AuthCollectionNames: Sendable, Equatable {
    /// The users collection (default `users`).
    public var users: String
    /// The sessions collection (default `sessions`).
    public var sessions: String
    /// The v2 keys collection (default `keys`).
    public var keys: String

    /// Creates the names.
    public init(users: String = "users", sessions: String = "sessions", keys: String = "keys") {
        self.users = users
        self.sessions = sessions
        self.keys = keys
    }

    /// The collections of `layout`, in creation order.
    public func all(for layout: ProvisionLayout) -> [String] {
        layout == .luciaV2 ? [users, sessions, keys] : [users, sessions]
    }

    /// The ledger collection (``ProvisionLedger/collection(forUsers:)``).
    public var ledger: String { ProvisionLedger.collection(forUsers: users) }
}
