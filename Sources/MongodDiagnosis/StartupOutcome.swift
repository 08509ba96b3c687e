/// How the last startup of a log ended, as far as the log shows: the verdict rule.
///
/// - `failed`: a fatal (`F`) line, a non-zero exit code (stated or implied), or an error (`E`)
///   line before the server was shown running. The log gives exit status 1 even when the
///   catalog does not know the cause (`log.unrecognized` is then an error).
/// - `running`: the server was shown serving (`Waiting for connections`, connections accepted,
///   slow queries) and nothing fatal followed. Error lines after that do not end the startup.
/// - `stopped`: no failure, and a line states exit code 0 (a clean shutdown).
/// - `notShown`: the log ends before any of these (`log.outcome-unknown`, a warning).
public enum StartupOutcome: String, Sendable, Equatable {
    case running, failed, stopped
    case notShown = "not shown"

    /// JSON log ids that show mongod serving: waiting for connections, connection accepted, slow query.
    static let runningIDs = RoutineLineFilter.runningIDs
    /// Legacy and stderr texts that show it serving (the `--fork` parent reports success only
    /// once the child listens).
    static let runningTexts = ["waiting for connections", "connection accepted from", "child process started successfully"]

    /// Whether `event` shows the server serving.
    static func showsRunning(_ event: MongodLogEvent) -> Bool {
        if let id = event.id { return runningIDs.contains(id) }
        return event.format != .json && runningTexts.contains { event.message.contains($0) }
    }

    /// The outcome of `events` (one startup) whose exit code is `exitCode`, and the line that
    /// shows a failure (the one `log.unrecognized` quotes when the catalog knows no cause).
    static func of(
        _ events: ArraySlice<MongodLogEvent>, exitCode: (code: Int, event: MongodLogEvent)?
    ) -> (outcome: StartupOutcome, cause: MongodLogEvent?) {
        let runningLine = events.first(where: showsRunning)?.lineNumber ?? Int.max
        let failures = events.filter { event in
            event.statedExitCode == nil
                && (event.severity == .fatal || (event.severity == .error && event.lineNumber < runningLine))
        }
        let cause = MongodLogAnalyzer.unexplainedFailure(in: failures[...])
        if let exitCode, exitCode.code != 0 { return (.failed, cause ?? exitCode.event) }
        if let cause { return (.failed, cause) }
        if exitCode?.code == 0 { return (.stopped, nil) }
        return (runningLine == Int.max ? .notShown : .running, nil)
    }
}
