import PasswordHashing
import Testing

/// bcrypt verification through libxcrypt's crypt_rn, against hashes from Python's `bcrypt`.
@Suite struct BcryptTests {
    /// `$2y$` is PHP's (and htpasswd's) name for the same algorithm as `$2b$`: it is made by renaming one.
    @Test(arguments: ["2a", "2b", "2y"], ["password123", "pässwörd", "x"])
    func pythonBcryptHashesVerify(_ prefix: String, _ password: String) async throws {
        var stored = try PythonReference.bcrypt(password, prefix: prefix == "2y" ? "2b" : prefix)
        if prefix == "2y" { stored = "$2y$" + stored.dropFirst(4) }
        #expect(stored.hasPrefix("$\(prefix)$04$"))
        #expect(PasswordHashFormat.detect(stored) == .bcrypt)
        try await withHasher { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify(password, against: stored) == .match(needsRehash: true))
            #expect(try await hasher.verify(password + "!", against: stored) == .mismatch)
            #expect(try await hasher.verify("", against: stored) == .mismatch)
        }
    }

    /// A password with a NUL byte cannot be a bcrypt password (crypt_rn reads C strings): never a match.
    @Test func passwordWithNULNeverMatches() async throws {
        let stored = try PythonReference.bcrypt("abc", prefix: "2b")
        try await withHasher { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify("abc\u{0}def", against: stored) == .mismatch)
        }
    }
}
