internal import COpenSSL

/// The one owner of a password's (or a derived key's) bytes while a computation uses them: a buffer of
/// its own, wiped with `OPENSSL_cleanse` when the owner goes away, so no copy outlives the hash.
///
/// The caller's `String` itself cannot be wiped (Swift strings are immutable values); only the copies
/// this module makes are.
final class SecretBytes {
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    /// The UTF-8 bytes of `text`, in a buffer of their own.
    init(utf8 text: String) {
        var source = text
        buffer = source.withUTF8 { utf8 in
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, utf8.count))
            _ = copy.initialize(from: utf8)
            return UnsafeMutableBufferPointer(rebasing: copy[0..<utf8.count])
        }
    }

    /// `count` zero bytes, for a derived key.
    init(zeros count: Int) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, count))
        storage.initialize(repeating: 0)
        buffer = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
    }

    deinit {
        if let base = buffer.baseAddress {
            OPENSSL_cleanse(base, max(1, buffer.count))
            base.deallocate()
        }
    }

    /// How many bytes the buffer holds.
    var count: Int { buffer.count }

    /// Whether any byte is NUL (C-string APIs such as crypt_rn would stop there).
    var containsNUL: Bool { buffer.contains(0) }

    /// Lends the bytes for the duration of `body`; the pointer must not escape.
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(buffer))
    }

    /// Lends the bytes for writing (a KDF's output) for the duration of `body`.
    func withMutableBytes<R, E: Error>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(buffer)
    }

    /// Lends the bytes as a NUL-terminated C string (a wiped temporary copy) for the duration of `body`.
    func withCString<R, E: Error>(_ body: (UnsafePointer<CChar>) throws(E) -> R) throws(E) -> R {
        let terminated = UnsafeMutableBufferPointer<CChar>.allocate(capacity: buffer.count + 1)
        defer {
            OPENSSL_cleanse(terminated.baseAddress, terminated.count)
            terminated.deallocate()
        }
        for index in 0..<buffer.count { terminated[index] = CChar(bitPattern: buffer[index]) }
        terminated[buffer.count] = 0
        return try body(UnsafePointer(terminated.baseAddress!))
    }

    /// Compares with `expected` in time that depends only on the length (`CRYPTO_memcmp`).
    func constantTimeEquals(_ expected: [UInt8]) -> Bool {
        ConstantTime.equals(UnsafeBufferPointer(buffer), expected)
    }
}
