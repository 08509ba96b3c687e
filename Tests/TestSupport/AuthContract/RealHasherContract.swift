import Foundation
import Testing
import AuthStore
import PasswordHashing

/// AuthStore with the real `PasswordHasher`: argon2id on create, every Lucia format on login, and
/// upgrade on login; the bodies every backend's suite runs.
public enum RealHasherContract {
    /// Lucia v2's `s2` scrypt hash of `password123` (lucia-schemas.md §1.6).
    public static let luciaV2Hash = "s2:q0kz7c2x9m4b1n8v:1c1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e3488"

    /// A new user's password is an argon2id PHC string that verifies.
    public static func createAndVerify(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let hasher = PasswordHasher(maxConcurrentHashes: 2)
            let store = try await fixture.store(.split, clock: TestClock())
            let user = try await store.createUser(username: "ada", password: "correct horse", hasher: hasher)
            #expect(user.hashedPassword?.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$") == true)
            #expect(try await store.verifyPassword(username: "ADA", password: "correct horse", hasher: hasher)?.id == user.id)
            #expect(try await store.verifyPassword(username: "ada", password: "wrong", hasher: hasher) == nil)
            await hasher.shutdown()
        }
    }

    /// A Lucia v2 scrypt hash logs in and is upgraded to argon2id.
    public static func upgradeOnLogin(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let hasher = PasswordHasher(maxConcurrentHashes: 2)
            let store = try await fixture.store(.split, clock: TestClock())
            _ = try await store.createUser(username: "old", hashedPassword: luciaV2Hash)
            let user = try #require(try await store.verifyPassword(username: "old", password: "password123", hasher: hasher))
            let stored = try #require(try await store.user(id: user.id)?.hashedPassword)
            #expect(stored.hasPrefix("$argon2id$"), "rehashed on login")
            #expect(try await hasher.verify("password123", against: stored) == .match(needsRehash: false))
            await hasher.shutdown()
        }
    }
}
