import PasswordHashing
import Testing

/// The test vectors of the Lucia storage reference (§1.6, computed with Node's scryptSync and Python's
/// hashlib.scrypt), verified through OpenSSL's scrypt.
@Suite struct LuciaVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let stored: String
        let format: PasswordHashFormat
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "v2 s2, 16-char salt, r=16",
            stored: "s2:q0kz7c2x9m4b1n8v:1c1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e3488",
            format: .scryptS2
        ),
        Vector(
            name: "legacy two-part, 16-char salt, r=8",
            stored: "q0kz7c2x9m4b1n8v:33c9bbdde8a4b9bb53145d2b90ee0c5c1da491bc99ae2fcc17da172a869b5625399a946422125190d642717267888f8c4384a80e7eca8c04103fb3376dd0f6a0",
            format: .scryptTwoPart
        ),
        Vector(
            name: "v3 Scrypt, 32-hex salt, r=16",
            stored: "00112233445566778899aabbccddeeff:73122e887cfc14f91396cdef78dfe4b9dec28d459037601c4904cedba5a637ab97b39b40c236df5d42881d0109ca8cf0f85e39dbaba2911c190915bd8f30fe85",
            format: .scryptTwoPart
        ),
    ]

    @Test(arguments: vectors)
    func rightPasswordMatchesAndAsksForARehash(_ vector: Vector) async throws {
        #expect(PasswordHashFormat.detect(vector.stored) == vector.format)
        try await withHasher(maxConcurrentHashes: 2) { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify("password123", against: vector.stored) == .match(needsRehash: true))
        }
    }

    @Test(arguments: vectors, ["password124", "Password123", "", "password123 "])
    func wrongPasswordMismatches(_ vector: Vector, _ password: String) async throws {
        try await withHasher(maxConcurrentHashes: 2) { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify(password, against: vector.stored) == .mismatch)
        }
    }

    /// An uppercase-hex key is the same key (Lucia writes lowercase; other tools may not).
    @Test func uppercaseKeyIsTheSameKey() async throws {
        let stored = Self.vectors[0].stored
        let upper = "s2:q0kz7c2x9m4b1n8v:" + stored.dropFirst(20).uppercased()
        try await withHasher(maxConcurrentHashes: 1) { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify("password123", against: upper) == .match(needsRehash: true))
        }
    }
}
