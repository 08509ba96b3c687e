/// Percent-decoding and -encoding as the Connection String spec uses them (RFC 3986 style,
/// no `+` for space).
enum PercentCoding {
    /// Why decoding failed, and at which index of the character array.
    struct Failure: Error, Sendable {
        /// Index of the offending `%` in the character array.
        var index: Int
        /// What is wrong, without echoing the text.
        var reason: String
    }

    /// Decodes `chars[range]`, checking that every `%` starts a valid escape and that the
    /// result is UTF-8.
    static func decode(_ chars: [Character], _ range: Range<Int>) -> Result<String, Failure> {
        var bytes: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let char = chars[index]
            guard char == "%" else {
                bytes.append(contentsOf: Array(String(char).utf8))
                index += 1
                continue
            }
            guard index + 2 < range.upperBound,
                  let high = hexValue(chars[index + 1]), let low = hexValue(chars[index + 2])
            else {
                return .failure(Failure(index: index, reason: "'%' must be followed by two hex digits (write a literal '%' as %25)"))
            }
            bytes.append(high << 4 | low)
            index += 3
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Failure(index: range.lowerBound, reason: "the percent-escapes do not decode to valid UTF-8"))
        }
        return .success(text)
    }

    /// Decodes the valid escapes of `chars[range]` and keeps a broken `%` literally
    /// (used to rebuild text for suggestions).
    static func lenientDecode(_ chars: [Character], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if chars[index] == "%", index + 2 < range.upperBound,
               let high = hexValue(chars[index + 1]), let low = hexValue(chars[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(contentsOf: Array(String(chars[index]).utf8))
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a whole string; `nil` when an escape is broken.
    static func decode(_ text: String) -> String? {
        let chars = Array(text)
        return try? decode(chars, 0..<chars.count).get()
    }

    /// The value of one ASCII hex digit.
    static func hexValue(_ char: Character) -> UInt8? {
        guard let ascii = char.asciiValue else { return nil }
        switch ascii {
        case 48...57: return ascii - 48
        case 65...70: return ascii - 55
        case 97...102: return ascii - 87
        default: return nil
        }
    }

    /// Encodes a username (or any user-info part) so that only RFC 3986 unreserved
    /// characters and sub-delimiters stay literal.
    static func encodeUserInfo(_ text: String) -> String {
        encode(text) { isUnreserved($0) || isSubDelimiter($0) }
    }

    /// Encodes a Unix socket path so that `/` and other reserved characters become escapes.
    static func encodeSocketPath(_ text: String) -> String {
        encode(text) { isUnreserved($0) }
    }

    /// RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~".
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122, 45, 46, 95, 126: return true
        default: return false
        }
    }

    /// RFC 3986 sub-delims: "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=".
    static func isSubDelimiter(_ byte: UInt8) -> Bool {
        Array("!$&'()*+,;=".utf8).contains(byte)
    }

    private static func encode(_ text: String, keep: (UInt8) -> Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            if keep(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += byte < 16 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return out
    }
}
