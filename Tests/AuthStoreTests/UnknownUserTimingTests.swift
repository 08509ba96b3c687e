import AuthStore
import Foundation
import PasswordHashing
import Synchronization
import Testing
import TestSupport

/// A login for a username nobody has does the same hashing work as one with a wrong password.
@Suite struct UnknownUserTimingTests {
    /// Counts the hashes and verifications it is asked for.
    final class CountingHasher: PasswordHashingService {
        let counts = Mutex((hashes: 0, verifies: 0))
        func hash(_ password: String) async throws -> String {
            counts.withLock { $0.hashes += 1 }
            return "fake$" + password
        }
        func verify(_ password: String, against hash: String) async throws -> PasswordCheck {
            counts.withLock { $0.verifies += 1 }
            return hash == "fake$" + password ? .match(needsRehash: false) : .mismatch
        }
    }

    @Test func anUnknownUserCostsOneHash() async throws {
        let store = try await AuthStore.open(backend: MemoryAuthBackend())
        let hasher = CountingHasher()
        _ = try await store.createUser(username: "ada", password: "right", hasher: hasher)
        let before = hasher.counts.withLock { $0 }
        #expect(try await store.verifyPassword(username: "nobody", password: "x", hasher: hasher) == nil)
        let after = hasher.counts.withLock { $0 }
        #expect(after.hashes + after.verifies == before.hashes + before.verifies + 1)
        #expect(try await store.verifyPassword(username: "ada", password: "wrong", hasher: hasher) == nil)
        #expect(hasher.counts.withLock { $0.verifies } == after.verifies + 1)
    }
}
