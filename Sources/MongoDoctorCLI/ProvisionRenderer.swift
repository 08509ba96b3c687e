import AuthStore
import Foundation
import DoctorCore
import Provisioning

/// Renders a `ProvisionOutcome`: a checklist, or `{"schemaVersion":1,"provision":{…}}` (README, JSON section).
enum ProvisionRenderer {
    static func render(_ outcome: ProvisionOutcome, json: Bool) -> String {
        json ? value(outcome).serialized + "\n" : text(outcome)
    }

    static func value(_ outcome: ProvisionOutcome) -> JSONValue {
        .object([
            ("schemaVersion", .int(1)),
            ("provision", .object([
                ("database", .string(outcome.database)),
                ("layout", .string(outcome.layout)),
                ("sessionFormat", .string(outcome.sessionFormat.rawValue)),
                ("dryRun", .bool(outcome.dryRun)),
                ("steps", .array(outcome.steps.map { step in
                    .object([
                        ("id", .string(step.id)), ("status", .string(step.status.rawValue)), ("detail", .string(step.detail)),
                        ("finding", .string(step.finding?.rawValue)), ("items", .array(step.items.map { .string($0) })),
                    ])
                })),
            ])),
        ])
    }

    static func text(_ outcome: ProvisionOutcome) -> String {
        var lines = ["provision \(outcome.database): layout \(outcome.layout), session format \(outcome.sessionFormat)\(outcome.dryRun ? " (dry run: nothing written)" : "")"]
        let width = outcome.steps.map(\.id.count).max() ?? 0
        for step in outcome.steps {
            let mark = switch step.status {
            case .applied: "[done]   "
            case .unchanged: "[ok]     "
            case .planned: "[to do]  "
            case .conflict: "[CONFLICT]"
            case .blocked: "[BLOCKED]"
            case .failed: "[FAILED] "
            }
            let id = step.id.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(mark) \(id)  \(step.detail)" + (step.finding.map { "  (\($0))" } ?? ""))
        }
        let count = { (s: ProvisionStep.Status) in outcome.steps.filter { $0.status == s }.count }
        if outcome.dryRun {
            lines.append("\(count(.planned)) step(s) to do, \(count(.unchanged)) already done; nothing was written.")
        } else if outcome.changedNothing && !outcome.steps.contains(where: \.isProblem) {
            lines.append("Nothing to change: every step is unchanged.")
        } else {
            lines.append("\(count(.applied)) applied, \(count(.unchanged)) unchanged, \(count(.conflict)) conflict, \(count(.blocked)) blocked, \(count(.failed)) failed.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
