import DoctorCore
import Foundation
import Synchronization
import Testing

/// The fix flow: plan as values, apply only when asked and confirmed, then re-check.
@Suite struct DoctorFixTests {
    /// A check that reports `thing.missing` until a flag file exists; its fix creates the file.
    struct FlagCheck: DoctorCheck {
        let id: CheckID = "thing", title = "Thing exists"
        let path: String
        func run(in context: CheckContext) async throws -> CheckOutcome {
            if FileManager.default.fileExists(atPath: path) { return CheckOutcome(detail: "present") }
            let path = self.path
            let fix = Fix(id: "thing.create", summary: "create it", commands: ["touch \(path)"],
                          action: ClosureFixAction { _ = FileManager.default.createFile(atPath: path, contents: Data()) })
            return CheckOutcome(detail: "missing", findings: [Finding(id: "thing.missing", severity: .error, title: "missing", fixes: [fix])])
        }
    }

    func tempPath() -> String { FileManager.default.temporaryDirectory.appendingPathComponent("md-\(UUID())").path }

    @Test func withoutFixNothingChanges() async {
        let path = tempPath()
        let outcome = await Doctor(checks: [FlagCheck(path: path)]).run(in: CheckContext())
        #expect(outcome.results.first?.findings.map(\.id) == ["thing.missing"])
        #expect(outcome.applied.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func declinedConfirmationAppliesNothing() async {
        let path = tempPath()
        let outcome = await Doctor(checks: [FlagCheck(path: path)]).run(in: CheckContext(), applyFixes: true) { _ in false }
        #expect(outcome.applied.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func appliedFixIsRecheckedAndTheFindingIsGone() async throws {
        let path = tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = await Doctor(checks: [FlagCheck(path: path)]).run(in: CheckContext(), applyFixes: true) { plan in
            plan.steps.map(\.fix.id) == ["thing.create"]
        }
        #expect(outcome.applied.map(\.step.finding) == ["thing.missing"])
        #expect(outcome.applied.first?.failure == nil)
        #expect(outcome.results.first?.status == .passed)
        #expect(outcome.results.first?.findings.isEmpty == true)
    }

    @Test func failingFixIsReportedAndFindingStaysMarkedApplied() async {
        struct Stubborn: DoctorCheck {
            let id: CheckID = "s", title = "stubborn"
            func run(in context: CheckContext) async throws -> CheckOutcome {
                struct Nope: Error {}
                let fix = Fix(id: "s.fix", summary: "try", action: ClosureFixAction { throw Nope() })
                return CheckOutcome(detail: "bad", findings: [Finding(id: "s.bad", severity: .error, title: "bad", fixes: [fix])])
            }
        }
        let outcome = await Doctor(checks: [Stubborn()]).run(in: CheckContext(), applyFixes: true)
        #expect(outcome.applied.first?.failure != nil)
        #expect(outcome.results.first?.findings.first?.fixes.first?.applied == true)
    }

    @Test func manualFixesAreNeverPlanned() {
        let result = CheckResult(id: "c", title: "c", status: .failed, elapsedMs: 0, detail: "", findings: [
            Finding(id: "a", severity: .error, title: "a", fixes: [Fix(id: "manual", summary: "do it", commands: ["chown -R"])]),
        ])
        #expect(FixPlan(results: [result]).isEmpty)
    }
}
