import ArgumentParser
import ConnectionString
import DoctorChecks
import DoctorCore
import MongoBridge

/// `mongo-doctor uri URI`: lints a connection string without touching the network.
struct URICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uri",
        abstract: "Lint a connection string to MongoDB's specification, with libmongoc's opinion (no network).",
        discussion: "Exit status 0 when the string is valid (warnings allowed), 1 when it is not.")

    @Argument(help: "The connection string to lint (quote it for the shell).") var uri: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let context = CheckContext(platform: .current)
        let results = await CheckRunner().run([URICheck(uri: uri)], in: context)
        let lint = context.fact(URILintResult.self) ?? URILinter.lint(uri)
        let driverAccepts = !results.flatMap(\.findings).contains { $0.id == .uriDriverRejects }
        let report = Report(
            toolName: MongoDoctorVersion.toolName, toolVersion: MongoDoctorVersion.current,
            target: URIRedaction.redact(uri), targetSource: "argument", checks: results,
            elapsedMs: start.duration(to: clock.now).milliseconds,
            sections: [("uri", URIReportSection.value(for: lint, driverAccepts: driverAccepts))])
        try output.emit(report)
    }
}
