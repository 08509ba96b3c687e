import BlockingWork
import DoctorCore
import Foundation

/// Asks before applying fixes: `--yes` skips the question; without a terminal and without `--yes`
/// nothing is applied (the plan is only printed). Prompts go to standard error.
struct FixConfirmation: Sendable {
    let assumeYes: Bool

    /// Prints the plan and asks; the terminal read blocks, so it runs on a dedicated thread.
    func confirm(_ plan: FixPlan) async -> Bool {
        await BlockingExecutor.dedicatedThread { self.confirmBlocking(plan) }
    }

    func confirmBlocking(_ plan: FixPlan) -> Bool {
        var text = "mongo-doctor can fix \(plan.steps.count) problem\(plan.steps.count == 1 ? "" : "s"):\n"
        for step in plan.steps {
            text += "  - \(step.fix.summary) [\(step.finding)]\n"
            text += step.fix.commands.map { "      $ \($0)\n" }.joined()
        }
        FileHandle.standardError.write(Data(text.utf8))
        if assumeYes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            FileHandle.standardError.write(Data("not a terminal: nothing applied (pass --yes to apply)\n".utf8))
            return false
        }
        FileHandle.standardError.write(Data("Apply? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// The `"fixesApplied"` JSON section: what `--fix` did.
    static func section(_ applied: [AppliedFix]) -> JSONValue {
        .array(applied.map { fix in
            .object([
                ("check", .string(fix.step.check.rawValue)), ("finding", .string(fix.step.finding.rawValue)), ("fix", .string(fix.step.fix.id.rawValue)),
                ("ok", .bool(fix.failure == nil)), ("error", .string(fix.failure)),
            ])
        })
    }
}
