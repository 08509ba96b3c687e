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

    /// The most of a log this check reads.
    public static let maxBytes = 1 << 30

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
        let check = MongodLogCheck(source: path, analyzer: analyzer) {
            do throws(FileReadError) {
                return String(decoding: try files.readFile(atPath: path, maxBytes: Self.maxBytes), as: UTF8.self)
            } catch {
                throw RunError("cannot read log \(error.description)")
            }
        }
        return try await check.run(in: context)
    }
}
