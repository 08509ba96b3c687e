import BlockingWork
import Foundation

/**
 Hashes new passwords with argon2id and verifies every format a Lucia database holds.

 - `hash` writes an argon2id (version 19) PHC string with `parameters` and a 16-byte random salt.
 - `verify` reads argon2id/i/d PHC strings with any parameters (memory up to 1 GiB), `s2:` scrypt
   (r=16), two-part scrypt (a 32-hex salt: r=16, then r=8; any other salt: r=8), and bcrypt
   `$2a$`/`$2b$`/`$2y$`. A match on anything but argon2id with at least `parameters` says
   `needsRehash`: store `hash(password)` in its place (upgrade on login).
 - Passwords are NFKC-normalised before hashing. argon2 and bcrypt hashes from other producers (the
   `@node-rs/argon2` tutorials) may hold the raw password, so those are tried as typed when the NFKC form
   differs and does not match; such a match `needsRehash`. scrypt uses the NFKC form only, as Lucia does.
 - Every computation runs on a `BlockingThreadPool` of this hasher's own with `maxConcurrentHashes`
   threads, never on the cooperative pool: at most that many run at once, so memory stays below
   `maxConcurrentHashes` × 19 MiB for Lucia's argon2id (32 MiB for an r=16 scrypt verification), however
   many logins arrive; the rest wait in a queue without holding a thread.

 Create one hasher and share it; `shutdown()` stops its threads.
 */
public struct PasswordHasher: Sendable {
    /// The cost `hash` writes and the floor below which a stored argon2id hash needs a rehash.
    public let parameters: Argon2Parameters
    /// The most hash computations that run at once.
    public let maxConcurrentHashes: Int

    /// The default bound on simultaneous computations: the active core count.
    public static var defaultMaxConcurrentHashes: Int { ProcessInfo.processInfo.activeProcessorCount }

    private let pool: BlockingThreadPool
    let gauge = ConcurrencyGauge()

    /**
     Creates a hasher with a pool of its own.

     - Parameters:
       - parameters: argon2id cost for new hashes; Lucia's recommended minimum by default.
       - maxConcurrentHashes: the bound on simultaneous computations (at least 1); the core count by default.
     */
    public init(
        parameters: Argon2Parameters = .lucia,
        maxConcurrentHashes: Int = PasswordHasher.defaultMaxConcurrentHashes
    ) {
        self.parameters = parameters
        self.maxConcurrentHashes = max(1, maxConcurrentHashes)
        pool = BlockingThreadPool(threadCount: self.maxConcurrentHashes, name: "password-hashing")
    }

    /**
     An argon2id PHC string of the NFKC form of `password`.

     - Throws: `internalFailure` when random bytes or libargon2 fail, or the hasher is shut down.
     */
    public func hash(_ password: String) async throws(PasswordHashError) -> String {
        let parameters = parameters
        return try await onPool { () throws(PasswordHashError) -> String in
            let secret = SecretBytes(utf8: password.precomposedStringWithCompatibilityMapping)
            return try Argon2.hash(secret, parameters: parameters)
        }
    }

    /**
     Checks `password` against a stored hash of any supported format.

     - Returns: `.mismatch`, or `.match(needsRehash:)`.
     - Throws: `unsupportedFormat` when `PasswordHashFormat.detect` knows no format; `malformed` when the
       string has a known prefix but cannot be read; `internalFailure` when a library or the pool fails.
     */
    public func verify(_ password: String, against stored: String) async throws(PasswordHashError) -> PasswordCheck {
        guard let format = PasswordHashFormat.detect(stored) else { throw .unsupportedFormat }
        let floor = parameters
        return try await onPool { () throws(PasswordHashError) -> PasswordCheck in
            try StoredHashVerifier(format: format, stored: stored, floor: floor).check(password)
        }
    }

    /// Refuses new work and returns when every accepted computation has finished and the threads exited.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// The most computations that ran at once on this hasher's pool so far (for tests and benchmarks).
    var peakConcurrentComputations: Int { gauge.peak }

    /// Runs `work` on the pool, counted by the gauge, and gives back its typed result.
    private func onPool<T: Sendable>(
        _ work: @escaping @Sendable () throws(PasswordHashError) -> T
    ) async throws(PasswordHashError) -> T {
        let gauge = gauge
        let result: Result<T, PasswordHashError>
        do {
            result = try await pool.run { () -> Result<T, PasswordHashError> in
                gauge.enter()
                defer { gauge.leave() }
                return Result { () throws(PasswordHashError) -> T in try work() }
            }
        } catch {
            throw .internalFailure("the password hashing pool is shut down")
        }
        return try result.get()
    }
}
