/// The outcome of `PasswordHasher.verify`.
public enum PasswordCheck: Sendable, Equatable {
    /// The password is not the one the stored hash was made from.
    case mismatch
    /// The password is right. `needsRehash` is true when the stored hash is not argon2id (version 19)
    /// with at least the hasher's parameters, or matched only without NFKC normalisation: the caller
    /// should store `hash(password)` in its place (upgrade on login).
    case match(needsRehash: Bool)

    /// Whether the password matched, whatever the hash's age.
    public var isMatch: Bool {
        if case .match = self { return true }
        return false
    }
}
