/// Runs checks in dependency order, concurrently where independent, and returns results in
/// the order the checks were given, whatever order they finished in.
///
/// A check whose prerequisite did not pass is `skipped` with the reason; a check that
/// throws is `crashed` with the error, and the run goes on.
public struct CheckRunner: Sendable {
    /// Creates a runner.
    public init() {}

    /// Runs `checks` and returns one result per check, in the given order.
    public func run(_ checks: [any DoctorCheck], in context: CheckContext) async -> [CheckResult] {
        var results: [CheckID: CheckResult] = [:]
        var remaining = checks
        while !remaining.isEmpty {
            let ready = remaining.filter { check in
                check.prerequisites.allSatisfy { dep in results[dep] != nil || !remaining.contains { $0.id == dep } }
            }
            // A cycle or a prerequisite that never runs: run what is left anyway, in one level.
            let level = ready.isEmpty ? remaining : ready
            remaining.removeAll { check in level.contains { $0.id == check.id } }
            let finished = await runLevel(level, after: results, in: context)
            for result in finished { results[result.id] = result }
        }
        return checks.compactMap { results[$0.id] }
    }

    private func runLevel(
        _ level: [any DoctorCheck], after earlier: [CheckID: CheckResult], in context: CheckContext
    ) async -> [CheckResult] {
        await withTaskGroup(of: CheckResult.self) { group in
            for check in level {
                if let blocker = check.prerequisites.compactMap({ earlier[$0] }).first(where: { !$0.allowsDependents }) {
                    group.addTask {
                        CheckResult(
                            id: check.id, title: check.title, status: .skipped, elapsedMs: 0,
                            detail: "skipped: \(blocker.id) \(blocker.status.rawValue)", findings: [])
                    }
                } else {
                    group.addTask { await Self.runOne(check, in: context) }
                }
            }
            var collected: [CheckResult] = []
            for await result in group { collected.append(result) }
            return collected
        }
    }

    /// Runs one check with crash containment and timing.
    static func runOne(_ check: any DoctorCheck, in context: CheckContext) async -> CheckResult {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let outcome = try await check.run(in: context)
            let findings = outcome.findings.map { finding in
                var f = finding
                if f.check.rawValue.isEmpty { f.check = check.id }
                return f
            }
            return CheckResult(
                id: check.id, title: check.title, status: outcome.resolvedStatus,
                elapsedMs: start.duration(to: clock.now).milliseconds, detail: outcome.detail, findings: findings,
                isNotApplicable: outcome.isNotApplicable)
        } catch {
            return CheckResult(
                id: check.id, title: check.title, status: .crashed,
                elapsedMs: start.duration(to: clock.now).milliseconds,
                detail: "the check itself failed: \(String(describing: error))", findings: [])
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    public var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
