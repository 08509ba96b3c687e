internal import COpenSSL

/// The few cryptographic primitives AuthStore needs, from the system libcrypto (OpenSSL 3): random
/// bytes from its OS-seeded generator, SHA-256, and constant-time comparison.
public enum AuthCrypto {
    /**
     `count` random bytes from OpenSSL's `RAND_bytes` (seeded from the operating system).

     - Throws: `AuthStoreError` `.randomUnavailable` when the generator reports a failure
       (never silently weaker bytes).
     */
    public static func randomBytes(_ count: Int) throws(AuthStoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard ok == 1 else { throw AuthStoreError(.randomUnavailable, "the system random generator failed") }
        return bytes
    }

    /// SHA-256 of `bytes` (32 bytes).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { sha256(UnsafeRawBufferPointer($0)) }
    }

    /// SHA-256 of the UTF-8 bytes of `text`, read in place when the string is stored contiguously.
    public static func sha256(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { sha256(UnsafeRawBufferPointer($0)) }
    }

    /// SHA-256 of the bytes `input` points at (`md_sha256`: OpenSSL's low-level SHA-256, with no context
    /// allocated and no algorithm lookup on the way; the result is the one allocation).
    static func sha256(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: digestLength) { output, count in
            md_sha256(input.baseAddress, input.count, output.baseAddress)
            count = digestLength
        }
    }

    /// Whether SHA-256 of the UTF-8 bytes of `text` equals `expected`, compared in constant time
    /// (`CRYPTO_memcmp`). The digest is computed on the stack and wiped after the comparison.
    public static func sha256(of text: some StringProtocol, equals expected: [UInt8]) -> Bool {
        guard expected.count == digestLength else { return false }
        var text = Substring(text)
        return text.withUTF8 { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digestLength) { digest in
                md_sha256(input.baseAddress, input.count, digest.baseAddress)
                let equal = expected.withUnsafeBytes { CRYPTO_memcmp(digest.baseAddress, $0.baseAddress, digestLength) == 0 }
                OPENSSL_cleanse(digest.baseAddress, digestLength)
                return equal
            }
        }
    }

    /// Bytes in a SHA-256 digest.
    static let digestLength = Int(SHA256_DIGEST_LENGTH)

    /// Whether `a` and `b` are equal, in time that depends only on their lengths (`CRYPTO_memcmp`).
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in CRYPTO_memcmp(x.baseAddress, y.baseAddress, a.count) == 0 } }
    }

    /// Lowercase hex of `bytes`.
    public static func hexLowercase(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
