import Foundation

/// One verification of a password against a stored hash whose format is known: the candidates (NFKC
/// form, then the raw form where the format allows it), the format's rule, and the rehash verdict.
/// Runs on the hashing pool only.
struct StoredHashVerifier {
    let format: PasswordHashFormat
    let stored: String
    /// The hasher's parameters: an argon2id hash below them needs a rehash.
    let floor: Argon2Parameters

    /// The verdict for `password`.
    func check(_ password: String) throws(PasswordHashError) -> PasswordCheck {
        let normalized = password.precomposedStringWithCompatibilityMapping
        if try matches(SecretBytes(utf8: normalized)) {
            return .match(needsRehash: try needsRehash())
        }
        // argon2 and bcrypt producers other than Lucia/oslo may not normalise: try the raw bytes too.
        let triesRaw = format != .scryptS2 && format != .scryptTwoPart
        if triesRaw, !normalized.utf8.elementsEqual(password.utf8), try matches(SecretBytes(utf8: password)) {
            return .match(needsRehash: true)
        }
        return .mismatch
    }

    /// Whether `secret` is the password of the stored hash, by the format's rule.
    private func matches(_ secret: SecretBytes) throws(PasswordHashError) -> Bool {
        switch format {
        case .argon2id, .argon2i, .argon2d:
            _ = try Argon2PHC(stored)  // refuses a memory cost above the limit before libargon2 allocates
            return try Argon2.verify(secret, against: stored, format: format)
        case .scryptS2:
            return try Scrypt.matches(secret, Scrypt.parse(stored, prefixed: true), blockSize: 16)
        case .scryptTwoPart:
            let parsed = try Scrypt.parse(stored, prefixed: false)
            // Lucia v3 Scrypt, oslo, better-auth and 3.0.0's unprefixed LegacyScrypt (r=16) write 32-hex
            // salts; Lucia before 0.3 (r=8) wrote 16-character ones. Try r=16 first only for a 32-hex salt.
            if parsed.saltIsHex32, try Scrypt.matches(secret, parsed, blockSize: 16) { return true }
            return try Scrypt.matches(secret, parsed, blockSize: 8)
        case .bcrypt:
            return try Bcrypt.verify(secret, against: stored)
        }
    }

    /// Whether a matched hash should be replaced by a fresh argon2id one.
    private func needsRehash() throws(PasswordHashError) -> Bool {
        guard format.isCurrent else { return true }
        return try !Argon2PHC(stored).meets(floor)
    }
}
