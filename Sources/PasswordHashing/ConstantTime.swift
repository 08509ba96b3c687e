internal import COpenSSL

/// Comparisons of secret-derived bytes whose time depends only on the length (OpenSSL's `CRYPTO_memcmp`).
enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes; different lengths are unequal at once (lengths are public).
    static func equals<L: ContiguousBytesLike, R: ContiguousBytesLike>(_ lhs: L, _ rhs: R) -> Bool {
        lhs.withRawBytes { left in
            rhs.withRawBytes { right in
                guard left.count == right.count else { return false }
                guard left.count > 0 else { return true }
                return CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}

/// Byte containers `ConstantTime.equals` can read without copying.
protocol ContiguousBytesLike {
    /// Lends the raw bytes for the duration of `body`.
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R
}

extension Array: ContiguousBytesLike where Element == UInt8 {
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R { withUnsafeBytes(body) }
}

extension UnsafeBufferPointer: ContiguousBytesLike where Element == UInt8 {
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R { body(UnsafeRawBufferPointer(self)) }
}
