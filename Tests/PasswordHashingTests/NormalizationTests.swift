import PasswordHashing
import Testing

/// Passwords are NFKC-normalised (Lucia, oslo): a compatibility character hashes like its normal form.
@Suite struct NormalizationTests {
    /// (as typed, NFKC form): ligature, circled digit, fullwidth letters, decomposed accent, superscript.
    static let pairs: [(String, String)] = [
        ("ﬁsh", "fish"),
        ("pin①②③", "pin123"),
        ("Ｐａｓｓ", "Pass"),
        ("cafe\u{301}", "café"),
        ("x²", "x2"),
    ]

    @Test(arguments: pairs)
    func compatibilityFormHashesLikeItsNormalForm(_ typed: String, _ normal: String) async throws {
        try await withHasher { (hasher: PasswordHasher) async throws in
            let hash = try await hasher.hash(typed)
            #expect(try await hasher.verify(normal, against: hash) == .match(needsRehash: false))
            #expect(try await hasher.verify(typed, against: hash) == .match(needsRehash: false))
            // argon2-cffi, which does not normalise, agrees only with the NFKC bytes.
            #expect(try PythonReference.argon2Accepts(hash, normal))
        }
    }

    /// A Lucia scrypt hash holds the NFKC form; the password as typed verifies.
    @Test(arguments: pairs)
    func scryptUsesTheNormalForm(_ typed: String, _ normal: String) async throws {
        let key = try PythonReference.scryptKey(normal, salt: "q0kz7c2x9m4b1n8v", blockSize: 16)
        try await withHasher { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify(typed, against: "s2:q0kz7c2x9m4b1n8v:\(key)") == .match(needsRehash: true))
        }
    }

    /// An argon2id hash of the raw, unnormalised bytes (the @node-rs/argon2 tutorials) still verifies,
    /// and asks for a rehash so the stored form becomes NFKC.
    @Test(arguments: pairs)
    func rawArgon2HashVerifiesAndAsksForARehash(_ typed: String, _ normal: String) async throws {
        let stored = try PythonReference.argon2(typed, type: "id", iterations: 2, memoryKiB: 19456, lanes: 1)
        try await withHasher { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify(typed, against: stored) == .match(needsRehash: true))
            #expect(try await hasher.verify(normal + "?", against: stored) == .mismatch)
        }
    }
}
