import Redaction

/// Keeps secret values of a mongod configuration out of findings.
///
/// A YAML error is explained by quoting the offending line; if that line is
/// `certificateKeyFilePassword: …` or `queryPassword: …`, the quote must not carry the value.
enum ConfigSecrets {
    /// Whether a configuration key (`net.tls.certificateKeyFilePassword`) holds a secret value.
    static func isSecret(key: String) -> Bool {
        SecretNames.isSecret(configKey: key)
    }

    /// `line` with the value after `key:` masked when the key is secret; other lines unchanged.
    static func masked(line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let key = line[..<colon].trimmed(of: [" ", "\t", "-", "\"", "'"])
        guard isSecret(key: String(key)) else { return line }
        return String(line[...colon]) + " " + SecretMask.text
    }
}

extension ConfigSecrets {
    /// Multi-line text (a parser's message quoting the file) with every secret line masked.
    static func maskedText(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { masked(line: String($0)) }.joined(separator: "\n")
    }
}

extension StringProtocol {
    fileprivate func trimmed(of set: Set<Character>) -> Substring {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
