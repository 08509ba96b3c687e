/// The full result of parsing: the value (when there is no error) and every issue found.
struct ParseOutcome: Sendable {
    /// The parsed connection string; `nil` when an error was found.
    var value: ConnectionString?
    /// Errors, spec warnings and lint-only notes, with positions relative to the parsed text.
    var log: IssueLog
    /// Where the parts are that an equivalent rewrite may touch.
    var layout = URILayout()
}

/// Offsets (into the parsed text) of the parts ``EquivalentForm`` may rewrite.
struct URILayout: Sendable {
    /// Where a `/` is missing before `?`.
    var missingSlashAt: Int?
    /// The raw database of the path (after `/`, before `?`), when not empty.
    var database: Range<Int>?
    /// The index after `?`, when there is a query.
    var queryStart: Int?
    /// Option pairs the spec ignores, and legacy `;` separators.
    var ignoredPairs: [Range<Int>] = []
    var legacySeparators: [Int] = []
}

/// Parses a connection string in the order the Connection String spec describes:
/// scheme, user information, hosts, auth database, options, then cross-option rules.
struct URIParser {
    private let chars: [Character]
    private var log = IssueLog()
    private var secrets: [Range<Int>] = []
    private var layout = URILayout()

    /// Parses `text`, collecting every issue instead of stopping at the first.
    static func parse(_ text: String) -> ParseOutcome {
        var parser = URIParser(chars: Array(text))
        let value = parser.run()
        return ParseOutcome(value: parser.log.errors.isEmpty ? value : nil, log: parser.log, layout: parser.layout)
    }

    private init(chars: [Character]) {
        self.chars = chars
    }

    private mutating func run() -> ConnectionString? {
        guard !chars.isEmpty else {
            log.error(URIIssueID.invalid, "the connection string is empty", at: 0)
            return nil
        }
        guard checkSurroundings(), let (scheme, start) = SchemeParser.parse(chars, log: &log) else { return nil }
        let authorityEnd = chars[start...].firstIndex { $0 == "/" || $0 == "?" } ?? chars.count
        if UserInfoParser.diagnoseMisplacedDelimiter(chars, scheme: scheme.rawValue, start: start, authorityEnd: authorityEnd, log: &log) {
            return nil
        }
        var userInfo: UserInfo?
        var hostStart = start
        if let at = chars[start..<authorityEnd].lastIndex(of: "@") {
            userInfo = UserInfoParser.parse(chars, start..<at, scheme: scheme.rawValue, log: &log)
            secrets.append(contentsOf: [userInfo?.passwordRange].compactMap { $0 })
            hostStart = at + 1
        }
        guard hostStart < authorityEnd else {
            reportMissingHost(scheme: scheme, userInfo: userInfo, at: hostStart, authorityEnd: authorityEnd)
            return nil
        }
        // An '@' after the host list hints at a password with an unescaped delimiter: then the
        // "port" may be part of that password and must not be echoed.
        let echoPorts = userInfo != nil || !chars[authorityEnd...].contains("@")
        let hosts = HostParser.parse(chars, hostStart..<authorityEnd, scheme: scheme, echoPorts: echoPorts, log: &log)
        var db: String?
        var options = ParsedOptions()
        if authorityEnd < chars.count {
            var queryStart: Int?
            if chars[authorityEnd] == "?" {
                queryStart = authorityEnd + 1
            } else {
                let question = chars[(authorityEnd + 1)...].firstIndex(of: "?")
                let path = (authorityEnd + 1)..<(question ?? chars.count)
                db = parseDatabase(path)
                layout.database = path.isEmpty ? nil : path
                queryStart = question.map { $0 + 1 }
            }
            if let queryStart {
                options = OptionParser.parse(chars, queryStart..<chars.count, log: &log)
                secrets += options.secretRanges
                layout.queryStart = queryStart
                layout.ignoredPairs = options.ignoredPairs
                layout.legacySeparators = options.legacySeparators
            }
            OptionRules(options: options, scheme: scheme, hostCount: hosts.count).check(log: &log)
            AuthRules(options: options, userInfo: userInfo).check(log: &log)
            if chars[authorityEnd] == "?", log.errors.isEmpty { reportMissingSlash(at: authorityEnd) }
        }
        let auth = userInfo == nil && db == nil ? nil
            : ConnectionString.Credentials(username: userInfo?.username, password: userInfo?.password, db: db)
        return ConnectionString(
            scheme: scheme, hosts: hosts, auth: auth, options: options.values,
            warnings: log.warnings, redactedText: RangeMasker(chars: chars, secrets: secrets).text,
            secretTexts: secrets.filter { !$0.isEmpty }.map { String(chars[$0]) }
        )
    }

    /// Rejects surrounding whitespace, line breaks and wrapping quotes (the linter strips them first).
    private mutating func checkSurroundings() -> Bool {
        if let newline = chars.firstIndex(where: \.isNewline) {
            log.error(URIIssueID.whitespace, "the connection string contains a line break", at: newline)
            return false
        }
        if let first = chars.first, let last = chars.last, first.isWhitespace || last.isWhitespace {
            let position = first.isWhitespace ? 0 : (chars.lastIndex { !$0.isWhitespace } ?? 0) + 1
            log.error(URIIssueID.whitespace, "the connection string has \(first.isWhitespace ? "leading" : "trailing") whitespace", at: position)
            return false
        }
        if chars.count >= 2, let first = chars.first, ["\"", "'", "`"].contains(first), chars.last == first {
            log.error(URIIssueID.quoted, "the connection string is wrapped in \(first) quotes; drivers take them literally", at: 0)
            return false
        }
        return true
    }

    private mutating func reportMissingHost(scheme: ConnectionString.Scheme, userInfo: UserInfo?, at position: Int, authorityEnd: Int) {
        if authorityEnd < chars.count, chars[authorityEnd] == "/" {
            let pathEnd = chars[authorityEnd...].firstIndex(of: "?") ?? chars.count
            let path = String(chars[authorityEnd..<pathEnd])
            if let sock = path.firstRange(of: ".sock") {
                let socket = String(path[..<sock.upperBound])
                let rest = String(path[sock.upperBound...]) + String(chars[pathEnd...])
                let fixed = URIRedaction.uri(scheme: scheme.rawValue, userInfo: userInfo?.masked, tail: PercentCoding.encodeSocketPath(socket) + rest)
                log.error(
                    URIIssueID.rawUnixSocket,
                    "the Unix socket path '\(socket)' must be percent-encoded ('/' as %2F)",
                    at: authorityEnd, suggestion: fixed
                )
                return
            }
        }
        log.error(URIIssueID.invalid, "no host is given after '\(scheme.rawValue)://'\(userInfo == nil ? "" : " and the credentials")", at: position)
    }

    private mutating func reportMissingSlash(at position: Int) {
        layout.missingSlashAt = position
        let redactor = RangeMasker(chars: chars, secrets: secrets)
        let fixed = redactor.render(0..<position) + "/" + redactor.render(position..<chars.count)
        log.note(
            URIIssueID.missingSlash,
            "the options follow the host list without '/' before '?'; the spec allows it but libmongoc rejects it",
            at: position, suggestion: fixed
        )
    }

    /// Decodes and validates the auth database of the path; `nil` when the path is empty.
    private mutating func parseDatabase(_ range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        switch PercentCoding.decode(chars, range) {
        case let .failure(failure):
            log.error(URIIssueID.badEscape, "invalid percent-escape in the database name: \(failure.reason)", at: failure.index)
            return nil
        case let .success(name):
            let forbidden: [Character: String] = ["/": "'/'", "\\": "'\\'", " ": "a space", "\"": "'\"'", "$": "'$'"]
            if let bad = name.first(where: { forbidden[$0] != nil }), let shown = forbidden[bad] {
                let offset = chars[range].firstIndex(of: bad) ?? range.lowerBound
                log.error(URIIssueID.invalid, "the database name '\(name)' in the path contains \(shown), which is not allowed", at: offset)
                return nil
            }
            return name
        }
    }
}
