/// The result of checking a password against a stored hash (mirrors PasswordHashing's `PasswordCheck`).
public enum PasswordVerdict: Sendable, Hashable {
    /// The password does not match.
    case mismatch
    /// It matches; `needsRehash` when the hash uses outdated parameters or a legacy format.
    case match(needsRehash: Bool)
}

/// What AuthStore needs from a password hasher: PasswordHashing's `PasswordHasher` has exactly these
/// two methods; its conformance is added where both modules meet.
public protocol PasswordHashingService: Sendable {
    /// A new hash (PHC string) of `password`.
    func hash(_ password: String) async throws -> String
    /// Checks `password` against `hash`.
    func verify(_ password: String, against hash: String) async throws -> PasswordVerdict
}
