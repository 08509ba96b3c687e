/// The result of linting one connection string.
public struct URILintResult: Sendable {
    /// The parsed connection string when there is no parse error (after stripping
    /// surrounding whitespace and quotes); `nil` otherwise.
    public var connectionString: ConnectionString?
    /// Every finding, errors and warnings, in the order of the input.
    public var issues: [URIIssue]
    /// `false` when any issue is an error (the raw input would not work in a driver).
    public var isValid: Bool
    /// The input without the surrounding whitespace and quotes the linter reported, i.e. what the
    /// user most likely meant. Contains the password: never print it.
    public var cleanedInput: String

    /// Creates a result; `isValid` is derived from the issues.
    public init(connectionString: ConnectionString?, issues: [URIIssue], cleanedInput: String = "") {
        self.connectionString = connectionString
        self.issues = issues
        self.isValid = !issues.contains { $0.severity == .error }
        self.cleanedInput = cleanedInput
    }
}

/// Finds the connection-string mistakes people really make: quotes and whitespace from
/// `.env` files, unescaped characters in passwords, bad ports, SRV misuse, raw socket
/// paths, unknown or misspelled options, conflicting options.
///
/// Unlike ``ConnectionString/parse(_:)`` it reports every problem it can find, and it
/// also reports things the spec accepts but some drivers reject (`uri.missing-slash`).
public enum URILinter {
    private static let quotes: Set<Character> = ["\"", "'", "`"]

    /// Lints `raw`. Positions in the issues are offsets into `raw`.
    public static func lint(_ raw: String) -> URILintResult {
        let chars = Array(raw)
        var issues: [URIIssue] = []
        var lower = 0
        var upper = chars.count
        stripWhitespace(chars, &lower, &upper, issues: &issues)
        if upper - lower >= 2, quotes.contains(chars[lower]), chars[upper - 1] == chars[lower] {
            stripQuotes(chars, &lower, &upper, issues: &issues)
            stripWhitespace(chars, &lower, &upper, issues: &issues)
        }
        // Quotes around (or stray next to) the hosts, the database or an option value.
        let quoted = QuotedParts.scan(chars, lower..<upper)
        if quoted.removed.isEmpty, upper - lower >= 1, quotes.contains(chars[lower]) || quotes.contains(chars[upper - 1]) {
            stripQuotes(chars, &lower, &upper, issues: &issues)
            stripWhitespace(chars, &lower, &upper, issues: &issues)
        }
        // `kept[i]` is the offset in `raw` of character `i` of the cleaned text.
        let kept = (lower..<upper).filter { !quoted.removed.contains($0) }
        let cleaned = String(kept.map { chars[$0] })
        if !quoted.issues.isEmpty {
            let suggestion = URIRedaction.redact(cleaned)
            issues += quoted.issues.map { issue in
                var copy = issue
                copy.suggestion = suggestion
                return copy
            }
        }
        let outcome = URIParser.parse(cleaned)
        let found = outcome.log.errors + outcome.log.warnings + outcome.log.notes
        issues += found.map { issue in
            var copy = issue
            copy.position = issue.position.map { $0 < kept.count ? kept[$0] : (kept.last.map { $0 + 1 } ?? lower) }
            return copy
        }
        issues.sort { ($0.position ?? Int.max) < ($1.position ?? Int.max) }
        return URILintResult(connectionString: outcome.value, issues: issues, cleanedInput: cleaned)
    }

    private static func stripWhitespace(_ chars: [Character], _ lower: inout Int, _ upper: inout Int, issues: inout [URIIssue]) {
        let start = lower
        let end = upper
        while lower < upper, chars[lower].isWhitespace { lower += 1 }
        while upper > lower, chars[upper - 1].isWhitespace { upper -= 1 }
        var parts: [String] = []
        if lower > start { parts.append(describe(chars[start..<lower], side: "leading")) }
        if upper < end { parts.append(describe(chars[upper..<end], side: "trailing")) }
        guard !parts.isEmpty else { return }
        let text = URIRedaction.redact( String(chars[lower..<upper]))
        issues.append(URIIssue(
            id: URIIssueID.whitespace,
            message: "the connection string has \(parts.joined(separator: " and ")); drivers do not trim it",
            position: lower > start ? start : upper, suggestion: text
        ))
    }

    private static func describe(_ slice: ArraySlice<Character>, side: String) -> String {
        slice.contains(where: \.isNewline) ? "a \(side) line break" : "\(side) whitespace"
    }

    private static func stripQuotes(_ chars: [Character], _ lower: inout Int, _ upper: inout Int, issues: inout [URIIssue]) {
        let first = chars[lower]
        var start = lower
        let message: String
        if upper - lower >= 2, chars[upper - 1] == first {
            message = "the connection string is wrapped in \(first) quotes (copied from a .env file?); drivers take them literally"
            lower += 1
            upper -= 1
        } else if quotes.contains(first) {
            message = "the connection string starts with an unmatched \(first) quote"
            lower += 1
        } else {
            message = "the connection string ends with an unmatched \(chars[upper - 1]) quote"
            upper -= 1
            start = upper
        }
        issues.append(URIIssue(
            id: URIIssueID.quoted, message: message,
            position: start, suggestion: URIRedaction.redact( String(chars[lower..<upper]))
        ))
    }
}
