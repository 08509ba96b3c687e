internal import COpenSSL

/// scrypt through OpenSSL's `EVP_PBE_scrypt`, for the two Lucia formats: `s2:<salt>:<hex>` and the
/// two-part `<salt>:<hex>`. N=16384, p=1, a 64-byte key, and the salt used as text (its UTF-8 bytes,
/// never decoded), as Lucia's `generateScryptHash` and v3's `Scrypt` do.
enum Scrypt {
    /// Lucia's cost: N = 2^14.
    static let costN: UInt64 = 16384
    /// Key bytes (128 hex digits stored).
    static let keyLength = 64

    /// A stored scrypt hash split into its salt text and key bytes.
    struct Stored {
        var salt: [UInt8]
        var key: [UInt8]
        /// Whether the salt is 32 hex digits (Lucia v3 `Scrypt`, oslo, better-auth: r=16 first).
        var saltIsHex32: Bool { Hex.isHex(salt, count: 32) }
    }

    /// Splits `s2:<salt>:<hex>` (`prefixed`) or `<salt>:<hex>`, or throws `malformed`.
    static func parse(_ stored: String, prefixed: Bool) throws(PasswordHashError) -> Stored {
        var parts = stored.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        if prefixed { parts.removeFirst() }
        guard parts.count == 2, !parts[0].isEmpty else {
            throw .malformed("scrypt hash is not <salt>:<key>")
        }
        guard parts[1].count == keyLength * 2, let key = Hex.decode(parts[1]) else {
            throw .malformed("scrypt key is not 128 hex digits")
        }
        return Stored(salt: Array(parts[0]), key: key)
    }

    /// Whether scrypt(password, salt, N, `blockSize`, 1, 64) equals the stored key (`CRYPTO_memcmp`).
    static func matches(_ password: SecretBytes, _ stored: Stored, blockSize: UInt64) throws(PasswordHashError) -> Bool {
        let derived = SecretBytes(zeros: keyLength)
        // 128·r·N for V plus 128·r·p for B, with room to spare; OpenSSL's default cap (32 MiB) is too small for r=16.
        let maxMemory = 128 * blockSize * (costN + 2) + (1 << 20)
        let status = password.withBytes { pass in
            derived.withMutableBytes { out in
                stored.salt.withUnsafeBufferPointer { salt in
                    EVP_PBE_scrypt(
                        pass.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, pass.count,
                        salt.baseAddress, salt.count, costN, blockSize, 1, maxMemory, out.baseAddress, out.count
                    )
                }
            }
        }
        guard status == 1 else { throw .internalFailure("OpenSSL EVP_PBE_scrypt failed") }
        return derived.constantTimeEquals(stored.key)
    }
}
