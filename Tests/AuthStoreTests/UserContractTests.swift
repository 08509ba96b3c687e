import Foundation
import Testing
import AuthStore
import TestSupport

/// The user half of the contract, run against every offline backend; the bodies are TestSupport's
/// `UserContract`, which MongoDB runs too (IntegrationTests).
@Suite("AuthStore users (contract)")
struct UserContractTests {
    @Test("usernames are trimmed, NFKC-normalised, found by id and case-insensitively by name", arguments: BackendKind.allCases)
    func createAndFind(kind: BackendKind) async throws {
        try await UserContract.createAndFind(kind.maker)
    }

    @Test("a username differing only in case or width is taken", arguments: BackendKind.allCases, UserContract.collidingNames)
    func uniqueCaseInsensitively(kind: BackendKind, second: String) async throws {
        try await UserContract.uniqueCaseInsensitively(kind.maker, second: second)
    }

    @Test("empty or control-character usernames are refused", arguments: BackendKind.allCases, UserContract.invalidNames)
    func invalidUsernames(kind: BackendKind, name: String) async throws {
        try await UserContract.invalidUsernames(kind.maker, name: name)
    }

    @Test("listing: every user, ordered by username then id, cut at the limit", arguments: BackendKind.allCases)
    func listUsers(kind: BackendKind) async throws {
        try await UserContract.listUsers(kind.maker)
    }

    @Test("deleting a user deletes their sessions, and only theirs", arguments: BackendKind.allCases)
    func deleteUser(kind: BackendKind) async throws {
        try await UserContract.deleteUser(kind.maker)
    }

    @Test("passwords: the hasher's hash is stored; verify matches, mismatches, rehashes", arguments: BackendKind.allCases)
    func passwords(kind: BackendKind) async throws {
        try await UserContract.passwords(kind.maker)
    }

    @Test("reserved attribute names are refused", arguments: BackendKind.allCases, UserContract.reservedAttributeNames)
    func reservedAttributes(kind: BackendKind, name: String) async throws {
        try await UserContract.reservedAttributes(kind.maker, name: name)
    }
}
