/// Hexadecimal text of bytes (scrypt keys are stored as hex); not a cryptographic primitive.
enum Hex {
    /// The bytes of upper- or lowercase hex text, or nil for an odd length or a non-hex digit.
    static func decode<S: Collection>(_ text: S) -> [UInt8]? where S.Element == UInt8 {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var high: UInt8?
        for character in text {
            guard let nibble = value(of: character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// Whether `text` is exactly `count` hex digits.
    static func isHex<S: Collection>(_ text: S, count: Int) -> Bool where S.Element == UInt8 {
        text.count == count && text.allSatisfy { value(of: $0) != nil }
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
