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
        // A pair right after a secret value that is not a known option is most likely the rest of that
        // value (an unescaped '&' in it): it is masked too.
        var afterSecret = false
        var masked: [String] = []
        for pair in pairs {
            let key = pair.firstIndex(of: "=").map { String(pair[..<$0]) }
            let spec = key.flatMap { OptionTable.lookup($0) }
            if afterSecret, spec == nil { continue }
            afterSecret = spec?.isSecret == true
            if let key, afterSecret {
                masked.append(key + "=" + mask)
            } else if spec?.canonical == "authMechanismProperties", let equals = pair.firstIndex(of: "=") {
                let properties = pair[pair.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false).map { property in
                    property.hasPrefix("AWS_SESSION_TOKEN:") ? "AWS_SESSION_TOKEN:" + mask : String(property)
                }
                masked.append(String(pair[...equals]) + properties.joined(separator: ","))
            } else {
                masked.append(String(pair))
            }
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
