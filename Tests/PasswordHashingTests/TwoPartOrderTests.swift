import PasswordHashing
import Testing

/// The two-part `salt:key` ambiguity (Lucia storage reference §2.7): a 32-hex salt is tried with r=16,
/// then r=8; any other salt with r=8 only. Keys come from Python's hashlib.scrypt.
@Suite struct TwoPartOrderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let salt: String
        let writtenWith: Int
        let matches: Bool
        var testDescription: String { "salt \(salt.count) chars, key written with r=\(writtenWith)" }
    }

    static let cases: [Case] = [
        Case(salt: "00112233445566778899aabbccddeeff", writtenWith: 16, matches: true),  // v3 Scrypt, oslo, better-auth
        Case(salt: "ffeeddccbbaa99887766554433221100", writtenWith: 8, matches: true),   // 32-hex salt, r=8 fallback
        Case(salt: "q0kz7c2x9m4b1n8v", writtenWith: 8, matches: true),                   // Lucia before 0.3
        Case(salt: "q0kz7c2x9m4b1n8v", writtenWith: 16, matches: false),                 // 16-char salt: r=8 only
        Case(salt: "Ab3dEf6hIj9kLm2n", writtenWith: 8, matches: true),                   // pre-2.0 mixed-case salt
    ]

    @Test(arguments: cases)
    func saltShapeChoosesTheBlockSizes(_ testCase: Case) async throws {
        let key = try PythonReference.scryptKey("correct horse", salt: testCase.salt, blockSize: testCase.writtenWith)
        let stored = "\(testCase.salt):\(key)"
        #expect(PasswordHashFormat.detect(stored) == .scryptTwoPart)
        try await withHasher(maxConcurrentHashes: 2) { (hasher: PasswordHasher) async throws in
            let check = try await hasher.verify("correct horse", against: stored)
            #expect(check == (testCase.matches ? .match(needsRehash: true) : .mismatch))
            #expect(try await hasher.verify("correct horsE", against: stored) == .mismatch)
        }
    }

    /// `s2:` is always r=16, whatever the salt looks like.
    @Test(arguments: [("0123456789abcdef0123456789abcdef", 16, true), ("q0kz7c2x9m4b1n8v", 8, false)])
    func s2IsAlwaysBlockSize16(_ salt: String, _ blockSize: Int, _ matches: Bool) async throws {
        let key = try PythonReference.scryptKey("correct horse", salt: salt, blockSize: blockSize)
        try await withHasher(maxConcurrentHashes: 1) { (hasher: PasswordHasher) async throws in
            let check = try await hasher.verify("correct horse", against: "s2:\(salt):\(key)")
            #expect(check == (matches ? .match(needsRehash: true) : .mismatch))
        }
    }
}
