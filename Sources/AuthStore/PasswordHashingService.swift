public import PasswordHashing

/// What AuthStore needs from a password hasher. PasswordHashing's `PasswordHasher` (argon2id through
/// libargon2, and every legacy format a Lucia database holds) is the real one; tests may give a fake.
public protocol PasswordHashingService: Sendable {
    /// A new hash (PHC string) of `password`.
    func hash(_ password: String) async throws -> String
    /// Checks `password` against `hash`; `.match(needsRehash: true)` asks for an upgrade on login.
    func verify(_ password: String, against hash: String) async throws -> PasswordCheck
}

extension PasswordHasher: PasswordHashingService {}
