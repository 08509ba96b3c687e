/// Masks secrets in connection-string text used for messages and suggestions, where the
/// text may be malformed and exact ranges are unknown.
enum Masking {
    /// The replacement shown instead of a secret.
    static let mask = "*****"

    /// Masks the password of the user information and the values of secret options.
    ///
    /// When `text` parses, its exact redaction is used. Otherwise the user information is
    /// taken to end at the last `@` of the whole text, so that a password holding `/`, `?`,
    /// `=` or `&` is masked too (over-masking beats leaking).
    static func maskSecrets(in text: String) -> String {
        if let parsed = URIParser.parse(text).value {
            return parsed.redacted
        }
        let chars = Array(text)
        var start = 0
        if let schemeEnd = text.firstRange(of: "://") {
            start = text.distance(from: text.startIndex, to: schemeEnd.upperBound)
        }
        guard start < chars.count, let end = chars[start...].lastIndex(of: "@") else {
            return maskSecretOptions(in: text)
        }
        var out = String(chars[0..<start])
        if let colon = chars[start..<end].firstIndex(of: ":") {
            out += String(chars[start...colon]) + mask
        } else {
            out += String(chars[start..<end])
        }
        return out + "@" + maskSecretOptions(in: String(chars[(end + 1)...]))
    }

    /// Masks the values of secret options (`proxyPassword`, `tlsCertificateKeyFilePassword`…)
    /// in a text that has no user information.
    static func maskSecretOptions(in text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return text }
        let head = text[...question]
        let pairs = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
        let masked = pairs.map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let key = String(pair[..<equals])
            guard OptionTable.lookup(key)?.isSecret == true else { return String(pair) }
            return key + "=" + mask
        }
        return String(head) + masked.joined(separator: "&")
    }

    /// A suggested connection string: `scheme://` + user information + `@` + tail, with
    /// the secret options of the tail masked (the caller masks the password).
    static func uri(scheme: String, userInfo: String?, tail: String) -> String {
        let prefix = scheme + "://" + (userInfo.map { $0 + "@" } ?? "")
        return prefix + maskSecretOptions(in: tail)
    }
}
