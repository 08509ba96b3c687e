import AuthStore
import Foundation

/// One token of the load's mix and the answer it must get.
struct LoadCase: Sendable {
    enum Expected: Sendable {
        /// A live session of this user id.
        case valid(String)
        /// Never stored, or a stored id with the wrong secret.
        case unknown
        /// Stored with an expiry in the past: `expired` the first time, `unknown` once deleted.
        case expired
    }

    let token: SessionToken
    let expected: Expected

    /// Whether `answer` is the right one for this token.
    func isRight(_ answer: SessionValidation) -> Bool {
        switch (expected, answer) {
        case (.valid(let userID), .valid(let validated)): return validated.user.id == userID
        case (.unknown, .rejected(.unknown)): return true
        case (.expired, .rejected(.expired)), (.expired, .rejected(.unknown)): return true
        default: return false
        }
    }

    /// Seeds `count` users with one live session each, `count` expired sessions and `count` unknown
    /// (never stored, and for `split` forged-secret) tokens; returns them interleaved.
    static func seed(_ store: AuthStore, count: Int) async throws -> [LoadCase] {
        var cases: [LoadCase] = []
        for index in 0..<count {
            let user = try await store.createUser(username: "load-user-\(index)", hashedPassword: nil)
            let live = try await store.createSession(userID: user.id)
            cases.append(LoadCase(token: live.token, expected: .valid(user.id)))

            let expired = try store.tokenFormat.generate()
            try await store.backend.insertSession(SessionRecord(
                id: expired.sessionID, userID: user.id, expiresAt: Date().addingTimeInterval(-60), secretHash: expired.secretHash))
            cases.append(LoadCase(token: expired.token, expected: .expired))

            let unknown = try store.tokenFormat.generate()
            cases.append(LoadCase(token: unknown.token, expected: .unknown))
            if store.tokenFormat.storesSecretHash {
                // The live session's id with another secret: the stored hash must not match.
                let forged = SessionToken(live.session.id + "." + String(repeating: "a", count: 24))
                cases.append(LoadCase(token: forged, expected: .unknown))
            }
        }
        return cases
    }
}
