import AuthStore
import Testing
import TestSupport

/// AuthStore with the real `PasswordHasher`: argon2id on create, every Lucia format on login, and
/// upgrade on login, on both offline backends (bodies: TestSupport's `RealHasherContract`).
@Suite struct RealHasherTests {
    @Test("a new user's password is an argon2id PHC string that verifies", arguments: BackendKind.allCases)
    func createAndVerify(kind: BackendKind) async throws {
        try await RealHasherContract.createAndVerify(kind.maker)
    }

    @Test("a Lucia v2 scrypt hash logs in and is upgraded to argon2id", arguments: BackendKind.allCases)
    func upgradeOnLogin(kind: BackendKind) async throws {
        try await RealHasherContract.upgradeOnLogin(kind.maker)
    }
}
