/// The two encodings of random bytes Lucia uses for ids and tokens.
public enum LuciaEncoding {
    /// RFC 4648 base32, lowercase, no padding (`@oslojs/encoding` `encodeBase32LowerCaseNoPadding`,
    /// Lucia 3.2's `generateIdFromEntropySize`): 25 bytes give 40 characters, 20 give 32.
    public static func base32LowercaseNoPadding(_ bytes: [UInt8]) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1f)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1f)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lucia's 2025 session guide: each byte's top five bits pick one of
    /// `abcdefghijkmnpqrstuvwxyz23456789` (no `l`, `o`, `0`, `1`), so 24 bytes give 24 characters (120 bits).
    public static func humanReadable(_ bytes: [UInt8]) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789".utf8)
        return String(decoding: bytes.map { alphabet[Int($0 >> 3)] }, as: UTF8.self)
    }
}
