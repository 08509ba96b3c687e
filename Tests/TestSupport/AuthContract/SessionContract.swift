import Foundation
import Testing
public import AuthStore

/// The session half of AuthStore's contract (Lucia v3's rules): the bodies every backend's suite runs.
public enum SessionContract {
    static let day: TimeInterval = 86_400

    static func setUp(_ fixture: any AuthContractFixture, _ format: SessionTokenFormat, clock: TestClock) async throws -> (AuthStore, AuthUser) {
        let store = try await fixture.store(format, clock: clock)
        let user = try await store.createUser(username: "alice", hashedPassword: nil)
        return (store, user)
    }

    /// Create then validate: 30 days, token shape per format, not fresh until renewed.
    public static func createValidate(_ make: AuthFixtureMaker, format: SessionTokenFormat) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
            let (store, user) = try await setUp(fixture, format, clock: clock)
            let created = try await store.createSession(userID: user.id)
            #expect(created.session.fresh)
            #expect(created.session.expiresAt == clock.now.addingTimeInterval(30 * day))
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
            clock.advance(day)
            let valid = try #require(try await store.validate(created.token))
            #expect(valid.user.id == user.id && !valid.session.fresh && valid.session.expiresAt == created.session.expiresAt)
            #expect(try await store.validate(SessionToken(token + "x")) == nil)
            #expect(try await store.validate(SessionToken("")) == nil)
            #expect(!String(describing: created).contains(token) && !String(describing: valid).contains(token))
        }
    }

    /// Expired at exactly expiresAt: rejected and deleted.
    public static func expiry(_ make: AuthFixtureMaker, format: SessionTokenFormat) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
            let (store, user) = try await setUp(fixture, format, clock: clock)
            let created = try await store.createSession(userID: user.id)
            clock.set(created.session.expiresAt)
            #expect(try await store.validate(created.token) == nil)
            clock.set(created.session.expiresAt.addingTimeInterval(-31 * day))
            #expect(try await store.validate(created.token) == nil, "deleted, so not valid even at an earlier time")
        }
    }

    /// Less than half left: extended to now + 30 days and fresh; more than half: unchanged.
    public static func renewal(_ make: AuthFixtureMaker, format: SessionTokenFormat) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
            let (store, user) = try await setUp(fixture, format, clock: clock)
            let created = try await store.createSession(userID: user.id)
            clock.advance(15 * day - 1)
            #expect(try await store.validate(created.token)?.session.fresh == false)
            clock.advance(1)
            let renewed = try #require(try await store.validate(created.token))
            #expect(renewed.session.fresh && renewed.session.expiresAt == clock.now.addingTimeInterval(30 * day))
            #expect(renewed.session.id == created.session.id)
            clock.advance(1)
            let again = try #require(try await store.validate(created.token))
            #expect(!again.session.fresh && again.session.expiresAt == renewed.session.expiresAt, "the extension was stored")
        }
    }

    /// An orphaned session is rejected and deleted.
    public static func orphan(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
            let (store, _) = try await setUp(fixture, .luciaV3, clock: clock)
            let id = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy"
            try await fixture.insertOrphan(id: id, userID: "ghost", expiresAt: clock.now.addingTimeInterval(day))
            #expect(try await fixture.backend.sessionAndUser(id: id)?.user == nil)
            #expect(try await store.validate(SessionToken(id)) == nil)
            #expect(try await fixture.backend.sessionAndUser(id: id) == nil)
        }
    }

    /// `check` says why: unknown (never issued, malformed, revoked), expired, user gone; valid ones carry the user.
    public static func rejectionReasons(_ make: AuthFixtureMaker, format: SessionTokenFormat) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
            let (store, user) = try await setUp(fixture, format, clock: clock)
            let live = try await store.createSession(userID: user.id)
            let dying = try await store.createSession(userID: user.id)
            #expect(try await store.check(live.token).validated?.user.id == user.id)
            #expect(try await store.check(SessionToken(live.token.value + "x")) == .rejected(.unknown))
            #expect(try await store.check(SessionToken("")) == .rejected(.unknown))
            try await store.invalidateSession(token: live.token)
            #expect(try await store.check(live.token) == .rejected(.unknown))
            clock.set(dying.session.expiresAt)
            #expect(try await store.check(dying.token) == .rejected(.expired))
            #expect(try await store.check(dying.token) == .rejected(.unknown), "an expired session is deleted")
            if format == .luciaV3 {
                let id = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy"
                try await fixture.insertOrphan(id: id, userID: "ghost", expiresAt: clock.now.addingTimeInterval(-day))
                #expect(try await store.check(SessionToken(id)) == .rejected(.userGone), "an orphan is user-gone even when also expired")
                #expect(try await store.check(SessionToken(id)) == .rejected(.unknown))
            }
        }
    }

    /// split: a wrong secret is rejected and does not delete the session.
    public static func splitWrongSecret(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let (store, user) = try await setUp(fixture, .split, clock: TestClock())
            let created = try await store.createSession(userID: user.id)
            let forged = SessionToken(created.session.id + ".abcdefghijkmnpqrstuvwxyz")
            #expect(try await store.validate(forged) == nil)
            try await store.invalidateSession(token: forged)
            #expect(try await store.validate(created.token) != nil)
            #expect(try await store.validate(SessionToken(created.session.id)) == nil)
        }
    }

    /// Invalidate one, all of a user's, list, delete expired.
    public static func invalidation(_ make: AuthFixtureMaker, format: SessionTokenFormat) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
            let (store, alice) = try await setUp(fixture, format, clock: clock)
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
            clock.advance(30 * day - 60)
            #expect(try await store.sessions(userID: alice.id).map(\.id) == [a4.session.id], "b1 expired: a4 still live")
            #expect(try await store.sessions(userID: bob.id).isEmpty, "expired sessions are not listed")
            #expect(try await store.deleteExpiredSessions() == 1)
            #expect(try await fixture.backend.sessionAndUser(id: b1.session.id) == nil)
            #expect(try await store.validate(a4.token) != nil)
        }
    }

    /// A session for an unknown user is refused.
    public static func unknownUser(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let (store, _) = try await setUp(fixture, .split, clock: TestClock())
            let error = await #expect(throws: AuthStoreError.self) { try await store.createSession(userID: "nobody") }
            #expect(error?.code == .userNotFound)
        }
    }

    /// A configurable lifetime drives expiry and renewal.
    public static func configurableLifetime(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let clock = TestClock()
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
}
