/// Finds the password in any URL-shaped text (`redis://:pw@host`, `amqp://u:pw@h/vh`, a broken
/// `mongodb://u:p@ss@h`), for text whose scheme-specific rules are unknown or which does not parse.
///
/// The user information is taken to end at the *last* `@` of the text (`u:p@ss@host`,
/// `u:pa?ss@host`): an unescaped `@`, `/` or `?` inside a password is exactly the mistake this must
/// survive. That can mask more than the password (an `@` in an option value), never less; text that
/// parses as a connection string is masked exactly by `ConnectionString` instead.
public enum URLPassword {
    /// The range of the password in `text` (after `scheme://user:`), or `nil` when there is none.
    public static func range(in text: String) -> Range<String.Index>? {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let rest = text[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return nil }
        guard let colon = rest[..<at].firstIndex(of: ":") else { return nil }
        return rest.index(after: colon)..<at
    }

    /// `text` with its password replaced by ``SecretMask/text`` (unchanged when it has none).
    public static func masked(_ text: String) -> String {
        guard let range = range(in: text), !range.isEmpty else { return text }
        var result = text
        result.replaceSubrange(range, with: SecretMask.text)
        return result
    }

    /// The password of `text`, when it has a non-empty one.
    public static func password(in text: String) -> String? {
        guard let range = range(in: text), !range.isEmpty else { return nil }
        return String(text[range])
    }
}
