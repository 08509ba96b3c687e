public import DoctorCore

/// The severity letter of a mongod log line (`"s"` in JSON logs, the letter in legacy logs).
public enum LogSeverity: String, Sendable, Comparable, CaseIterable {
    case debug, info, warning, error, fatal

    /// Reads a mongod severity letter: `I`, `W`, `E`, `F`, `D`/`D1`…`D5`.
    public init(letter: String) {
        switch letter.first {
        case "W": self = .warning
        case "E": self = .error
        case "F": self = .fatal
        case "D": self = .debug
        default: self = .info
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: LogSeverity, rhs: LogSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// The error a log line carries: `attr.error` as `"<codeName>: message"`, as an object
/// `{code, codeName, errmsg}`, a bare errno, or the code of a legacy `exception in initAndListen: N`.
public struct LoggedError: Sendable, Equatable {
    /// The numeric code, when known.
    public var code: Int?
    /// The code name (`NonExistentPath`, `Location28596`), when known.
    public var codeName: String?
    /// The message, without the code-name prefix.
    public var message: String

    /// Creates an error.
    public init(code: Int? = nil, codeName: String? = nil, message: String) {
        self.code = code
        self.codeName = codeName
        self.message = message
    }

    /// `codeName: message`, or just the message.
    public var text: String {
        guard let codeName else { return message }
        return "\(codeName): \(message)"
    }
}

/// One recognised line of a mongod log or of mongod's stderr.
public struct MongodLogEvent: Sendable {
    /// Where the line came from.
    public enum Format: String, Sendable {
        /// MongoDB 4.4+ structured JSON log line.
        case json
        /// The pre-4.4 text format (`<date> E STORAGE [ctx] message`).
        case legacy
        /// Plain stderr output: YAML/option errors, the `--fork` parent, systemd status lines.
        case stderr
    }

    /// 1-based line number in the input.
    public var lineNumber: Int
    /// The whole input line, including any journal prefix.
    public var line: String
    /// Which format the line was in.
    public var format: Format
    /// The timestamp text, when the line has one.
    public var timestamp: String?
    /// Severity of the line.
    public var severity: LogSeverity
    /// The component (`CONTROL`, `STORAGE`), when known.
    public var component: String?
    /// The structured-log id (`20557`); `nil` for legacy and stderr lines.
    public var id: Int?
    /// The thread context (`initandlisten`), when known.
    public var context: String?
    /// The message (`msg`), or the text of a legacy/stderr line.
    public var message: String
    /// The `attr` object (empty when none).
    public var attributes: [String: JSONValue]
    /// The `tags` array (`startupWarnings`).
    public var tags: [String]
    /// The error the line reports, when it reports one.
    public var error: LoggedError?
    /// An exit status the line states outright (fork parent, systemd, `attr.exitCode`).
    public var statedExitCode: Int?
    /// Whether this line begins a startup (`MongoDB starting`, `SERVER RESTARTED`).
    public var startupMarker: StartupMarker?

    /// The kinds of line that begin a startup.
    public enum StartupMarker: Sendable {
        /// id 4615611 / legacy `MongoDB starting`.
        case starting
        /// `***** SERVER RESTARTED *****`, written just before `MongoDB starting`.
        case restarted
    }

    /// Creates an event.
    public init(
        lineNumber: Int, line: String, format: Format, severity: LogSeverity, message: String,
        timestamp: String? = nil, component: String? = nil, id: Int? = nil, context: String? = nil,
        attributes: [String: JSONValue] = [:], tags: [String] = [], error: LoggedError? = nil,
        statedExitCode: Int? = nil, startupMarker: StartupMarker? = nil
    ) {
        self.lineNumber = lineNumber
        self.line = line
        self.format = format
        self.timestamp = timestamp
        self.severity = severity
        self.component = component
        self.id = id
        self.context = context
        self.message = message
        self.attributes = attributes
        self.tags = tags
        self.error = error
        self.statedExitCode = statedExitCode
        self.startupMarker = startupMarker
    }

    /// Whether mongod tagged the line as a startup warning.
    public var isStartupWarning: Bool { tags.contains("startupWarnings") }
}
