import Foundation

/// Recognises what mongod prints outside its log: option and YAML errors on stderr, the
/// `--fork` parent's messages, and systemd's status lines about the mongod unit.
struct StderrLineParser: Sendable {
    /// `ERROR: child process failed, exited with error number 100`.
    private static let forkFailure = Pattern(#"child process failed, exited with error number (\d+)"#)
    /// systemd: `Main process exited, code=exited, status=14/n/a`; `systemctl status`:
    /// `Main PID: 1234 (code=exited, status=100)`.
    private static let systemdExit = Pattern(#"code=exited, status=(\d+)"#)
    /// systemd for a signal: `code=dumped, status=4/ILL`, `code=killed, signal=ILL`.
    private static let systemdSignal = Pattern(#"code=(?:killed|dumped), (?:status=\d+/|signal=)(?:SIG)?([A-Z]+)"#)
    /// Container runtimes: `mongo-1 exited with code 132` (compose), `Exited (100) 3 minutes ago`
    /// (`docker ps`), `Exit Code:  14` (`kubectl describe`).
    private static let containerExit = Pattern(#"(?:exited with code |Exited \(|Exit Code:\s*)(\d+)"#)

    /// Prefixes of lines that report an error before logging starts (`src/mongo/util/options_parser/`,
    /// `src/mongo/db/initialize_server_global_state.cpp`, and 2.x's `SEVERE:`), and the bare
    /// `exception in initAndListen: …` of a pasted 2.x/3.x message without its timestamp.
    private static let errorPrefixes = [
        "Error parsing YAML config file:", "Error parsing YAML config:", "Unrecognized option:",
        "Error parsing command line:", "Error parsing INI config file:", "Error parsing option",
        "Expected boolean", "BadValue", "Failed global initialization:", "SEVERE:", "ERROR:",
        "exception in initAndListen", "DBException in initAndListen", "Fatal assertion", "WiredTiger error",
        "Illegal instruction", "Insufficient free space for journal",
    ]
    /// Fragments of error lines that may sit anywhere in the line: the loader, the shell, the
    /// docker image's entrypoint, a message pasted without its log line.
    private static let errorFragments = [
        "error while loading shared libraries", "Library not loaded", "Illegal instruction", "SIGILL", "requires a CPU with AVX",
        "Data directory", "Address already in use", "Another mongod instance is already running",
        "Unable to lock file", "read-only directory", "unsupported WiredTiger file version",
        "UPGRADE PROBLEM", "NonExistentPath", "DBPathInUse", "IllegalOperation", "FileNotOpen",
        "Failed with result", "exited with code", "Exited (", "Exit Code:",
    ]
    /// Informational lines of the fork parent, the option parser and systemd.
    private static let infoFragments = [
        "try 'mongod --help' for more information", "start without the \"--fork\" option",
        "about to fork child process", "forked process:", "child process started successfully",
        "Started MongoDB", "Stopped MongoDB", "Started mongod.service", "Starting MongoDB",
    ]
    /// Words that make a line about mongod even when it is none of the above.
    private static let mongodWords = ["mongod", "MongoDB", "WiredTiger", "initAndListen", "initandlisten", "dbPath", "dbpath"]

    /// Returns the event, or `nil` when `text` is none of the known stderr lines.
    func parse(_ text: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        let body = text.trimmingCharacters(in: .whitespaces)
        for pattern in [Self.forkFailure, Self.systemdExit, Self.containerExit] {
            if let code = pattern.firstMatch(in: body)?[1].flatMap({ Int($0) }) {
                return event(body, lineNumber, line, severity: code == 0 ? .info : .error, exitCode: code)
            }
        }
        if let name = Self.systemdSignal.firstMatch(in: body)?[1] ?? nil {
            return event(body, lineNumber, line, severity: .error, exitCode: MongodExitCodes.code(ofSignal: name))
        }
        if Self.errorPrefixes.contains(where: { body.hasPrefix($0) }) || Self.errorFragments.contains(where: { body.contains($0) }) {
            return event(body, lineNumber, line, severity: .error, exitCode: nil)
        }
        if Self.infoFragments.contains(where: { body.contains($0) }) || Self.mongodWords.contains(where: { body.contains($0) }) {
            return event(body, lineNumber, line, severity: .info, exitCode: nil)
        }
        return nil
    }

    private func event(
        _ body: String, _ lineNumber: Int, _ line: String, severity: LogSeverity, exitCode: Int?
    ) -> MongodLogEvent {
        MongodLogEvent(
            lineNumber: lineNumber, line: line, format: .stderr, severity: severity, message: body,
            error: severity == .error ? LegacyLogLineParser.error(in: body) ?? Self.codeNamed(body) : nil,
            statedExitCode: exitCode)
    }

    /// `BadValue: …`, `NonExistentPath: …` pasted without their line.
    private static func codeNamed(_ body: String) -> LoggedError? {
        let error = CodeNamePrefix.split(body)
        return error.codeName == nil ? nil : error
    }
}
