import PasswordHashing
import Testing

/// The upgrade on login: a match on an older format says needsRehash; the new argon2id hash replaces it
/// and verifies without one.
@Suite struct UpgradeOnLoginTests {
    @Test(arguments: [
        "s2:q0kz7c2x9m4b1n8v:1c1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e3488",
        "q0kz7c2x9m4b1n8v:33c9bbdde8a4b9bb53145d2b90ee0c5c1da491bc99ae2fcc17da172a869b5625399a946422125190d642717267888f8c4384a80e7eca8c04103fb3376dd0f6a0",
    ])
    func olderFormatIsReplacedByArgon2id(_ legacy: String) async throws {
        try await withHasher { (hasher: PasswordHasher) async throws in
            var stored = legacy
            if case .match(needsRehash: true) = try await hasher.verify("password123", against: stored) {
                stored = try await hasher.hash("password123")
            }
            #expect(PasswordHashFormat.detect(stored) == .argon2id)
            #expect(try await hasher.verify("password123", against: stored) == .match(needsRehash: false))
            #expect(try PythonReference.argon2Accepts(stored, "password123"))
        }
    }
}
