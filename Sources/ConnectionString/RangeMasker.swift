import Redaction

/// Renders parsed input with the secret ranges (password, secret option values) masked.
struct RangeMasker: Sendable {
    /// The parsed input.
    let chars: [Character]
    /// Ranges to mask; ranges with nothing in them are skipped.
    let secrets: [Range<Int>]

    /// Renders `chars[range]`, replacing every secret range inside it by `*****`.
    func render(_ range: Range<Int>) -> String {
        var out = ""
        var index = range.lowerBound
        let sorted = secrets.filter { !$0.isEmpty && range.contains($0.lowerBound) }.sorted { $0.lowerBound < $1.lowerBound }
        for secret in sorted where secret.lowerBound >= index {
            out += String(chars[index..<secret.lowerBound]) + SecretMask.text
            index = min(secret.upperBound, range.upperBound)
        }
        return out + String(chars[index..<range.upperBound])
    }

    /// The whole input, masked.
    var text: String { render(0..<chars.count) }
}
