/// The cost of an argon2id hash: what `PasswordHasher.hash` writes and the floor below which a stored
/// argon2id hash `needsRehash`.
public struct Argon2Parameters: Sendable, Equatable {
    /// Memory cost in KiB (the PHC `m`); each computation holds this much memory while it runs.
    public var memoryKiB: Int
    /// Passes over memory (the PHC `t`).
    public var iterations: Int
    /// Lanes (the PHC `p`).
    public var parallelism: Int
    /// Random salt bytes per hash.
    public var saltLength: Int
    /// Bytes of the tag (the hash output).
    public var tagLength: Int

    /// Creates parameters; `PasswordHasher.hash` reports values libargon2 refuses as `internalFailure`.
    public init(memoryKiB: Int, iterations: Int, parallelism: Int, saltLength: Int = 16, tagLength: Int = 32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.saltLength = saltLength
        self.tagLength = tagLength
    }

    /// Lucia's and oslo's recommended minimum (OWASP's second option): m=19456 KiB (19 MiB), t=2, p=1,
    /// a 16-byte salt and a 32-byte tag.
    public static let lucia = Argon2Parameters(memoryKiB: 19456, iterations: 2, parallelism: 1, saltLength: 16, tagLength: 32)

    /// Whether `self` (a stored hash's cost) is at least `floor` in every parameter.
    func isAtLeast(_ floor: Argon2Parameters) -> Bool {
        memoryKiB >= floor.memoryKiB && iterations >= floor.iterations && parallelism >= floor.parallelism
            && saltLength >= floor.saltLength && tagLength >= floor.tagLength
    }
}
