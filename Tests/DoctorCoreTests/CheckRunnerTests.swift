import DoctorCore
import Foundation
import Testing

@Suite struct CheckRunnerTests {
    let runner = CheckRunner()

    @Test("status follows the worst finding", arguments: [
        (Severity?.none, CheckStatus.passed), (.info, .passed), (.warning, .warning), (.error, .failed),
    ])
    func statusFromFindings(severity: Severity?, expected: CheckStatus) async {
        let outcome = severity.map { CheckOutcome.with($0) } ?? CheckOutcome(detail: "fine")
        let results = await runner.run([StubCheck("a", .outcome(outcome))], in: CheckContext())
        #expect(results.map(\.status) == [expected])
    }

    @Test func failedPrerequisiteSkipsDependentsWithReason() async {
        let checks: [any DoctorCheck] = [
            StubCheck("tcp", .outcome(.with(.error, id: "tcp.refused"))),
            StubCheck("hello", after: ["tcp"], .outcome(CheckOutcome(detail: "should not run"))),
            StubCheck("auth", after: ["hello"], .outcome(CheckOutcome(detail: "should not run"))),
            StubCheck("other", .outcome(CheckOutcome(detail: "independent"))),
        ]
        let results = await runner.run(checks, in: CheckContext())
        #expect(results.map(\.id) == ["tcp", "hello", "auth", "other"])
        #expect(results.map(\.status) == [.failed, .skipped, .skipped, .passed])
        #expect(results[1].detail == "skipped: tcp failed")
        #expect(results[2].detail == "skipped: hello skipped")
        #expect(results[1].findings.isEmpty)
    }

    @Test func warningPrerequisiteStillLetsDependentsRun() async {
        let results = await runner.run([
            StubCheck("dns", .outcome(.with(.warning))),
            StubCheck("tcp", after: ["dns"], .outcome(CheckOutcome(detail: "ran"))),
        ], in: CheckContext())
        #expect(results.map(\.status) == [.warning, .passed])
    }

    @Test func throwingCheckIsCrashedAndTheRunGoesOn() async {
        let results = await runner.run([
            StubCheck("boom", .fails("disk on fire")),
            StubCheck("after", after: ["boom"], .outcome(CheckOutcome(detail: "x"))),
            StubCheck("fine", .outcome(CheckOutcome(detail: "ok"))),
        ], in: CheckContext())
        #expect(results.map(\.status) == [.crashed, .skipped, .passed])
        #expect(results[0].detail.contains("disk on fire"))
    }

    @Test func findingsAreAttributedToTheirCheck() async {
        let results = await runner.run([StubCheck("dbpath", .outcome(.with(.error, id: "dbpath.missing")))], in: CheckContext())
        #expect(results.first?.findings.first?.check == "dbpath")
    }

    /// Counts how many checks are inside `run` at once.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private(set) var peak = 0
        func enter() { lock.lock(); current += 1; peak = max(peak, current); lock.unlock() }
        func leave() { lock.lock(); current -= 1; lock.unlock() }
    }

    struct OverlapCheck: DoctorCheck {
        let id: CheckID
        let title = "overlap"
        let gauge: Gauge
        func run(in context: CheckContext) async throws -> CheckOutcome {
            gauge.enter()
            defer { gauge.leave() }
            try await Task.sleep(for: .milliseconds(200))
            return CheckOutcome(detail: id.rawValue)
        }
    }

    @Test func independentChecksRunConcurrentlyButReportInOrder() async {
        // Asserts overlap (several checks inside `run` at once), not a time budget.
        let gauge = Gauge()
        let results = await runner.run((["c", "a", "b"] as [CheckID]).map { OverlapCheck(id: $0, gauge: gauge) }, in: CheckContext())
        #expect(results.map(\.id) == ["c", "a", "b"])
        #expect(gauge.peak == 3)
    }

    @Test func factsFlowFromOneCheckToTheNext() async {
        struct Answer: Sendable { let value: Int }
        struct Producer: DoctorCheck {
            let id: CheckID = "produce", title = "produce"
            func run(in context: CheckContext) async throws -> CheckOutcome {
                context.publish(Answer(value: 42))
                return CheckOutcome(detail: "published")
            }
        }
        struct Consumer: DoctorCheck {
            let id: CheckID = "consume", title = "consume", prerequisites: [CheckID] = ["produce"]
            func run(in context: CheckContext) async throws -> CheckOutcome {
                CheckOutcome(detail: "got \(context.fact(Answer.self)?.value ?? -1)")
            }
        }
        let results = await runner.run([Consumer(), Producer()], in: CheckContext())
        #expect(results.map(\.detail) == ["got 42", "published"])
    }
}

@Suite struct NotApplicableTests {
    @Test func notApplicableSkipDoesNotBlockDependents() async {
        let results = await CheckRunner().run([
            StubCheck("tls", .outcome(.notApplicable("the URI does not use TLS"))),
            StubCheck("hello", after: ["tls"], .outcome(CheckOutcome(detail: "ran"))),
        ], in: CheckContext())
        #expect(results.map(\.status) == [.skipped, .passed])
        #expect(results[0].detail == "the URI does not use TLS")
    }
}
