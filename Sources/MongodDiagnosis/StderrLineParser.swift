import Foundation

/// Recognises what mongod prints outside its log: option and YAML errors on stderr, the
/// `--fork` parent's messages, and systemd's status lines about the mongod unit.
struct StderrLineParser: Sendable {
    /// `ERROR: child process failed, exited with error number 100`.
    private static let forkFailure = Pattern(#"child process failed, exited with error number (\d+)"#)
    /// `mongod.service: Main process exited, code=exited, status=14/n/a`.
    private static let systemdExit = Pattern(#"Main process exited, code=exited, status=(\d+)"#)

    /// Prefixes of lines that report an error before logging starts.
    private static let errorPrefixes = [
        "Error parsing YAML config file:", "Unrecognized option:", "Error parsing command line:",
        "Error parsing INI config file:", "Failed global initialization:", "ERROR:",
    ]
    /// Informational lines of the fork parent, the option parser and systemd.
    private static let infoFragments = [
        "try 'mongod --help' for more information", "start without the \"--fork\" option",
        "about to fork child process", "forked process:", "child process started successfully",
        "mongod.service: Failed with result", "Started MongoDB", "Stopped MongoDB",
        "Started mongod.service", "Starting MongoDB",
    ]

    /// Returns the event, or `nil` when `text` is none of the known stderr lines.
    func parse(_ text: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        let body = text.trimmingCharacters(in: .whitespaces)
        if let groups = Self.forkFailure.firstMatch(in: body), let code = groups[1].flatMap({ Int($0) }) {
            return event(body, lineNumber, line, severity: .info, exitCode: code)
        }
        if let groups = Self.systemdExit.firstMatch(in: body), let code = groups[1].flatMap({ Int($0) }) {
            return event(body, lineNumber, line, severity: .info, exitCode: code)
        }
        if Self.errorPrefixes.contains(where: { body.hasPrefix($0) }) {
            return event(body, lineNumber, line, severity: .error, exitCode: nil)
        }
        if Self.infoFragments.contains(where: { body.contains($0) }) {
            return event(body, lineNumber, line, severity: .info, exitCode: nil)
        }
        return nil
    }

    private func event(
        _ body: String, _ lineNumber: Int, _ line: String, severity: LogSeverity, exitCode: Int?
    ) -> MongodLogEvent {
        MongodLogEvent(
            lineNumber: lineNumber, line: line, format: .stderr, severity: severity, message: body,
            error: severity == .error ? LegacyLogLineParser.error(in: body) : nil,
            statedExitCode: exitCode)
    }
}

/// Strips a syslog/journal prefix: `Nov 29 10:00:00 host mongod[123]: ` or
/// `2024-03-01T10:00:00+0100 host mongod[123]: ` (`journalctl -o short-iso`).
enum JournalPrefix {
    private static let syslog = Pattern(
        #"^(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S*) \S+ [^\s:\[]+(?:\[\d+\])?: "#)

    /// The text after the prefix, or `nil` when the line has none.
    static func strip(_ line: Substring) -> Substring? {
        guard let groups = syslog.firstMatch(in: String(line)), let prefix = groups[0] else { return nil }
        return line.dropFirst(prefix.count)
    }
}
