import PasswordHashing
import Testing

/// argon2id hashing through libargon2, cross-checked with Python's argon2-cffi both ways.
@Suite struct Argon2Tests {
    /// Our PHC string has Lucia's shape and argon2-cffi accepts it (and rejects a wrong password).
    @Test(arguments: ["password123", "correct horse battery staple", "pässwörd ✓ 日本語", ""])
    func ourHashVerifiesWithArgon2Cffi(_ password: String) async throws {
        let hash = try await withHasher { try await $0.hash(password) }
        #expect(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        let fields = hash.split(separator: "$")
        #expect(fields.count == 5)
        #expect(fields[3].count == 22)  // 16-byte salt, unpadded base64
        #expect(fields[4].count == 43)  // 32-byte tag
        #expect(try PythonReference.argon2Accepts(hash, password))
        #expect(try !PythonReference.argon2Accepts(hash, password + "x"))
    }

    /// Two hashes of one password differ (fresh random salt) and both verify without a rehash.
    @Test func freshSaltEachTime() async throws {
        try await withHasher { (hasher: PasswordHasher) async throws in
            let first = try await hasher.hash("password123")
            let second = try await hasher.hash("password123")
            #expect(first != second)
            #expect(try await hasher.verify("password123", against: first) == .match(needsRehash: false))
            #expect(try await hasher.verify("password123", against: second) == .match(needsRehash: false))
            #expect(try await hasher.verify("password12", against: first) == .mismatch)
        }
    }

    struct Foreign: Sendable, CustomTestStringConvertible {
        let type: String
        let iterations: Int
        let memoryKiB: Int
        let lanes: Int
        var tagLength = 32
        var saltLength = 16
        var version = 19
        let needsRehash: Bool
        var testDescription: String { "argon2\(type) v=\(version) m=\(memoryKiB) t=\(iterations) p=\(lanes) tag=\(tagLength) salt=\(saltLength)" }
    }

    static let foreign: [Foreign] = [
        Foreign(type: "id", iterations: 2, memoryKiB: 19456, lanes: 1, needsRehash: false),  // Lucia's own
        Foreign(type: "id", iterations: 3, memoryKiB: 65536, lanes: 4, needsRehash: false),  // argon2-cffi's default: stronger
        Foreign(type: "id", iterations: 2, memoryKiB: 8192, lanes: 1, needsRehash: true),    // less memory
        Foreign(type: "id", iterations: 1, memoryKiB: 47104, lanes: 1, needsRehash: true),   // one pass
        Foreign(type: "id", iterations: 2, memoryKiB: 19456, lanes: 1, tagLength: 16, needsRehash: true),
        Foreign(type: "id", iterations: 2, memoryKiB: 19456, lanes: 1, saltLength: 8, needsRehash: true),
        Foreign(type: "id", iterations: 2, memoryKiB: 19456, lanes: 1, version: 16, needsRehash: true),
        Foreign(type: "i", iterations: 3, memoryKiB: 32768, lanes: 2, needsRehash: true),
        Foreign(type: "d", iterations: 2, memoryKiB: 19456, lanes: 1, needsRehash: true),
    ]

    /// PHC strings argon2-cffi made with other types and parameters verify; the weaker ones need a rehash.
    @Test(arguments: foreign)
    func argon2CffiHashesVerify(_ spec: Foreign) async throws {
        let stored = try PythonReference.argon2(
            "s3cret ñ", type: spec.type, iterations: spec.iterations, memoryKiB: spec.memoryKiB, lanes: spec.lanes,
            tagLength: spec.tagLength, saltLength: spec.saltLength, version: spec.version
        )
        #expect(PasswordHashFormat.detect(stored)?.rawValue == "argon2\(spec.type)")
        try await withHasher { (hasher: PasswordHasher) async throws in
            #expect(try await hasher.verify("s3cret ñ", against: stored) == .match(needsRehash: spec.needsRehash))
            #expect(try await hasher.verify("s3cret n", against: stored) == .mismatch)
        }
    }

    /// A hasher with stronger parameters writes them and counts Lucia's as needing a rehash.
    @Test func strongerFloorMakesLuciaHashesStale() async throws {
        let strong = Argon2Parameters(memoryKiB: 32768, iterations: 3, parallelism: 1)
        let lucia = try await withHasher { try await $0.hash("pw") }
        try await withHasher(strong) { (hasher: PasswordHasher) async throws in
            let own = try await hasher.hash("pw")
            #expect(own.hasPrefix("$argon2id$v=19$m=32768,t=3,p=1$"))
            #expect(try await hasher.verify("pw", against: own) == .match(needsRehash: false))
            #expect(try await hasher.verify("pw", against: lucia) == .match(needsRehash: true))
        }
    }

    /// Parameters libargon2 refuses are a typed internal failure, not a crash.
    @Test func refusedParametersAreInternalFailure() async throws {
        let tooSmall = Argon2Parameters(memoryKiB: 1, iterations: 1, parallelism: 1)
        await #expect(throws: PasswordHashError.self) {
            _ = try await withHasher(tooSmall) { try await $0.hash("pw") }
        }
        do {
            _ = try await withHasher(tooSmall) { try await $0.hash("pw") }
        } catch let error as PasswordHashError {
            #expect(error.kind == .internalFailure)
        }
    }
}
