/// The identifiers used in ``URIIssue/id``, one per kind of finding.
public enum URIIssueID {
    /// The whole string is wrapped in matching quotes (often copied from a `.env` file).
    public static let quoted = "uri.quoted"
    /// Leading or trailing whitespace, or a line break inside the string.
    public static let whitespace = "uri.whitespace"
    /// The scheme is missing or is not `mongodb://` / `mongodb+srv://`.
    public static let badScheme = "uri.bad-scheme"
    /// More than one `@` in the user information.
    public static let unescapedAt = "uri.unescaped-at"
    /// A reserved character (`:`, `/`, `?`, `&`) in the username, password or a secret option value.
    public static let unescapedChar = "uri.unescaped-char"
    /// A character the spec lets through in the username or password but URL parsers misread
    /// (`#`, `[`, a space, …): other drivers may reject the string.
    public static let riskyChar = "uri.risky-char"
    /// A `%` not followed by two hex digits, or an escape that is not UTF-8.
    public static let badEscape = "uri.bad-escape"
    /// A port that is empty, not a number, 0, or above 65535.
    public static let badPort = "uri.bad-port"
    /// Options follow the hosts without a `/` before the `?`.
    public static let missingSlash = "uri.missing-slash"
    /// A port on a `mongodb+srv://` host.
    public static let srvPort = "uri.srv-port"
    /// More than one host in a `mongodb+srv://` string.
    public static let srvMultipleHosts = "uri.srv-multiple-hosts"
    /// `directConnection=true` with `mongodb+srv://`.
    public static let srvDirectConnection = "uri.srv-direct-connection"
    /// `directConnection=true` with more than one host.
    public static let multipleHostsDirectConnection = "uri.multiple-hosts-direct-connection"
    /// A Unix socket path written with raw `/` instead of `%2F`.
    public static let rawUnixSocket = "uri.raw-unix-socket"
    /// An option name no driver knows.
    public static let unknownOption = "uri.unknown-option"
    /// An option value that drivers ignore (with a warning) or that is deprecated.
    public static let invalidOptionValue = "uri.invalid-option-value"
    /// Options that must not be combined (the spec rejects the string).
    public static let conflictingOptions = "uri.conflicting-options"
    /// An option that has no effect here (`tlsCAFile` with `tls=false`, `readPreferenceTags` without
    /// `readPreference`): the spec accepts the string, the option is silently useless.
    public static let ineffectiveOption = "uri.ineffective-option"
    /// A non-list option given more than once.
    public static let duplicateOption = "uri.duplicate-option"
    /// A deprecated option name (e.g. `wtimeout`, `j`).
    public static let deprecatedOption = "uri.deprecated-option"
    /// Anything else that makes the string invalid.
    public static let invalid = "uri.invalid"
    /// libmongoc 1.23 rejects a string the spec accepts. Reported by the `uri` stage (DoctorChecks),
    /// declared here for its severity.
    public static let driverRejects = "uri.driver-rejects"

    /// The severity of every `uri.*` id: the one place it is decided (a finding catalog can replace
    /// this table later). An error means the spec (or the raw text) makes the string unusable; a
    /// warning means it works, with something ignored, useless or driver-dependent.
    public static let severities: [String: URIIssue.Severity] = [
        quoted: .error, whitespace: .error, badScheme: .error, unescapedAt: .error, unescapedChar: .error,
        riskyChar: .warning, badEscape: .error, badPort: .error, missingSlash: .warning, srvPort: .error,
        srvMultipleHosts: .error, srvDirectConnection: .error, multipleHostsDirectConnection: .error,
        rawUnixSocket: .error, unknownOption: .warning, invalidOptionValue: .warning,
        conflictingOptions: .error, ineffectiveOption: .warning, duplicateOption: .warning,
        deprecatedOption: .warning, invalid: .error, driverRejects: .warning,
    ]

    /// The severity of `id` (``severities``); an id missing from the table is an error.
    public static func severity(of id: String) -> URIIssue.Severity {
        severities[id] ?? .error
    }
}

/// Collects the issues found while parsing, split by how they are reported.
struct IssueLog: Sendable {
    /// Errors: parsing fails with the first one.
    var errors: [URIIssue] = []
    /// Warnings the spec requires a parser to emit (they end up in ``ConnectionString/warnings``).
    var warnings: [URIIssue] = []
    /// Findings only the linter reports (the spec accepts the input silently).
    var notes: [URIIssue] = []

    /// Reports an error-severity id: parsing fails.
    mutating func error(_ id: String, _ message: String, at position: Int?, suggestion: String? = nil, passwordFix: Bool = false) {
        assert(URIIssueID.severity(of: id) == .error, "\(id) is not an error in URIIssueID.severities")
        errors.append(URIIssue(id: id, message: message, position: position, suggestion: suggestion, passwordFix: passwordFix))
    }

    /// Reports a warning the spec requires a parser to emit.
    mutating func warning(_ id: String, _ message: String, at position: Int?, suggestion: String? = nil) {
        assert(URIIssueID.severity(of: id) == .warning, "\(id) is not a warning in URIIssueID.severities")
        warnings.append(URIIssue(id: id, message: message, position: position, suggestion: suggestion))
    }

    /// Reports a warning only the linter gives (the spec accepts the input silently).
    mutating func note(_ id: String, _ message: String, at position: Int?, suggestion: String? = nil, passwordFix: Bool = false) {
        assert(URIIssueID.severity(of: id) == .warning, "\(id) is not a warning in URIIssueID.severities")
        notes.append(URIIssue(id: id, message: message, position: position, suggestion: suggestion, passwordFix: passwordFix))
    }
}
