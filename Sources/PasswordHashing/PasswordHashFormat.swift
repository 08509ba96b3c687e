/// The stored password formats `PasswordHasher.verify` checks, told apart by shape alone.
public enum PasswordHashFormat: String, Sendable, CaseIterable {
    /// `$argon2id$…` PHC string (what `hash` writes; Lucia v3 tutorials, oslo).
    case argon2id
    /// `$argon2i$…` PHC string.
    case argon2i
    /// `$argon2d$…` PHC string.
    case argon2d
    /// `s2:<salt>:<128 hex>`: Lucia v2 and v3 `LegacyScrypt`, scrypt N=16384, r=16, p=1, salt as text.
    case scryptS2
    /// `<salt>:<128 hex>`: r=16 for a 32-hex salt (Lucia v3 `Scrypt`, oslo, better-auth, 3.0.0's
    /// unprefixed `LegacyScrypt`), tried with r=8 next; r=8 for any other salt (Lucia before 0.3).
    case scryptTwoPart
    /// `$2a$`, `$2b$` or `$2y$` bcrypt (a Lucia beta; other systems).
    case bcrypt

    /**
     The format of a stored hash by its prefix and shape, or nil when it is none of them.

     A known prefix is enough (`$argon2id$`, `$2b$`, `s2:`); `verify` then reports a string that does
     not parse as `malformed`. A string without a prefix counts as `scryptTwoPart` only with exactly one
     colon, a non-empty salt and a 128-hex-digit key.
     */
    public static func detect(_ stored: String) -> PasswordHashFormat? {
        if stored.hasPrefix("$argon2id$") { return .argon2id }
        if stored.hasPrefix("$argon2i$") { return .argon2i }
        if stored.hasPrefix("$argon2d$") { return .argon2d }
        if stored.hasPrefix("$2a$") || stored.hasPrefix("$2b$") || stored.hasPrefix("$2y$") { return .bcrypt }
        if stored.hasPrefix("s2:") { return .scryptS2 }
        let parts = stored.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, parts[1].count == 128, Hex.decode(parts[1]) != nil {
            return .scryptTwoPart
        }
        return nil
    }

    /// Whether a hash of this format is what `hash` writes (still subject to the parameter floor).
    var isCurrent: Bool { self == .argon2id }
}
