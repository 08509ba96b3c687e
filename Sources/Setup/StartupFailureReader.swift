import DoctorCore
import LocalMongod
import MongodDiagnosis

/// Explains why a mongod setup started did not answer: the last startup in the log it wrote (and
/// what it printed before its log was open), through the log analysis; when that names no cause,
/// the exit code's meaning and the catalog entries that stop mongod with it.
struct StartupFailureReader {
    let catalog: DiagnosticCatalog
    let platform: Platform
    let files: any FileSystemProbe

    /// The log is read from its end, at most this much (the analysis needs only the last startup).
    static let tailBytes = 1 << 20

    /// The findings for a mongod that exited with `exitCode` (nil: it did not exit, it did not answer).
    func findings(logPath: String?, output: String, exitCode: Int32?) -> [Finding] {
        var text = output
        if let logPath, let size = files.status(ofPath: logPath)?.size {
            let offset = max(0, size - Int64(Self.tailBytes))
            if let tail = try? files.readFile(atPath: logPath, offset: offset, maxBytes: Self.tailBytes) {
                text = String(decoding: tail, as: UTF8.self) + "\n" + output
            }
        }
        let analyzer = MongodLogAnalyzer(catalog: catalog, platform: platform)
        let source = logPath ?? "mongod's output"
        let analysis = try? analyzer.analyze(text, source: source)
        var findings = (analysis?.findings ?? []).filter { $0.severity == .error || $0.id.rawValue == "log.exit-code" }
        for index in findings.indices { findings[index].check = .setup }
        guard let exitCode, !findings.contains(where: { $0.severity == .error }) else { return findings }
        return findings + [exited(Int(exitCode), logPath: logPath)]
    }

    private func exited(_ code: Int, logPath: String?) -> Finding {
        let meaning = MongodExitCodes.meaning(of: code)
        let likely = catalog.entries(exitingWith: code).map(\.id.rawValue)
        let read = logPath.map { [ShellQuoting.render(["mongo-doctor", "log", $0], for: platform)] } ?? []
        return Finding(
            id: .setupMongodExited, severity: .error, title: "mongod exited with code \(code) before it answered",
            detail: (meaning.map { "\($0.name): \($0.summary)" } ?? "Not one of mongod's own exit codes.")
                + (likely.isEmpty ? "" : " Likely causes: \(likely.joined(separator: ", "))."),
            evidence: ["exit code \(code)" + (meaning.map { ": \($0.name)" } ?? "")]
                + (likely.isEmpty ? [] : ["likely causes: " + likely.joined(separator: ", ")])
                + (logPath.map { ["log: \($0)"] } ?? ["no log file: mongod logs to its output"]),
            fixes: [Fix(id: .setupReadLog, summary: "Explain mongod's log", commands: read + ["mongo-doctor explain \(code)"])],
            check: .setup, values: ["code": String(code)])
    }
}
