import Foundation

/// mongod's exit codes (`src/mongo/util/exit_code.h`) and the log lines that imply them.
public enum MongodExitCodes {
    /// The name and meaning of one exit code.
    public struct Meaning: Sendable, Equatable {
        /// The name in the server source (`uncaught`, `needDowngrade`).
        public var name: String
        /// What it means, in a few words.
        public var summary: String
    }

    private static let table: [Int: Meaning] = [
        0: Meaning(name: "clean", summary: "clean shutdown"),
        1: Meaning(name: "fail", summary: "a startup step failed (global initialization or the service context)"),
        2: Meaning(name: "badOptions", summary: "bad command-line options or config file"),
        3: Meaning(name: "replicationError", summary: "replication error"),
        4: Meaning(name: "needUpgrade", summary: "the data files need an upgrade"),
        5: Meaning(name: "shardingError", summary: "sharding error"),
        12: Meaning(name: "kill", summary: "killed"),
        14: Meaning(name: "abrupt", summary: "a fatal assertion aborted mongod"),
        20: Meaning(name: "ntServiceError", summary: "Windows service error"),
        45: Meaning(name: "fs", summary: "file system error"),
        48: Meaning(name: "netError", summary: "could not listen on the network (port or bind address)"),
        49: Meaning(name: "windowsServiceStop", summary: "stopped as a Windows service"),
        50: Meaning(name: "launcherMiddleError", summary: "launcher error"),
        51: Meaning(name: "launcherError", summary: "launcher error"),
        60: Meaning(name: "possibleCorruption", summary: "possible data corruption"),
        61: Meaning(name: "watchdog", summary: "the storage watchdog found a disk unresponsive"),
        62: Meaning(name: "needDowngrade", summary: "the data files are from an incompatible version (featureCompatibilityVersion)"),
        87: Meaning(name: "processHealthCheck", summary: "process health check failed"),
        100: Meaning(name: "uncaught", summary: "an uncaught exception stopped startup"),
        101: Meaning(name: "test", summary: "test exit"),
        102: Meaning(name: "auditRotateError", summary: "audit log rotation failed"),
    ]

    /// Terminating log ids and the exit code that follows them.
    private static let impliedByLogId: [Int: Int] = [
        20557: 100, 20558: 100, 20559: 100,  // initAndListen caught an exception
        23091: 14, 23092: 14,  // fatal assertion, abort
        20574: 1, 20575: 1,  // global initialization, service context
        20568: 48, 22856: 48,  // listener setup (mongod, mongos)
        20573: 62,  // wrong mongod version
    ]

    /// Ids of the lines after which mongod exits (their exit code is known).
    static var terminatingIDs: Set<Int> { Set(impliedByLogId.keys) }

    /// The meaning of `code`, when it is a known mongod exit code or 128 + a signal `ProcessSignals` knows.
    public static func meaning(of code: Int) -> Meaning? {
        if let known = table[code] { return known }
        guard let signal = ProcessSignals.signal(forShellStatus: code) else { return nil }
        return Meaning(name: "SIG" + signal.name, summary: signal.summary)
    }

    /// The shell-style exit code of a signal name (`ILL` gives 132), when it is known.
    static func code(ofSignal name: String) -> Int? {
        ProcessSignals.signal(name)?.shellStatus
    }

    /// The exit code a line implies, when it is a terminating line.
    ///
    /// Known ids map through the table; any other fatal JSON line is a `LOGV2_FATAL_NOTRACE`,
    /// which ends in `abrupt` (14); stderr option/YAML errors end in `badOptions` (2).
    static func implied(by event: MongodLogEvent) -> Int? {
        if let id = event.id, let code = impliedByLogId[id] { return code }
        if event.format == .json && event.severity == .fatal { return 14 }
        if event.format != .json && event.message.contains("exception in initAndListen") { return 100 }
        if event.format == .stderr && event.severity == .error {
            let optionErrors = ["Error parsing", "Unrecognized option", "Expected boolean", "BadValue"]
            if optionErrors.contains(where: { event.message.hasPrefix($0) }) { return 2 }
            if event.message.hasPrefix("Failed global initialization") || event.message.hasPrefix("SEVERE: Failed global") {
                return 1
            }
        }
        return nil
    }
}
