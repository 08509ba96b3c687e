import ConnectionString
import DoctorCore
import Redaction

/// A running process, as read from the process table.
public struct ProcessSnapshot: Sendable, Equatable {
    /// Process id.
    public var pid: Int32
    /// Effective uid.
    public var uid: UInt32
    /// Short command name (`/proc/<pid>/comm`).
    public var name: String
    /// Command line, argv.
    public var arguments: [String]

    /// Creates a snapshot.
    public init(pid: Int32, uid: UInt32, name: String, arguments: [String]) {
        self.pid = pid
        self.uid = uid
        self.name = name
        self.arguments = arguments
    }

    /// Whether this looks like a MongoDB server process (`mongod` or `mongos`).
    public var isMongoServer: Bool {
        let base = arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
        return ["mongod", "mongos"].contains(name) || ["mongod", "mongos"].contains(base)
    }

    /// `pid 123 (mongod --config /etc/mongod.conf)`, for evidence lines, on one line; values of
    /// password options are masked.
    public var summary: String {
        let raw = arguments.isEmpty ? name : URIRedaction.commandLine.redact(arguments: arguments).joined(separator: " ")
        // One line: an argument holding a newline (a script passed with -c) must not break the report.
        let line = String(raw.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let short = line.count > 160 ? String(line.prefix(157)) + "..." : line
        return "pid \(pid) (\(short))"
    }
}

/// The process table, injected for tests.
public protocol ProcessProbe: Sendable {
    /// Running `mongod` processes (other than this one).
    func mongodProcesses() -> [ProcessSnapshot]
    /// One process, when it exists and can be read.
    func process(pid: Int32) -> ProcessSnapshot?
    /// The soft open-files limit of a running process, when readable.
    func openFileLimit(pid: Int32) -> UInt64?
}
