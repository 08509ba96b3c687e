public import Foundation
public import AuthStore
public import PasswordHashing
import Synchronization

/// One backend for one contract test (memory, SQLite, MongoDB), with what a test needs to reach
/// around the API. AuthStoreTests makes the offline kinds, IntegrationTests the MongoDB one; both run
/// the same bodies (`UserContract`, `SessionContract`, `RealHasherContract`).
public protocol AuthContractFixture: Sendable {
    /// The backend under test, empty.
    var backend: any AuthStoreBackend { get }
    /// Writes a session whose user does not exist, as another application could.
    func insertOrphan(id: String, userID: String, expiresAt: Date) async throws
    /// Removes what the fixture made (file, database) and closes the backend.
    func tearDown() async
}

extension AuthContractFixture {
    /// An `AuthStore` on the fixture's backend with a test clock.
    public func store(_ format: SessionTokenFormat?, clock: TestClock, expiresIn: TimeInterval = SessionPolicy.defaultExpiresIn) async throws -> AuthStore {
        try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(sessionExpiresIn: expiresIn, tokenFormat: format, clock: { clock.now }))
    }
}

/// Makes a fixture for one test.
public typealias AuthFixtureMaker = @Sendable () async throws -> any AuthContractFixture

/// Runs `body` with a fresh fixture and tears it down afterwards, also when `body` throws.
public func withAuthFixture(_ make: AuthFixtureMaker, _ body: (any AuthContractFixture) async throws -> Void) async throws {
    let fixture = try await make()
    do {
        try await body(fixture)
    } catch {
        await fixture.tearDown()
        throw error
    }
    await fixture.tearDown()
}

/// A clock tests move by hand.
public final class TestClock: Sendable {
    private let time: Mutex<Date>
    /// A clock at `start` (by default a fixed time in June 2025).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { time = Mutex(start) }
    /// The clock's time.
    public var now: Date { time.withLock { $0 } }
    /// Moves the clock forward.
    public func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
    /// Sets the clock.
    public func set(_ date: Date) { time.withLock { $0 = date } }
}

/// A password hasher for tests only: "fake$<password>" (current) or "old$<password>" (needs rehash).
public struct FakeHasher: PasswordHashingService {
    /// A hasher.
    public init() {}
    public func hash(_ password: String) async throws -> String { "fake$" + password }
    public func verify(_ password: String, against hash: String) async throws -> PasswordCheck {
        if hash == "fake$" + password { return .match(needsRehash: false) }
        if hash == "old$" + password { return .match(needsRehash: true) }
        return .mismatch
    }
}
