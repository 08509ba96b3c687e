public import ArgumentParser
import DoctorCore
import Foundation

/// Output flags every subcommand shares.
public struct OutputOptions: ParsableArguments {
    /// Print exactly one JSON object on stdout instead of the checklist.
    @Flag(name: .long, help: "Print one JSON object (schema version 1) instead of the checklist.")
    public var json = false

    /// Show details, evidence and per-check timings.
    @Flag(name: [.short, .long], help: "Show details, evidence and per-stage timings.")
    public var verbose = false

    /// Never colour the output (colour is also off when stdout is not a TTY or NO_COLOR is set).
    @Flag(name: .long, help: "Never use colour (also off when stdout is not a terminal or NO_COLOR is set).")
    public var noColor = false

    public init() {}

    /// Renders `report` as it is: every secret was kept out of it where it was built, so the
    /// rendered text is never rewritten.
    func render(_ report: Report) -> String {
        if json { return JSONRenderer().render(report) + "\n" }
        let environment = ProcessInfo.processInfo.environment
        let color = !noColor && environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
        return TextRenderer(color: color, verbose: verbose).render(report)
    }

    /// Prints `report` and ends the command with its exit status.
    func emit(_ report: Report) throws {
        FileHandle.standardOutput.write(Data(render(report).utf8))
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
