internal import CCrypt
internal import COpenSSL
internal import Glibc

/// bcrypt (`$2a$`, `$2b$`, `$2y$`) verification through libxcrypt's `crypt_rn`: it re-hashes the
/// password with the stored setting (cost and salt), and the result is compared with the stored hash in
/// constant time. This module never writes bcrypt hashes.
enum Bcrypt {
    /// The length of a bcrypt hash: `$2b$NN$` and 53 characters of salt and hash.
    static let hashLength = 60

    /// Whether `password` matches `stored`; throws `malformed` when libxcrypt refuses the setting.
    static func verify(_ password: SecretBytes, against stored: String) throws(PasswordHashError) -> Bool {
        guard stored.utf8.count == hashLength else { throw .malformed("bcrypt hash is not 60 characters") }
        // crypt_rn reads a C string: a password with a NUL byte can never be the one hashed.
        if password.containsNUL { return false }
        // The one owner of the crypt_data: zeroed before the call (crypt_rn requires it), wiped after.
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        let size = MemoryLayout<crypt_data>.size
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: size)
        defer {
            OPENSSL_cleanse(data, size)
            data.deallocate()
        }
        let expected = Array(stored.utf8)
        // nil: libxcrypt refused the setting (NULL, or a failure token starting with "*").
        let matched: Bool? = password.withCString { phrase in
            guard let result = crypt_rn(phrase, stored, data, Int32(size)) else { return nil }
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(result).assumingMemoryBound(to: UInt8.self), count: strlen(result)
            )
            if bytes.first == UInt8(ascii: "*") { return nil }
            return ConstantTime.equals(bytes, expected)
        }
        guard let matched else { throw .malformed("libxcrypt refused the bcrypt setting") }
        return matched
    }
}
