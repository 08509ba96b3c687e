import Foundation

/// Usernames as AuthStore stores them: whitespace trimmed, then NFKC (so `ｆｕｌｌ` is `full`).
public enum Username {
    /// The longest username accepted, in UTF-8 bytes.
    public static let maximumBytes = 255

    /// The stored form of `raw`.
    ///
    /// - Throws: `.invalidUsername` when it is empty after trimming, longer than `maximumBytes`, or
    ///   holds a control character.
    public static func normalize(_ raw: String) throws(AuthStoreError) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let normalized = trimmed.precomposedStringWithCompatibilityMapping
        guard !normalized.isEmpty else { throw AuthStoreError(.invalidUsername, "the username is empty") }
        guard normalized.utf8.count <= maximumBytes else {
            throw AuthStoreError(.invalidUsername, "the username is longer than \(maximumBytes) bytes")
        }
        guard !normalized.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AuthStoreError(.invalidUsername, "the username holds a control character")
        }
        return normalized
    }

    /// The key two usernames are equal under: ASCII letters folded to lowercase, as SQLite's `NOCASE`
    /// does (and as the unique index enforces); other characters compare exactly.
    public static func comparisonKey(_ normalized: String) -> String {
        String(decoding: normalized.utf8.map { (0x41...0x5a).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
