import DoctorCore
import Foundation
import LocalMongod
import MongodDiagnosis

/// `mongod.log`: explains mongod's log — the one given with `--log`, else `systemLog.path` from the
/// config — when it exists. Reads only.
struct ConfiguredLogCheck: DoctorCheck {
    let id: CheckID = .mongodLog
    let title = "mongod log"
    let prerequisites: [CheckID] = [.configParse]

    let explicitPath: String?
    let analyzer: MongodLogAnalyzer

    func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let path = explicitPath ?? context.fact(LocalSettings.self)?.logPath?.value else {
            return .notApplicable("mongod logs to standard output (no systemLog.path)")
        }
        guard FileManager.default.fileExists(atPath: path) else { return .notApplicable("no log at \(path) yet") }
        let check = MongodLogCheck(source: path, analyzer: analyzer) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ToolError("cannot read log \(path): permission denied")
            }
            return String(decoding: data, as: UTF8.self)
        }
        return try await check.run(in: context)
    }
}
