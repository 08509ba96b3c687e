import Redaction

/// The decoded user information and what is needed to show it safely.
struct UserInfo: Sendable {
    /// The decoded username.
    var username: String
    /// The decoded password, `nil` when there is no `:`.
    var password: String?
    /// Where the raw password is in the input, for redaction.
    var passwordRange: Range<Int>?

    /// The user information re-encoded with the password masked, e.g. `alice%40corp:*****`.
    var masked: String {
        PercentCoding.encodeUserInfo(username) + (password == nil ? "" : ":" + SecretMask.text)
    }

    /// Splits `chars[range]` at the first colon and decodes both parts leniently.
    init(_ chars: [Character], _ range: Range<Int>) {
        let colon = chars[range].firstIndex(of: ":")
        username = PercentCoding.lenientDecode(chars, range.lowerBound..<(colon ?? range.upperBound))
        if let colon {
            passwordRange = (colon + 1)..<range.upperBound
            password = PercentCoding.lenientDecode(chars, (colon + 1)..<range.upperBound)
        }
    }
}

/// Validates the user information (`username:password` before the last `@`) as the
/// Connection String spec requires, and diagnoses the usual encoding mistakes.
enum UserInfoParser {
    /// Characters RFC 3986 does not allow unencoded in user information that the spec
    /// does not reject either; drivers built on URL parsers misread them.
    private static let risky: Set<Character> = ["#", "[", "]", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", " "]

    /// Parses `chars[range]`; `tail` is the text after the `@`, used to build suggestions.
    static func parse(_ chars: [Character], _ range: Range<Int>, scheme: String, log: inout IssueLog) -> UserInfo {
        let info = UserInfo(chars, range)
        let colon = chars[range].firstIndex(of: ":")
        let tail = String(chars[range.upperBound...].dropFirst())
        let suggestion = URIRedaction.uri(scheme: scheme, userInfo: info.masked, tail: tail)
        if let at = chars[range].firstIndex(of: "@") {
            let part = colon.map { at > $0 } == true ? "password" : "username"
            log.error(
                URIIssueID.unescapedAt,
                "the \(part) contains an unescaped '@': percent-encode it as %40 (the spec splits at the last '@', libmongoc at the first)",
                at: at, suggestion: suggestion, passwordFix: part == "password"
            )
        }
        if let colon, let second = chars[(colon + 1)..<range.upperBound].firstIndex(of: ":") {
            log.error(
                URIIssueID.unescapedChar,
                "the password contains an unescaped ':': percent-encode it as %3A (only the first ':' separates username and password)",
                at: second, suggestion: suggestion, passwordFix: true
            )
        }
        let userRange = range.lowerBound..<(colon ?? range.upperBound)
        for (part, partRange) in [("username", userRange), ("password", info.passwordRange)] {
            guard let partRange, case let .failure(failure) = PercentCoding.decode(chars, partRange) else { continue }
            log.error(URIIssueID.badEscape, "invalid percent-escape in the \(part): \(failure.reason)", at: failure.index,
                      suggestion: suggestion, passwordFix: part == "password")
        }
        if range.isEmpty {
            log.error(URIIssueID.invalid, "'@' is not preceded by a username: remove the '@' or add the credentials", at: range.upperBound)
        } else if userRange.isEmpty {
            log.error(URIIssueID.invalid, "the username before ':' is empty", at: range.lowerBound)
        }
        for (part, partRange) in [("username", userRange), ("password", info.passwordRange)] {
            guard let partRange, let index = chars[partRange].firstIndex(where: { risky.contains($0) }) else { continue }
            let shown = chars[index] == " " ? "a space" : "'\(chars[index])'"
            log.note(
                URIIssueID.riskyChar,
                "the \(part) contains \(shown), which URL parsers misread: percent-encode it",
                at: index, suggestion: suggestion, passwordFix: part == "password"
            )
        }
        return info
    }

    /// Detects a `/` or `?` inside the user information: the host list then seems to end
    /// early, and an `@` shows up after it (before the `=` of any option in the query).
    ///
    /// - Returns: `true` when such a mistake was reported (parsing should stop).
    static func diagnoseMisplacedDelimiter(_ chars: [Character], scheme: String, start: Int, authorityEnd: Int, log: inout IssueLog) -> Bool {
        guard authorityEnd < chars.count else { return false }
        var lastAt: Int?
        var inQuery = chars[authorityEnd] == "?"
        // Normally an '@' after '=' belongs to an option value (authMechanismProperties=…@REALM). But when
        // what precedes the '/' or '?' reads as "user:secret" (a ':' not followed by a port), the '?' or
        // '/' is inside the password, and option-looking text after it is password too: scan on.
        let credentialsBefore = Self.looksLikeCredentials(chars[start..<authorityEnd])
        for index in authorityEnd..<chars.count {
            if chars[index] == "=", inQuery, !credentialsBefore { break }
            if chars[index] == "?" { inQuery = true }
            if chars[index] == "@" { lastAt = index }
        }
        guard let at = lastAt else { return false }
        if isDatabaseAt(chars, at, start: start, authorityEnd: authorityEnd) { return false }
        let info = UserInfo(chars, start..<at)
        let colon = chars[start..<at].firstIndex(of: ":")
        let part = colon.map { $0 < authorityEnd } == true ? "password" : "username"
        let delimiter = chars[authorityEnd]
        let code = delimiter == "/" ? "%2F" : "%3F"
        let suggestion = URIRedaction.uri(scheme: scheme, userInfo: info.masked, tail: String(chars[(at + 1)...]))
        log.error(
            URIIssueID.unescapedChar,
            "the \(part) contains an unescaped '\(delimiter)': percent-encode it as \(code)",
            at: authorityEnd, suggestion: suggestion, passwordFix: part == "password"
        )
        return true
    }

    /// Whether the '@' at `at` belongs to the database name of the path (`user:pw@host/db@name`):
    /// the credentials already end before a host list, and no host list (`:port`, `/db`) follows
    /// that '@'. The spec allows '@' in a database name; it is never read as part of the password.
    static func isDatabaseAt(_ chars: [Character], _ at: Int, start: Int, authorityEnd: Int) -> Bool {
        guard chars[authorityEnd] == "/", let userInfoEnd = chars[start..<authorityEnd].lastIndex(of: "@"),
              userInfoEnd + 1 < authorityEnd else { return false }
        let pathEnd = chars[authorityEnd...].firstIndex(of: "?") ?? chars.count
        return at < pathEnd && !chars[(at + 1)..<pathEnd].contains { $0 == "/" || $0 == ":" }
    }

    /// Whether an authority without '@' reads as `user:password` rather than `host:port` lists.
    static func looksLikeCredentials(_ authority: ArraySlice<Character>) -> Bool {
        guard !authority.contains("@"), !authority.contains("["), let colon = authority.firstIndex(of: ":") else { return false }
        let afterColon = authority[(colon + 1)...].prefix { $0 != "," }
        return afterColon.isEmpty || !afterColon.allSatisfy(\.isNumber)
    }
}
