@testable import PasswordHashing
import Testing

/// Hashing runs on the hasher's own bounded pool: never more computations at once than the bound.
@Suite struct BoundedPoolTests {
    @Test(arguments: [1, 2])
    func concurrentHashesNeverExceedTheBound(_ bound: Int) async throws {
        let hasher = PasswordHasher(maxConcurrentHashes: bound)
        let hashes = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 { group.addTask { try await hasher.hash("password-\(index)") } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(hashes.count == 16)
        #expect(Set(hashes).count == 16)
        #expect(hasher.peakConcurrentComputations == bound)
        let checks = try await withThrowingTaskGroup(of: PasswordCheck.self) { group in
            for hash in hashes.prefix(6) { group.addTask { try await hasher.verify("password-x", against: hash) } }
            return try await group.reduce(into: [PasswordCheck]()) { $0.append($1) }
        }
        #expect(checks == Array(repeating: .mismatch, count: 6))
        #expect(hasher.peakConcurrentComputations == bound)
        await hasher.shutdown()
    }

    /// The default bound is the core count.
    @Test func defaultBoundIsTheCoreCount() async {
        let hasher = PasswordHasher()
        #expect(hasher.maxConcurrentHashes == PasswordHasher.defaultMaxConcurrentHashes)
        #expect(hasher.parameters == .lucia)
        await hasher.shutdown()
    }

    /// After shutdown the hasher refuses work with a typed internal failure.
    @Test func shutDownHasherRefuses() async {
        let hasher = PasswordHasher(maxConcurrentHashes: 1)
        await hasher.shutdown()
        await #expect(throws: PasswordHashError.internalFailure("the password hashing pool is shut down")) {
            _ = try await hasher.hash("pw")
        }
    }
}
