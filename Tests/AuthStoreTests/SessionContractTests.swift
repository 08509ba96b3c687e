import Foundation
import Testing
import AuthStore

/// The session half of the contract (Lucia v3's rules), for every backend and every token format.
@Suite("AuthStore sessions (contract)")
struct SessionContractTests {
    static let day: TimeInterval = 86_400
    static let cases = BackendKind.allCases.flatMap { kind in SessionTokenFormat.allCases.map { (kind, $0) } }

    func setUp(_ kind: BackendKind, _ format: SessionTokenFormat, clock: TestClock) async throws -> (BackendFixture, AuthStore, AuthUser) {
        let fixture = try await BackendFixture.make(kind)
        let store = try await fixture.store(format, clock: clock)
        let user = try await store.createUser(username: "alice", hashedPassword: nil)
        return (fixture, store, user)
    }

    @Test("create then validate: 30 days, token shape per format, not fresh until renewed", arguments: cases)
    func createValidate(kind: BackendKind, format: SessionTokenFormat) async throws {
        let clock = TestClock()
        let (fixture, store, user) = try await setUp(kind, format, clock: clock)
        defer { fixture.remove() }
        let created = try await store.createSession(userID: user.id)
        #expect(created.session.fresh)
        #expect(created.session.expiresAt == clock.now.addingTimeInterval(30 * Self.day))
        let token = created.token.value
        switch format {
        case .luciaV3:
            #expect(token.count == 40 && created.session.id == token)
            #expect(token.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        case .sha256:
            #expect(token.count == 32 && created.session.id.count == 64 && created.session.id != token)
        case .split:
            let parts = token.split(separator: ".")
            #expect(parts.count == 2 && parts[0].count == 24 && parts[1].count == 24 && created.session.id == String(parts[0]))
        }
        clock.advance(Self.day)
        let valid = try #require(try await store.validate(created.token))
        #expect(valid.user.id == user.id && !valid.session.fresh && valid.session.expiresAt == created.session.expiresAt)
        #expect(try await store.validate(SessionToken(token + "x")) == nil)
        #expect(try await store.validate(SessionToken("")) == nil)
        #expect(!String(describing: created).contains(token) && !String(describing: valid).contains(token))
    }

    @Test("expired at exactly expiresAt: rejected and deleted", arguments: cases)
    func expiry(kind: BackendKind, format: SessionTokenFormat) async throws {
        let clock = TestClock()
        let (fixture, store, user) = try await setUp(kind, format, clock: clock)
        defer { fixture.remove() }
        let created = try await store.createSession(userID: user.id)
        clock.set(created.session.expiresAt)
        #expect(try await store.validate(created.token) == nil)
        clock.set(created.session.expiresAt.addingTimeInterval(-31 * Self.day))
        #expect(try await store.validate(created.token) == nil, "deleted, so not valid even at an earlier time")
    }

    @Test("less than half left: extended to now + 30 days and fresh; more than half: unchanged", arguments: cases)
    func renewal(kind: BackendKind, format: SessionTokenFormat) async throws {
        let clock = TestClock()
        let (fixture, store, user) = try await setUp(kind, format, clock: clock)
        defer { fixture.remove() }
        let created = try await store.createSession(userID: user.id)
        clock.advance(15 * Self.day - 1)
        #expect(try await store.validate(created.token)?.session.fresh == false)
        clock.advance(1)
        let renewed = try #require(try await store.validate(created.token))
        #expect(renewed.session.fresh && renewed.session.expiresAt == clock.now.addingTimeInterval(30 * Self.day))
        #expect(renewed.session.id == created.session.id)
        clock.advance(1)
        let again = try #require(try await store.validate(created.token))
        #expect(!again.session.fresh && again.session.expiresAt == renewed.session.expiresAt, "the extension was stored")
    }

    @Test("an orphaned session is rejected and deleted", arguments: BackendKind.allCases)
    func orphan(kind: BackendKind) async throws {
        let clock = TestClock()
        let (fixture, store, _) = try await setUp(kind, .luciaV3, clock: clock)
        defer { fixture.remove() }
        let id = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy"
        try fixture.insertOrphan(id: id, userID: "ghost", expiresAt: clock.now.addingTimeInterval(Self.day))
        #expect(try await fixture.backend.sessionAndUser(id: id)?.user == nil)
        #expect(try await store.validate(SessionToken(id)) == nil)
        #expect(try await fixture.backend.sessionAndUser(id: id) == nil)
    }

    @Test("split: a wrong secret is rejected and does not delete the session", arguments: BackendKind.allCases)
    func splitWrongSecret(kind: BackendKind) async throws {
        let (fixture, store, user) = try await setUp(kind, .split, clock: TestClock())
        defer { fixture.remove() }
        let created = try await store.createSession(userID: user.id)
        let forged = SessionToken(created.session.id + ".abcdefghijkmnpqrstuvwxyz")
        #expect(try await store.validate(forged) == nil)
        try await store.invalidateSession(token: forged)
        #expect(try await store.validate(created.token) != nil)
        #expect(try await store.validate(SessionToken(created.session.id)) == nil)
    }

    @Test("invalidate one, all of a user's, list, delete expired", arguments: cases)
    func invalidation(kind: BackendKind, format: SessionTokenFormat) async throws {
        let clock = TestClock()
        let (fixture, store, alice) = try await setUp(kind, format, clock: clock)
        defer { fixture.remove() }
        let bob = try await store.createUser(username: "bob", hashedPassword: nil)
        let a1 = try await store.createSession(userID: alice.id, attributes: [:])
        clock.advance(60)
        let a2 = try await store.createSession(userID: alice.id)
        clock.advance(60)
        let a3 = try await store.createSession(userID: alice.id)
        let b1 = try await store.createSession(userID: bob.id)
        #expect(try await store.sessions(userID: alice.id).map(\.id) == [a1, a2, a3].map(\.session.id))
        try await store.invalidateSession(token: a1.token)
        #expect(try await store.validate(a1.token) == nil)
        try await store.invalidateSession(id: a2.session.id)
        #expect(try await store.validate(a2.token) == nil)
        #expect(try await store.invalidateUserSessions(userID: alice.id) == 1)
        #expect(try await store.validate(a3.token) == nil)
        #expect(try await store.sessions(userID: alice.id).isEmpty)
        clock.advance(60)
        let a4 = try await store.createSession(userID: alice.id)
        clock.advance(30 * Self.day - 60)
        #expect(try await store.sessions(userID: alice.id).map(\.id) == [a4.session.id], "b1 expired: a4 still live")
        #expect(try await store.sessions(userID: bob.id).isEmpty, "expired sessions are not listed")
        #expect(try await store.deleteExpiredSessions() == 1)
        #expect(try await fixture.backend.sessionAndUser(id: b1.session.id) == nil)
        #expect(try await store.validate(a4.token) != nil)
    }

    @Test("a session for an unknown user is refused", arguments: BackendKind.allCases)
    func unknownUser(kind: BackendKind) async throws {
        let (fixture, store, _) = try await setUp(kind, .split, clock: TestClock())
        defer { fixture.remove() }
        let error = await #expect(throws: AuthStoreError.self) { try await store.createSession(userID: "nobody") }
        #expect(error?.code == .userNotFound)
    }

    @Test("a configurable lifetime drives expiry and renewal", arguments: BackendKind.allCases)
    func configurableLifetime(kind: BackendKind) async throws {
        let clock = TestClock()
        let fixture = try await BackendFixture.make(kind)
        defer { fixture.remove() }
        let store = try await fixture.store(.sha256, clock: clock, expiresIn: 3600)
        let user = try await store.createUser(username: "frank", hashedPassword: nil)
        let created = try await store.createSession(userID: user.id)
        #expect(created.session.expiresAt == clock.now.addingTimeInterval(3600))
        clock.advance(1800)
        #expect(try await store.validate(created.token)?.session.expiresAt == clock.now.addingTimeInterval(3600))
        clock.advance(3600)
        #expect(try await store.validate(created.token) == nil)
    }
}
