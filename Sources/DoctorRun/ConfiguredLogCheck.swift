public import DoctorCore
public import LocalMongod
public import MongodDiagnosis

/// `mongod.log`: explains mongod's log — the one given with `--log`, else `systemLog.path` from the
/// config — when it exists. Reads only, through the injected file system.
public struct ConfiguredLogCheck: DoctorCheck {
    /// `mongod.log`.
    public let id: CheckID = .mongodLog
    /// Human title.
    public let title = "mongod log"
    /// The settings come from `config.parse`.
    public let prerequisites: [CheckID] = [.configParse]


    let explicitPath: String?
    let analyzer: MongodLogAnalyzer
    let files: any FileSystemProbe

    /// Creates the check for `--log` (or the configured log when `nil`), reading through `files`.
    public init(explicitPath: String?, analyzer: MongodLogAnalyzer, files: any FileSystemProbe) {
        self.explicitPath = explicitPath
        self.analyzer = analyzer
        self.files = files
    }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let path = explicitPath ?? context.fact(LocalSettings.self)?.logPath?.value else {
            return .notApplicable("mongod logs to standard output (no systemLog.path)")
        }
        guard files.status(ofPath: path) != nil else { return .notApplicable("no log at \(path) yet") }
        let files = self.files
        let check = MongodLogCheck(source: path, analyzer: analyzer) { ProbedLogFile(path: path, files: files) }
        do {
            return try await check.run(in: context)
        } catch let error as LogReadError {
            throw RunError("cannot read log \(error.description)")
        }
    }
}

/// A log file read through the injected `FileSystemProbe`, block by block from any offset.
struct ProbedLogFile: LogFileAccess {
    let path: String
    let files: any FileSystemProbe
    let size: Int64

    init(path: String, files: any FileSystemProbe) {
        self.path = path
        self.files = files
        self.size = files.status(ofPath: path)?.size ?? 0
    }

    func read(offset: Int64, count: Int) throws -> [UInt8] {
        do throws(FileReadError) {
            return [UInt8](try files.readFile(atPath: path, offset: offset, maxBytes: count))
        } catch {
            throw LogReadError(source: error.path, reason: error.reason)
        }
    }
}
