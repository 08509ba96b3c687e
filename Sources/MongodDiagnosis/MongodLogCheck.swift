import BlockingWork
public import DoctorCore

/// A `DoctorCheck` that analyses a mongod log (for `mongo-doctor check` with a log file).
///
/// The log text comes from an injected closure, so the check runs offline in tests.
public struct MongodLogCheck: DoctorCheck {
    /// `mongod.log`.
    public let id: CheckID = .mongodLog
    /// Human title.
    public let title = "mongod log"
    private let source: String
    private let analyzer: MongodLogAnalyzer
    private let read: @Sendable (MongodLogAnalyzer, String) throws -> MongodLogAnalysis

    /// Creates the check; `source` names the log in evidence, `readLog` returns its text (read whole).
    public init(source: String, analyzer: MongodLogAnalyzer, readLog: @escaping @Sendable () throws -> String) {
        self.source = source
        self.analyzer = analyzer
        self.read = { analyzer, source in try analyzer.analyze(try readLog(), source: source) }
    }

    /// Creates the check for a log file of any size: `openLog` opens it, and it is read from its
    /// end to the last startup (`MongodLogAnalyzer.analyze(file:source:limits:)`).
    public init(source: String, analyzer: MongodLogAnalyzer, openLog: @escaping @Sendable () throws -> any LogFileAccess) {
        self.source = source
        self.analyzer = analyzer
        self.read = { analyzer, source in try analyzer.analyze(file: try openLog(), source: source) }
    }

    /// Reads and analyses the log (on a blocking-work thread: a large log takes seconds); throws when
    /// it cannot be read or is not a mongod log.
    public func run(in context: CheckContext) async throws -> CheckOutcome {
        let (analyzer, source, read) = (self.analyzer, self.source, self.read)
        let analysis = try await BlockingExecutor.dedicatedThread { try read(analyzer, source) }
        let problems = analysis.findings.filter { $0.severity != .info }.count
        var detail = "\(source): \(analysis.linesRead) lines, \(analysis.startupCount) startup(s)"
        if let code = analysis.exitCode { detail += ", exit code \(code)" }
        detail += problems == 0 ? ", no problems found" : ", \(problems) problem(s)"
        return CheckOutcome(detail: detail, findings: analysis.findings)
    }
}
