import Foundation
import Testing
import AuthStore
import TestSupport

/// The session half of the contract (Lucia v3's rules), for every offline backend and every token
/// format; the bodies are TestSupport's `SessionContract`, which MongoDB runs too (IntegrationTests).
@Suite("AuthStore sessions (contract)")
struct SessionContractTests {
    static let cases = BackendKind.allCases.flatMap { kind in SessionTokenFormat.allCases.map { (kind, $0) } }

    @Test("create then validate: 30 days, token shape per format, not fresh until renewed", arguments: cases)
    func createValidate(kind: BackendKind, format: SessionTokenFormat) async throws {
        try await SessionContract.createValidate(kind.maker, format: format)
    }

    @Test("check says why: unknown, expired, user gone", arguments: cases)
    func rejectionReasons(kind: BackendKind, format: SessionTokenFormat) async throws {
        try await SessionContract.rejectionReasons(kind.maker, format: format)
    }

    @Test("expired at exactly expiresAt: rejected and deleted", arguments: cases)
    func expiry(kind: BackendKind, format: SessionTokenFormat) async throws {
        try await SessionContract.expiry(kind.maker, format: format)
    }

    @Test("less than half left: extended to now + 30 days and fresh; more than half: unchanged", arguments: cases)
    func renewal(kind: BackendKind, format: SessionTokenFormat) async throws {
        try await SessionContract.renewal(kind.maker, format: format)
    }

    @Test("an orphaned session is rejected and deleted", arguments: BackendKind.allCases)
    func orphan(kind: BackendKind) async throws {
        try await SessionContract.orphan(kind.maker)
    }

    @Test("split: a wrong secret is rejected and does not delete the session", arguments: BackendKind.allCases)
    func splitWrongSecret(kind: BackendKind) async throws {
        try await SessionContract.splitWrongSecret(kind.maker)
    }

    @Test("invalidate one, all of a user's, list, delete expired", arguments: cases)
    func invalidation(kind: BackendKind, format: SessionTokenFormat) async throws {
        try await SessionContract.invalidation(kind.maker, format: format)
    }

    @Test("a session for an unknown user is refused", arguments: BackendKind.allCases)
    func unknownUser(kind: BackendKind) async throws {
        try await SessionContract.unknownUser(kind.maker)
    }

    @Test("a configurable lifetime drives expiry and renewal", arguments: BackendKind.allCases)
    func configurableLifetime(kind: BackendKind) async throws {
        try await SessionContract.configurableLifetime(kind.maker)
    }
}
