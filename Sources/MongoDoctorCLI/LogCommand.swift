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
        let source = file == "-" ? "standard input" : file
        let analysis: MongodLogAnalysis
        let analyzer = MongodLogAnalyzer(catalog: catalog, platform: local.platform)
        do {
            analysis = try await BlockingExecutor.dedicatedThread { try Self.analyze(file, source: source, with: analyzer) }
        } catch let error as LogReadError {
            throw RunError("cannot read log \(file): \(Self.reason(error, path: file))")
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
                ("serverVersion", .string(analysis.serverVersion)), ("outcome", .string(analysis.outcome.rawValue)),
                ("bytesRead", .int(Int(analysis.scope.bytesRead))), ("startedAtOffset", .int(Int(analysis.scope.startedAtOffset))),
                ("truncated", .bool(analysis.scope.truncated)),
            ]))])
        try output.emit(report)
    }

    static func summary(_ analysis: MongodLogAnalysis, source: String) -> String {
        var lines = "\(analysis.linesRead) lines"
        // A file read from its end numbers its lines from there; standard input from its start.
        if analysis.scope.startedAtOffset > 0 && source != "standard input" { lines += " from byte \(analysis.scope.startedAtOffset)" }
        var parts = [lines, "\(analysis.startupCount) startup\(analysis.startupCount == 1 ? "" : "s")"]
        if let version = analysis.serverVersion { parts.append("MongoDB \(version)") }
        if let code = analysis.exitCode { parts.append("exit code \(code)") }
        parts.append(analysis.outcome == .notShown ? "outcome not shown" : "last startup \(analysis.outcome.rawValue)")
        return "\(source): " + parts.joined(separator: ", ")
    }

    /// A file is read from its end (`analyze(file:)`); standard input is streamed forward once.
    private static func analyze(_ file: String, source: String, with analyzer: MongodLogAnalyzer) throws -> MongodLogAnalysis {
        if file == "-" {
            var input = DescriptorStream(descriptor: 0)
            return try analyzer.analyze(stream: &input, source: source)
        }
        return try analyzer.analyze(file: try LogFileDescriptor(path: file), source: source)
    }

    /// `no such file`, `permission denied`, `is a directory`: the system's reason in lower case.
    private static func reason(_ error: LogReadError, path: String) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "no such file" }
        return error.reason.prefix(1).lowercased() + error.reason.dropFirst()
    }
}
