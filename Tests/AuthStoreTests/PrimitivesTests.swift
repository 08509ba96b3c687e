import Foundation
import Testing
import AuthStore

/// Encodings, hashes and the session rule against known vectors (lucia-schemas.md 2.5 and 4).
@Suite("AuthStore primitives")
struct PrimitivesTests {
    @Test("base32 of bytes 0x00…0x18 is Lucia's 40-character example")
    func base32Vector() {
        #expect(LuciaEncoding.base32LowercaseNoPadding((0..<25).map(UInt8.init)) == "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy")
        #expect(LuciaEncoding.base32LowercaseNoPadding(Array("f".utf8)) == "my")
    }

    @Test("sha256 format: the token's hex SHA-256 is the stored id")
    func sha256Vector() throws {
        let lookup = try #require(SessionTokenFormat.sha256.lookup(for: SessionToken("abcdefghijklmnopqrstuvwxyz234567")))
        #expect(lookup.sessionID == "84cb29b2c78b393c0d30a90d5a9f670267d02d9ec3743fc1800acff8b03bac15")
    }

    static let digestCases: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test("SHA-256 (the algorithm fetched once) gives the FIPS 180-2 digests, from bytes and from text", arguments: digestCases)
    func sha256Digests(text: String, hex: String) {
        #expect(AuthCrypto.hexLowercase(AuthCrypto.sha256(text)) == hex)
        #expect(AuthCrypto.hexLowercase(AuthCrypto.sha256(Array(text.utf8))) == hex)
        // A string built at run time (not a literal's storage) is hashed by the same bytes.
        let built = String(text.reversed().reversed())
        #expect(AuthCrypto.hexLowercase(AuthCrypto.sha256(built)) == hex)
    }

    @Test("the shared SHA-256 algorithm is safe from many threads at once")
    func sha256Concurrent() async {
        let expected = AuthCrypto.sha256("abc")
        let all = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { (0..<500).allSatisfy { _ in AuthCrypto.sha256("abc") == expected } } }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(all)
    }

    @Test("split tokens other than <id>.<secret> are rejected unread", arguments: ["", "abc", ".x", "x.", "a.b.c", String(repeating: "a", count: 300) + ".b"])
    func splitShapes(token: String) {
        #expect(SessionTokenFormat.split.lookup(for: SessionToken(token)) == nil)
    }

    static let ruleCases: [(Double, Bool, String)] = [
        (-1, true, "extend"), (0, true, "delete"), (1, true, "delete"), (-15 * 86_400, true, "extend"),
        (-15 * 86_400 - 1, true, "accept"), (-20 * 86_400, false, "delete"),
    ]

    @Test("Lucia v3's rule", arguments: ruleCases)
    func rule(offsetFromExpiry: Double, userExists: Bool, expected: String) {
        let expiresAt = Date(timeIntervalSince1970: 2_000_000_000)
        let now = expiresAt.addingTimeInterval(offsetFromExpiry)
        let decision = SessionPolicy().decide(expiresAt: expiresAt, userExists: userExists, now: now)
        switch decision {
        case .accept: #expect(expected == "accept")
        case .delete: #expect(expected == "delete")
        case .extend(let to): #expect(expected == "extend" && to == now.addingTimeInterval(30 * 86_400))
        }
    }

    @Test("detection: secret_hash means split, 64-hex ids sha256, other ids lucia-v3, nothing nil")
    func detection() {
        #expect(SessionTokenFormat.detect(hasSecretHashColumn: true, sampleSessionIDs: []) == .split)
        #expect(SessionTokenFormat.detect(hasSecretHashColumn: false, sampleSessionIDs: [String(repeating: "ab", count: 32)]) == .sha256)
        #expect(SessionTokenFormat.detect(hasSecretHashColumn: false, sampleSessionIDs: ["aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy"]) == .luciaV3)
        #expect(SessionTokenFormat.detect(hasSecretHashColumn: false, sampleSessionIDs: []) == nil)
    }

    @Test("tokens and errors never print secrets")
    func noSecretsInDescriptions() throws {
        let generated = try SessionTokenFormat.split.generate()
        #expect(!"\(generated.token)".contains(generated.token.value))
        #expect(!String(reflecting: generated.token).contains(generated.token.value))
        #expect(AuthCrypto.constantTimeEqual([1, 2, 3], [1, 2, 3]) && !AuthCrypto.constantTimeEqual([1, 2, 3], [1, 2, 4]))
    }
}
