import ConnectionString
import DoctorCore
import DoctorRun
import Foundation
import Provisioning
import Setup

/// Renders a `SetupOutcome`: the steps as a checklist, then the checks as `check` shows them; or
/// one JSON object, the report with `"setup"`, `"dryRun"` and `"provision"` sections (README, `setup`).
enum SetupRenderer {
    static func render(_ outcome: SetupOutcome, output: OutputOptions, elapsedMs: Int) -> String {
        let report = Report(
            toolName: MongoDoctorVersion.toolName, toolVersion: MongoDoctorVersion.current,
            target: URIRedaction.redact(outcome.target.uri), targetSource: outcome.target.source, checks: outcome.results,
            elapsedMs: elapsedMs, sections: sections(outcome))
        if output.json { return JSONRenderer().render(report) + "\n" }
        let color = !output.noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
        var lines = ["mongo-doctor setup: \(URIRedaction.redact(outcome.target.uri)) (from \(outcome.target.source))"]
        if let reason = outcome.dryRunReason { lines.append(reason) } else if outcome.dryRun { lines.append("dry run: nothing is changed") }
        lines += stepLines(outcome.steps, color: color)
        if outcome.steps.contains(where: { $0.id == SetupStepID.configWrite && $0.status == .planned }) {
            // The diagnosis looked at the planned file (OverlayFileSystem): say so, since it is not on disk.
            lines.append("(the checks below read the configuration file as config.write would write it; it is not written yet)")
        }
        lines.append("")
        var text = lines.joined(separator: "\n") + "\n" + TextRenderer(color: color, verbose: output.verbose).render(report)
        text += summary(outcome) + "\n"
        return text
    }

    static func sections(_ outcome: SetupOutcome) -> [(key: String, value: JSONValue)] {
        let steps = JSONValue.array(outcome.steps.map { step in
            .object([
                ("step", .string(step.id)), ("status", .string(step.status.rawValue)), ("detail", .string(step.detail)),
                ("finding", .string(step.finding?.rawValue)), ("commands", .array(step.commands.map { .string($0) })),
            ])
        })
        var result: [(key: String, value: JSONValue)] = [("setup", steps), ("dryRun", .bool(outcome.dryRun))]
        if let provision = outcome.provision, case .object(let pairs) = ProvisionRenderer.value(provision),
            let inner = pairs.first(where: { $0.0 == "provision" })?.1
        {
            result.append(("provision", inner))
        }
        return result
    }

    /// One line per step (and its commands), as the plan and the final checklist show them.
    static func stepLines(_ steps: [SetupStep], color: Bool) -> [String] {
        let width = steps.map(\.id.count).max() ?? 0
        var lines: [String] = []
        for step in steps {
            let mark = switch step.status {
            case .done: "[✓]"
            case .unchanged: "[=]"
            case .planned: "[ ]"
            case .skipped: "[-]"
            case .blocked, .failed: "[✗]"
            case .manual: "[!]"
            }
            let id = step.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let finding = step.finding.map { " [\($0)]" } ?? ""
            lines.append("  \(mark) \(id)  \(step.status.rawValue): \(TextRenderer.escaped(step.detail))\(finding)")
            if [.planned, .manual, .blocked].contains(step.status) {
                lines += step.commands.map { "        $ \(TextRenderer.escaped($0))" }
            }
        }
        return lines
    }

    static func summary(_ outcome: SetupOutcome) -> String {
        if outcome.dryRun {
            let todo = outcome.steps.filter { $0.status == .planned }.count
            return "Dry run: \(todo) step\(todo == 1 ? "" : "s") to do; nothing was changed."
        }
        if let problem = outcome.steps.first(where: \.isProblem) {
            return "Setup stopped at \(problem.id) (\(problem.status.rawValue)): \(problem.detail)"
        }
        if outcome.exitCode != 0 { return "Setup finished with errors (see above)." }
        if outcome.changedNothing { return "Nothing to change: every step is unchanged. MONGODB_URI=\(outcome.handOverShown)" }
        return "Setup complete. MONGODB_URI=\(outcome.handOverShown)"
    }
}
