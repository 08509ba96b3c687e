import Foundation
import Testing
import AuthStore
import TestSupport

/// AuthStore's shared contract (TestSupport's `UserContract`, `SessionContract`,
/// `RealHasherContract`, the bodies AuthStoreTests runs on memory and SQLite) on `MongoAuthBackend`,
/// each test in a database of its own on the test server, dropped afterwards.
@Suite("AuthStore MongoDB (contract)", .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct MongoContractTests {
    let make = MongoAuthFixture.maker
    static let formats = SessionTokenFormat.allCases

    // MARK: Users

    @Test("usernames are trimmed, NFKC-normalised, found by id and case-insensitively by name")
    func createAndFind() async throws { try await UserContract.createAndFind(make) }

    @Test("a username differing only in case or width is taken", arguments: UserContract.collidingNames)
    func uniqueCaseInsensitively(second: String) async throws { try await UserContract.uniqueCaseInsensitively(make, second: second) }

    @Test("empty or control-character usernames are refused", arguments: UserContract.invalidNames)
    func invalidUsernames(name: String) async throws { try await UserContract.invalidUsernames(make, name: name) }

    @Test("deleting a user deletes their sessions, and only theirs")
    func deleteUser() async throws { try await UserContract.deleteUser(make) }

    @Test("passwords: the hasher's hash is stored; verify matches, mismatches, rehashes")
    func passwords() async throws { try await UserContract.passwords(make) }

    @Test("reserved attribute names are refused", arguments: UserContract.reservedAttributeNames)
    func reservedAttributes(name: String) async throws { try await UserContract.reservedAttributes(make, name: name) }

    @Test("a new user's password is an argon2id PHC string that verifies")
    func realHasherCreateAndVerify() async throws { try await RealHasherContract.createAndVerify(make) }

    @Test("a Lucia v2 scrypt hash logs in and is upgraded to argon2id")
    func realHasherUpgradeOnLogin() async throws { try await RealHasherContract.upgradeOnLogin(make) }

    // MARK: Sessions

    @Test("create then validate: 30 days, token shape per format, not fresh until renewed", arguments: formats)
    func createValidate(format: SessionTokenFormat) async throws { try await SessionContract.createValidate(make, format: format) }

    @Test("expired at exactly expiresAt: rejected and deleted", arguments: formats)
    func expiry(format: SessionTokenFormat) async throws { try await SessionContract.expiry(make, format: format) }

    @Test("less than half left: extended to now + 30 days and fresh; more than half: unchanged", arguments: formats)
    func renewal(format: SessionTokenFormat) async throws { try await SessionContract.renewal(make, format: format) }

    @Test("an orphaned session is rejected and deleted")
    func orphan() async throws { try await SessionContract.orphan(make) }

    @Test("split: a wrong secret is rejected and does not delete the session")
    func splitWrongSecret() async throws { try await SessionContract.splitWrongSecret(make) }

    @Test("invalidate one, all of a user's, list, delete expired", arguments: formats)
    func invalidation(format: SessionTokenFormat) async throws { try await SessionContract.invalidation(make, format: format) }

    @Test("a session for an unknown user is refused")
    func unknownUser() async throws { try await SessionContract.unknownUser(make) }

    @Test("check says why: unknown, expired, user gone", arguments: formats)
    func rejectionReasons(format: SessionTokenFormat) async throws { try await SessionContract.rejectionReasons(make, format: format) }

    @Test("listing: every user, ordered by username then id, cut at the limit")
    func listUsers() async throws { try await UserContract.listUsers(make) }

    @Test("a configurable lifetime drives expiry and renewal")
    func configurableLifetime() async throws { try await SessionContract.configurableLifetime(make) }
}
