/// Keeps secrets out of everything mongo-doctor prints.
///
/// Two layers: `redactURI` masks the password in a connection string structurally (works on
/// malformed URIs too), and `scrub` removes any known secret from free text such as
/// libmongoc's messages, which sometimes quote the password.
public struct Redactor: Sendable {
    /// The mask that replaces a secret.
    public static let mask = "*****"

    /// Secrets to remove from text; very short ones are ignored (they would mangle ordinary words,
    /// and the structural URI redaction already covers them).
    public private(set) var secrets: [String]

    /// Creates a redactor for `secrets` (raw and percent-decoded forms are both scrubbed).
    public init(secrets: [String] = []) {
        var all: Set<String> = []
        for secret in secrets where secret.count >= 3 {
            all.insert(secret)
            if let decoded = secret.removingPercentEncoding, decoded.count >= 3 { all.insert(decoded) }
        }
        self.secrets = all.sorted { $0.count > $1.count }
    }

    /// A redactor for the secrets inside a connection string (its password and secret options).
    public init(uri: String) {
        self.init(secrets: Self.secrets(inURI: uri))
    }

    /// `text` with every secret replaced by the mask.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingAll(secret, with: Self.mask) }
        return result
    }

    /// Secret option names whose values are masked in URIs (lower case).
    static let secretOptions = ["tlscertificatekeyfilepassword", "proxypassword", "sslclientcertificatekeypassword"]

    /// The password (everything between the first `:` of the userinfo and the last `@` before the
    /// host list) and secret option values found in `uri`.
    public static func secrets(inURI uri: String) -> [String] {
        var found: [String] = []
        if let range = passwordRange(in: uri) { found.append(String(uri[range])) }
        if let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first {
            var afterSecret = false
            for pair in query.split(whereSeparator: { $0 == "&" || $0 == ";" }) {
                let parts = pair.split(separator: "=", maxSplits: 1)
                // A pair without '=' right after a secret value is that value's tail (an unescaped '&').
                if afterSecret, parts.count == 1 {
                    found.append(String(pair))
                    continue
                }
                afterSecret = parts.count == 2 && secretOptions.contains(parts[0].lowercased())
                if afterSecret { found.append(String(parts[1])) }
                // authMechanismProperties=AWS_SESSION_TOKEN:<token>,… carries a secret too.
                if parts.count == 2, parts[0].lowercased() == "authmechanismproperties" {
                    for property in parts[1].split(separator: ",") {
                        let pair = property.split(separator: ":", maxSplits: 1)
                        if pair.count == 2, pair[0].uppercased() == "AWS_SESSION_TOKEN" { found.append(String(pair[1])) }
                    }
                }
            }
        }
        return found.filter { !$0.isEmpty }
    }

    /// `uri` with its password and secret option values masked.
    public static func redactURI(_ uri: String) -> String {
        var result = uri
        if let range = passwordRange(in: result), !result[range].isEmpty {
            result.replaceSubrange(range, with: mask)
        }
        for secret in secrets(inURI: result) where secret != mask {
            result = result.replacingAll("=" + secret, with: "=" + mask)
            result = result.replacingAll("&" + secret, with: "&" + mask)
            result = result.replacingAll("AWS_SESSION_TOKEN:" + secret, with: "AWS_SESSION_TOKEN:" + mask)
        }
        return result
    }

    /// The range of the password in a URI: after `scheme://user:` and before the last `@` that
    /// precedes the options (`@` in an unescaped password is exactly the trap this must survive).
    /// When no `@` precedes the first `?`, the `?` may be inside the password (`u:pa?ss@host`), so the
    /// last `@` anywhere is taken: that can over-mask an option value, never under-mask a password.
    static func passwordRange(in uri: String) -> Range<String.Index>? {
        guard let schemeEnd = uri.firstRange(of: "://") else { return nil }
        let rest = uri[schemeEnd.upperBound...]
        let beforeQuery = rest.firstIndex(of: "?") ?? rest.endIndex
        guard let at = rest[..<beforeQuery].lastIndex(of: "@") ?? rest.lastIndex(of: "@") else { return nil }
        guard let colon = rest[..<at].firstIndex(of: ":") else { return nil }
        return rest.index(after: colon)..<at
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remainder = self[...]
        while let range = remainder.firstRange(of: target) {
            result += remainder[..<range.lowerBound]
            result += replacement
            remainder = remainder[range.upperBound...]
        }
        return result + remainder
    }

    /// Percent-decoding without Foundation; `nil` on a malformed escape.
    var removingPercentEncoding: String? {
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let h = iterator.next(), let l = iterator.next(),
                    let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
