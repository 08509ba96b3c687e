/// Masks secrets that sit inside free text by their shape, when the secret values themselves are
/// unknown: a mongod log line that quotes a connection string, or a JSON attribute such as
/// `"queryPassword":"…"` in the options a server logged at startup.
public enum EmbeddedSecrets {
    /// `text` with the password of every `scheme://user:password@` and the string value of every
    /// JSON member whose key is secret (``SecretNames/isSecret(configKey:)``) masked.
    public static func redact(_ text: String) -> String {
        guard text.contains("://") || text.contains("\"") else { return text }
        return maskJSONMembers(in: maskURLPasswords(in: text))
    }

    /// Masks `user:password@` after every `://`, up to the next whitespace or quote.
    static func maskURLPasswords(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let scheme = rest.firstRange(of: "://") {
            result += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let end = rest.firstIndex { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "," } ?? rest.endIndex
            let token = rest[..<end]
            if let at = token.lastIndex(of: "@"), let colon = token[..<at].firstIndex(of: ":") {
                result += token[...colon] + SecretMask.text
                rest = rest[at...]
            }
        }
        return result + rest
    }

    /// Masks the string value of `"key": "value"` when `key` is secret.
    static func maskJSONMembers(in text: String) -> String {
        let chars = Array(text)
        var out = ""
        var index = 0
        while index < chars.count {
            guard chars[index] == "\"", let keyEnd = closingQuote(chars, from: index + 1) else {
                out.append(chars[index])
                index += 1
                continue
            }
            let key = String(chars[(index + 1)..<keyEnd])
            var cursor = keyEnd + 1
            while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
            out += String(chars[index...keyEnd])
            index = keyEnd + 1
            guard cursor < chars.count, chars[cursor] == ":", SecretNames.isSecret(configKey: key) else { continue }
            var valueStart = cursor + 1
            while valueStart < chars.count, chars[valueStart] == " " { valueStart += 1 }
            guard valueStart < chars.count, chars[valueStart] == "\"", let valueEnd = closingQuote(chars, from: valueStart + 1) else { continue }
            out += String(chars[index...valueStart]) + SecretMask.text + "\""
            index = valueEnd + 1
        }
        return out
    }

    /// The index of the quote that closes a JSON string starting at `start`, skipping escapes.
    private static func closingQuote(_ chars: [Character], from start: Int) -> Int? {
        var index = start
        while index < chars.count {
            if chars[index] == "\\" { index += 2; continue }
            if chars[index] == "\"" { return index }
            index += 1
        }
        return nil
    }
}
