public import Redaction

/// The connection-string part of mongo-doctor's secret rules: what in a MongoDB URI is secret
/// (the password, the values of secret options, an `AWS_SESSION_TOKEN` property) and how to show
/// a URI without it. Every place that shows or scrubs a connection string goes through here.
///
/// A string that parses is redacted exactly, from the parser's ranges. One that does not (the
/// malformed input the doctor exists for) is redacted leniently: ``URLPassword`` finds the
/// password, and option pairs are read one by one, so that an unescaped `@`, `?` or `&` can make
/// it mask too much but never too little.
public enum URIRedaction {
    /// `text` with its password and secret option values replaced by ``SecretMask/text``.
    public static func redact(_ text: String) -> String {
        if let parsed = URIParser.parse(text).value { return parsed.redacted }
        guard let password = URLPassword.range(in: text) else { return maskSecretOptions(in: text) }
        let at = text.index(after: password.upperBound)
        let head = password.isEmpty ? String(text[..<password.upperBound]) : text[..<password.lowerBound] + SecretMask.text
        return head + "@" + maskSecretOptions(in: String(text[at...]))
    }

    /// The secrets in `text` as written there, to scrub from free text (libmongoc's messages
    /// quote them raw or decoded; ``TextScrubber`` removes both forms).
    public static func secrets(in text: String) -> [String] {
        if let parsed = URILinter.lint(text).connectionString { return parsed.secretTexts }
        return ([URLPassword.password(in: text)].compactMap { $0 } + secretOptionValues(in: text)).filter { !$0.isEmpty }
    }

    /// A scrubber for the secrets of every connection string in `uris`.
    public static func scrubber(for uris: [String]) -> TextScrubber {
        TextScrubber(secrets: uris.flatMap(secrets(in:)))
    }

    /// Masks a process's command line and environment, with this type's rules for connection strings
    /// (and ``URLPassword``'s for any other URL).
    public static let commandLine = CommandLineRedactor(maskURL: URIRedaction.redact)

    /// Whether the option `name` (any spelling or alias) holds a secret value.
    public static func isSecretOption(_ name: String) -> Bool {
        OptionTable.lookup(name)?.isSecret == true
    }

    /// Whether a key of `authMechanismProperties` holds a secret value.
    public static func isSecretProperty(_ key: String) -> Bool {
        key.uppercased() == "AWS_SESSION_TOKEN"
    }

    /// A suggested connection string: `scheme://` + user information + `@` + tail, with the
    /// secret options of the tail masked (the caller passes the user information masked).
    static func uri(scheme: String, userInfo: String?, tail: String) -> String {
        scheme + "://" + (userInfo.map { $0 + "@" } ?? "") + maskSecretOptions(in: tail)
    }

    /// Masks the values of secret options in text without user information.
    static func maskSecretOptions(in text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return text }
        return String(text[...question]) + walkQuery(text[text.index(after: question)...]).map(\.masked).joined(separator: "&")
    }

    /// The values of secret options (and their unescaped-`&` tails) in text that does not parse.
    static func secretOptionValues(in text: String) -> [String] {
        guard let question = text.firstIndex(of: "?") else { return [] }
        return walkQuery(text[text.index(after: question)...]).flatMap(\.secrets)
    }

    /// Each pair of a query, masked, with the secrets it held. A pair right after a secret value
    /// that is no known option is most likely the rest of that value (an unescaped `&`): it is a
    /// secret too.
    private static func walkQuery(_ query: Substring) -> [(masked: String, secrets: [String])] {
        var afterSecret = false
        return queryPairs(query).map { pair in
            if afterSecret, pair.spec == nil { return (SecretMask.text, [pair.raw]) }
            afterSecret = pair.spec?.isSecret == true
            guard let key = pair.key, let value = pair.value else { return (pair.raw, []) }
            if afterSecret { return (key + "=" + SecretMask.text, [value]) }
            guard pair.spec?.canonical == "authMechanismProperties" else { return (pair.raw, []) }
            var secrets: [String] = []
            let properties = value.split(separator: ",", omittingEmptySubsequences: false).map { property -> String in
                let name = String(property.prefix { $0 != ":" })
                guard isSecretProperty(name), name.count < property.count else { return String(property) }
                secrets.append(String(property.dropFirst(name.count + 1)))
                return name + ":" + SecretMask.text
            }
            return (key + "=" + properties.joined(separator: ","), secrets)
        }
    }

    /// One `key=value` pair of a query, with the option it names when known.
    private struct QueryPair {
        var raw: String
        var key: String?
        var value: String?
        var spec: OptionSpec?
    }

    /// The pairs of a query, split on `&` and the legacy `;`.
    private static func queryPairs(_ query: Substring) -> [QueryPair] {
        query.split(omittingEmptySubsequences: false) { $0 == "&" || $0 == ";" }.map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return QueryPair(raw: String(pair)) }
            let key = String(pair[..<equals])
            return QueryPair(raw: String(pair), key: key, value: String(pair[pair.index(after: equals)...]),
                             spec: OptionTable.lookup(key))
        }
    }
}
