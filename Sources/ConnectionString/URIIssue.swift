/// One finding about a connection string: an error that stops a driver from using it,
/// or a warning about something a driver ignores or that is likely a mistake.
///
/// Messages and suggestions never contain the password or a secret option value:
/// those are always shown as `*****`.
public struct URIIssue: Sendable, Equatable {
    /// How bad a finding is.
    public enum Severity: String, Sendable {
        /// The driver rejects the connection string (or would misread it).
        case error
        /// The connection string is usable, but something is ignored or suspicious.
        case warning
    }

    /// A stable identifier such as `uri.bad-port` or `uri.unknown-option`.
    public var id: String
    /// Whether this finding is an error or a warning.
    public var severity: Severity
    /// A one-line explanation naming what is wrong and where.
    public var message: String
    /// The 0-based character offset into the raw input of the broken character,
    /// or of the start of the offending part; `nil` when the issue has no single place.
    public var position: Int?
    /// An optional fix, e.g. a corrected connection string with the password masked.
    public var suggestion: String?
    /// Whether the fix needs the password percent-encoded: the suggestion can only show it masked,
    /// so the user is pointed at `mongo-doctor uri --encode-password`.
    public var passwordFix: Bool

    /// Creates an issue with an explicit severity.
    public init(id: String, severity: Severity, message: String, position: Int? = nil, suggestion: String? = nil, passwordFix: Bool = false) {
        self.id = id
        self.severity = severity
        self.message = message
        self.position = position
        self.suggestion = suggestion
        self.passwordFix = passwordFix
    }

    /// Creates an issue with the severity ``URIIssueID/severity(of:)`` gives its id.
    public init(id: String, message: String, position: Int? = nil, suggestion: String? = nil, passwordFix: Bool = false) {
        self.init(id: id, severity: URIIssueID.severity(of: id), message: message, position: position,
                  suggestion: suggestion, passwordFix: passwordFix)
    }
}

/// The error thrown by ``ConnectionString/parse(_:)``: the first error-level issue found.
///
/// Its description never contains the password.
public struct URIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error-level issue that made parsing fail.
    public var issue: URIIssue

    /// Creates an error from an issue.
    public init(issue: URIIssue) {
        self.issue = issue
    }

    /// `id: message`, plus the offset when known. Never contains the password.
    public var description: String {
        if let position = issue.position {
            return "\(issue.id): \(issue.message) (at offset \(position))"
        }
        return "\(issue.id): \(issue.message)"
    }
}
