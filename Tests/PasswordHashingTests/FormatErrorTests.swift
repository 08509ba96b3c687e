import PasswordHashing
import Testing

/// Unknown and broken stored strings give the typed errors, whose descriptions never quote the
/// password or the stored hash.
@Suite struct FormatErrorTests {
    static let password = "Hunter2-very-secret"

    static let unsupported: [String] = [
        "",
        "hunter2",
        "$1$saltsalt$abcdefghijklmnopqrstuv",  // md5crypt
        "$5$rounds=5000$saltsalt$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",  // sha256crypt
        "$argon2x$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$pbkdf2-sha256$29000$N2bMeQ$abcdef",
        "sha1:5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8",
        "q0kz7c2x9m4b1n8v:abcdef",  // two parts, but the key is not 128 hex digits
        "a:b:c",
    ]

    static let malformed: [String] = [
        "$argon2id$v=19$m=19456",
        "$argon2id$v=19$m=19456,t=2$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=x$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=19456,t=2,p=1$!!!notbase64!!!$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",  // 4 GiB: above the limit
        "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",  // 4-byte salt
        "s2:q0kz7c2x9m4b1n8v",
        "s2::1c1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e3488",
        "s2:q0kz7c2x9m4b1n8v:zz1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e34",
        "s2:q0kz7c2x9m4b1n8v:1c1c",
        "$2b$10$tooshort",
        "$2b$99$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",  // cost 99: libxcrypt refuses
    ]

    @Test(arguments: unsupported)
    func unknownFormatIsUnsupported(_ stored: String) async throws {
        #expect(PasswordHashFormat.detect(stored) == nil)
        let error = await verifyError(stored)
        #expect(error == .unsupportedFormat)
        #expect(error?.description == "unsupported hash format")
    }

    @Test(arguments: malformed)
    func brokenKnownFormatIsMalformed(_ stored: String) async throws {
        #expect(PasswordHashFormat.detect(stored) != nil)
        let error = try #require(await verifyError(stored))
        #expect(error.kind == .malformed)
        #expect(error.description.hasPrefix("malformed password hash: "))
    }

    @Test(arguments: unsupported + malformed)
    func descriptionNeverQuotesPasswordOrHash(_ stored: String) async throws {
        let error = try #require(await verifyError(stored))
        let text = "\(error) \(String(reflecting: error)) \(error.reason)"
        #expect(!text.contains(Self.password))
        // Any stored part longer than a common word must not appear (salts, keys, the whole string).
        for part in stored.split(whereSeparator: { "$:,=".contains($0) }) where part.count >= 8 {
            #expect(!text.contains(part), "description quotes \(part.count) characters of the stored hash")
        }
    }

    private func verifyError(_ stored: String) async -> PasswordHashError? {
        let hasher = PasswordHasher(maxConcurrentHashes: 1)
        var failure: PasswordHashError?
        do {
            _ = try await hasher.verify(Self.password, against: stored)
        } catch {
            failure = error
        }
        await hasher.shutdown()
        return failure
    }
}
