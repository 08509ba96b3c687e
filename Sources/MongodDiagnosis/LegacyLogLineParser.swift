import DoctorCore
import Foundation

/// Parses one line of the pre-4.4 text log:
/// `2019-03-22T10:20:30.123+0000 E STORAGE  [initandlisten] exception in initAndListen: 29 …`.
struct LegacyLogLineParser: Sendable {
    /// `<iso date> <S> <COMPONENT> [ctx] message` (3.0 – 4.2).
    private static let modern = Pattern(
        #"^(\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)\s+([IWEFD]\d?)\s+([A-Z_]+|-)\s+\[([^\]]*)\]\s?(.*)$"#)
    /// `<ctime date> [ctx] message` (2.x, no severity or component).
    private static let ancient = Pattern(
        #"^((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?)\s+\[([^\]]*)\]\s?(.*)$"#)
    /// `<iso date> [ctx] message` (2.6: an ISO date but no severity or component).
    private static let isoNoSeverity = Pattern(
        #"^(\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)\s+\[([^\]]*)\]\s?(.*)$"#)
    /// `MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit host=h`.
    private static let starting = Pattern(#"port=(\d+) dbpath=(.+?) (?:64|32)-bit"#)

    /// Legacy numeric codes worth naming (`exception in initAndListen: 29 …`).
    static let codeNames: [Int: String] = [
        2: "BadValue", 20: "IllegalOperation", 29: "NonExistentPath", 30: "InvalidPath",
        38: "FileNotOpen", 98: "DBPathInUse", 9001: "SocketException", 14: "TypeMismatch",
    ]

    /// Returns the event, or `nil` when `text` is not a legacy log line.
    func parse(_ text: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        let body = String(text)
        var event: MongodLogEvent
        if let groups = Self.modern.firstMatch(in: body) {
            event = MongodLogEvent(
                lineNumber: lineNumber, line: line, format: .legacy,
                severity: LogSeverity(letter: groups[2] ?? "I"), message: groups[5] ?? "",
                timestamp: groups[1], component: groups[3], context: groups[4])
        } else if let groups = Self.ancient.firstMatch(in: body) ?? Self.isoNoSeverity.firstMatch(in: body) {
            let message = groups[3] ?? ""
            let severity: LogSeverity = Self.soundsLikeError(message) ? .error : .info
            event = MongodLogEvent(
                lineNumber: lineNumber, line: line, format: .legacy, severity: severity,
                message: message, timestamp: groups[1], context: groups[2])
        } else {
            return nil
        }
        event.error = Self.error(in: event.message)
        if event.message.hasPrefix("MongoDB starting") {
            event.startupMarker = .starting
            if let groups = Self.starting.firstMatch(in: event.message) {
                if let port = groups[1].flatMap({ Int($0) }) { event.attributes["port"] = .int(port) }
                if let dbPath = groups[2] { event.attributes["dbPath"] = .string(dbPath) }
            }
        } else if event.message.contains("SERVER RESTARTED") {
            event.startupMarker = .restarted
        } else if event.message.hasPrefix("options: ") {
            event.attributes.merge(StartupOptionsText.values(in: event.message)) { $1 }
        }
        return event
    }

    /// Whether a 2.x line without a severity column reports an error.
    static func soundsLikeError(_ message: String) -> Bool {
        let words = ["ERROR", "exception", "Assertion", "SEVERE", "Fatal", "fatal", "Unable to", "old lock file", "Insufficient free space"]
        return words.contains { message.contains($0) }
    }

    /// The error of `exception in initAndListen: 29 Data directory … not found., terminating`
    /// and of `Failed global initialization: FileNotOpen: …`.
    static func error(in message: String) -> LoggedError? {
        let prefixes = ["exception in initAndListen: ", "Failed global initialization: "]
        guard let prefix = prefixes.first(where: { message.contains($0) }),
            let range = message.range(of: prefix)
        else { return nil }
        var rest = String(message[range.upperBound...])
        if rest.hasSuffix(", terminating") { rest.removeLast(", terminating".count) }
        let digits = rest.prefix(while: \.isNumber)
        if let code = Int(digits), rest.dropFirst(digits.count).first == " " {
            let text = String(rest.dropFirst(digits.count + 1))
            return LoggedError(code: code, codeName: codeNames[code], message: text)
        }
        return CodeNamePrefix.split(rest)
    }
}
