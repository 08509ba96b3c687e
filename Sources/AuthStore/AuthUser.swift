/// A user as the Lucia v3 layout stores it: `id` (`users._id` / `user.id`, a random string),
/// `username`, `hashed_password`, and every other attribute kept as it is.
public struct AuthUser: Sendable, Hashable, CustomStringConvertible {
    /// The user's id, an opaque case-sensitive string (never lowercased, never an ObjectId).
    public var id: String
    /// The username, trimmed and NFKC-normalised when AuthStore created it; `nil` for a row another
    /// application wrote without one.
    public var username: String?
    /// The password hash (a PHC string, `s2:…`, …), or `nil` for a user without a password.
    public var hashedPassword: String?
    /// Every other column or field, unchanged.
    public var attributes: AuthAttributes

    /// Creates a user value.
    public init(id: String, username: String?, hashedPassword: String? = nil, attributes: AuthAttributes = [:]) {
        self.id = id
        self.username = username
        self.hashedPassword = hashedPassword
        self.attributes = attributes
    }

    /// The id and username only: never the hash.
    public var description: String {
        "AuthUser(id: \(id), username: \(username.map { "\"\($0)\"" } ?? "nil"), password: \(hashedPassword == nil ? "none" : "set"))"
    }
}
