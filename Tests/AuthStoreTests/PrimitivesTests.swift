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

    @Test("SHA-256 gives the FIPS 180-2 digests, from bytes and from text", arguments: digestCases)
    func sha256Digests(text: String, hex: String) {
        #expect(AuthCrypto.hexLowercase(AuthCrypto.sha256(text)) == hex)
        #expect(AuthCrypto.hexLowercase(AuthCrypto.sha256(Array(text.utf8))) == hex)
        // A string built at run time (not a literal's storage) is hashed by the same bytes.
        let built = String(text.reversed().reversed())
        #expect(AuthCrypto.hexLowercase(AuthCrypto.sha256(built)) == hex)
    }

    @Test("SHA-256 is safe from many threads at once")
    func sha256Concurrent() async {
        let expected = AuthCrypto.sha256("abc")
        let all = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask { (0..<500).allSatisfy { _ in AuthCrypto.sha256("abc") == expected && AuthCrypto.sha256(of: "abc", equals: expected) } }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(all)
    }

    @Test("a secret's SHA-256 is compared with the stored one: equal only for the same text and all 32 bytes", arguments: digestCases)
    func sha256Comparison(text: String, hex: String) {
        let stored = AuthCrypto.sha256(text)
        #expect(AuthCrypto.sha256(of: text, equals: stored))
        #expect(AuthCrypto.sha256(of: String(text.reversed().reversed()), equals: stored))
        #expect(!AuthCrypto.sha256(of: text + "x", equals: stored))
        var lastByteOff = stored
        lastByteOff[31] ^= 1
        #expect(!AuthCrypto.sha256(of: text, equals: lastByteOff))
        #expect(!AuthCrypto.sha256(of: text, equals: Array(stored.prefix(16))), "a truncated stored hash never matches")
        #expect(!AuthCrypto.sha256(of: text, equals: []))
    }

    static let splitCases: [(String, String, String)] = [
        ("id.secret", "id", "secret"),
        ("a.b", "a", "b"),
        ("é.ü", "é", "ü"),  // non-ASCII on both sides of the dot
        ("e\u{301}.\u{301}x", "e\u{301}", "\u{301}x"),  // a combining mark right after the dot stays in the secret
    ]

    @Test("split tokens are cut at their one dot, byte for byte", arguments: splitCases)
    func splitParts(token: String, id: String, secret: String) throws {
        let lookup = try #require(SessionTokenFormat.split.lookup(for: SessionToken(token)))
        #expect(lookup.sessionID.utf8.elementsEqual(id.utf8))
        // The secret part is what matches the stored hash: exactly these bytes, nothing more or less.
        var record = SessionRecord(id: id, userID: "u", expiresAt: Date(timeIntervalSince1970: 0))
        record.secretHash = AuthCrypto.sha256(Array(secret.utf8))
        #expect(lookup.matches(record))
        record.secretHash = AuthCrypto.sha256(Array(secret.utf8) + [0x2e])
        #expect(!lookup.matches(record))
        record.secretHash = nil
        #expect(!lookup.matches(record))
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
