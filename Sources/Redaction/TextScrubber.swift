/// Removes known secret values from free text that comes from outside mongo-doctor: libmongoc's
/// messages, server replies, a parser's error text. Structured data is never scrubbed: it is
/// built without secrets in the first place (see `SecretNames` and `ConnectionString`).
///
/// Each secret is removed in its raw form and percent-decoded. A secret of fewer than
/// ``substringLength`` characters is removed only where it stands as a whole token (not inside a
/// longer run of letters and digits), so a password `a` or `27017` does not mangle every word
/// or port number in a message; a longer one is removed wherever it appears.
public struct TextScrubber: Sendable {
    /// From this length on, a secret is removed even inside longer words.
    public static let substringLength = 8

    /// The secrets to remove, longest first (so a secret containing another is removed whole).
    public let secrets: [String]

    /// A scrubber for `secrets`; empty strings are ignored.
    public init(secrets: [String]) {
        var all: Set<String> = []
        for secret in secrets where !secret.isEmpty && secret != SecretMask.text {
            all.insert(secret)
            if let decoded = PercentDecoding.decode(secret), !decoded.isEmpty { all.insert(decoded) }
        }
        self.secrets = all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// A scrubber that removes nothing.
    public static let none = TextScrubber(secrets: [])

    /// This scrubber and `other`'s secrets together.
    public func merging(_ other: TextScrubber) -> TextScrubber {
        TextScrubber(secrets: secrets + other.secrets)
    }

    /// `text` with every secret replaced by ``SecretMask/text``.
    public func scrub(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets {
            result = Self.replace(secret, in: result, wholeTokensOnly: secret.count < Self.substringLength)
        }
        return result
    }

    /// Replaces occurrences of `secret`; with `wholeTokensOnly`, only where the characters around
    /// it do not continue a run of letters or digits that the secret starts or ends with.
    static func replace(_ secret: String, in text: String, wholeTokensOnly: Bool) -> String {
        let chars = Array(text)
        let needle = Array(secret)
        guard needle.count <= chars.count else { return text }
        var out = ""
        var index = 0
        while index < chars.count {
            if index + needle.count <= chars.count, chars[index..<(index + needle.count)].elementsEqual(needle),
                !wholeTokensOnly || standsAlone(chars, index..<(index + needle.count))
            {
                out += SecretMask.text
                index += needle.count
            } else {
                out.append(chars[index])
                index += 1
            }
        }
        return out
    }

    private static func standsAlone(_ chars: [Character], _ range: Range<Int>) -> Bool {
        let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        if range.lowerBound > 0, isWord(chars[range.lowerBound]), isWord(chars[range.lowerBound - 1]) { return false }
        if range.upperBound < chars.count, isWord(chars[range.upperBound - 1]), isWord(chars[range.upperBound]) { return false }
        return true
    }
}
