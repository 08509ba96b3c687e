import ArgumentParser
import BlockingWork
import DoctorCore
import DoctorRun
import Foundation
import MongoBridge
import MongodDiagnosis

/// `mongo-doctor log FILE`: explains a mongod log (the last startup's fatal cause, the exit code and
/// its meaning, startup warnings worth acting on).
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Explain a mongod log file (- for standard input): JSON (4.4+) or legacy format, journal prefixes, --fork messages.",
        discussion: "Exit status 0 when the last startup shows no error, 1 when it does, 2 when the input cannot be read or is not a mongod log.")

    @Argument(help: "The log file, or - for standard input.") var file: String
    @OptionGroup var local: PlatformOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let catalog = try local.loadCatalog()
        let file = self.file
        let text = try await BlockingExecutor.dedicatedThread { try Self.readInput(file) }
        let source = file == "-" ? "standard input" : file
        let analysis: MongodLogAnalysis
        let analyzer = MongodLogAnalyzer(catalog: catalog, platform: local.platform)
        do {
            analysis = try await BlockingExecutor.dedicatedThread { try analyzer.analyze(text, source: source) }
        } catch {
            throw RunError(String(describing: error))
        }
        let check = CheckResult(
            id: .mongodLog, title: "mongod log", status: CheckOutcome(detail: "", findings: analysis.findings).resolvedStatus,
            elapsedMs: start.duration(to: clock.now).milliseconds, detail: Self.summary(analysis, source: source),
            findings: analysis.findings.map { var f = $0; f.check = .mongodLog; return f })
        let report = Report(
            toolName: MongoDoctorVersion.toolName, toolVersion: MongoDoctorVersion.current, target: nil, checks: [check],
            elapsedMs: start.duration(to: clock.now).milliseconds,
            sections: [("log", .object([
                ("source", .string(source)), ("platform", .string(analysis.platform.rawValue)),
                ("linesRead", .int(analysis.linesRead)), ("linesIgnored", .int(analysis.linesIgnored)),
                ("startups", .int(analysis.startupCount)), ("exitCode", analysis.exitCode.map { .int($0) } ?? .null),
                ("serverVersion", .string(analysis.serverVersion)),
            ]))])
        try output.emit(report)
    }

    static func summary(_ analysis: MongodLogAnalysis, source: String) -> String {
        var parts = ["\(analysis.linesRead) lines", "\(analysis.startupCount) startup\(analysis.startupCount == 1 ? "" : "s")"]
        if let version = analysis.serverVersion { parts.append("MongoDB \(version)") }
        if let code = analysis.exitCode { parts.append("exit code \(code)") }
        return "\(source): " + parts.joined(separator: ", ")
    }

    private static func readInput(_ file: String) throws -> String {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: file) else {
                let reason = FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"
                throw RunError("cannot read log \(file): \(reason)")
            }
            data = read
        }
        return String(decoding: data, as: UTF8.self)
    }
}
