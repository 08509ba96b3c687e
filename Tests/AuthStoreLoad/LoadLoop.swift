import AuthStore
import Foundation

/// What one load run saw. Every key is filled by the run; the test and `scripts/load` judge it.
struct LoadReport: Codable, Sendable {
    var backend = ""
    var poolSize = 0
    var callers = 0
    var seconds = 0.0
    /// Answers checked, and how many were wrong (a wrong user, a live token rejected, a dead one accepted).
    var answers = 0
    var wrong = 0
    /// Calls that threw (always an `AuthStoreError`: `check` has typed throws).
    var errors = 0
    /// The first wrong answer or error, described without the token.
    var firstProblem: String?
    /// Resident set size after the warm-up and at the end, in KiB.
    var rssAfterWarmUpKiB = 0
    var rssEndKiB = 0
    /// The most connections the server listed for this run's appName (all, and not monitoring `hello`).
    var peakConnections: Int?
    var peakWorkingConnections: Int?
    /// The run's connections the server still listed after the pool closed.
    var connectionsAfterClose: Int?
    /// `serverStatus().connections.current` before and after (every client of the server, not only this run).
    var serverConnectionsBefore: Int?
    var serverConnectionsAfter: Int?
}

/// The validation loops.
enum LoadLoop {
    /// Seeds the mix, warms up for one second, then runs `callers` loops for `seconds`; `sample`
    /// returns (all, working, server total) connection counts while it runs.
    static func run(
        _ store: AuthStore, seconds: Double, callers: Int,
        sample: @escaping @Sendable () async -> (Int, Int, Int)?
    ) async throws -> LoadReport {
        var report = LoadReport()
        report.callers = callers
        report.seconds = seconds
        let cases = try await LoadCase.seed(store, count: 64)
        report.serverConnectionsBefore = await sample()?.2
        _ = await loops(store, cases: cases, callers: callers, until: .now + .seconds(1))
        report.rssAfterWarmUpKiB = residentKiB()
        let peak = Peak()
        let sampler = Task {
            while !Task.isCancelled {
                if let counts = await sample() { peak.record(counts.0, counts.1) }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        let tally = await loops(store, cases: cases, callers: callers, until: .now + .seconds(seconds))
        sampler.cancel()
        _ = await sampler.value
        if let counts = await sample() { peak.record(counts.0, counts.1) }
        report.rssEndKiB = residentKiB()
        report.answers = tally.answers
        report.wrong = tally.wrong
        report.errors = tally.errors
        report.firstProblem = tally.firstProblem
        if peak.seen { (report.peakConnections, report.peakWorkingConnections) = peak.maximum }
        return report
    }

    struct Tally: Sendable {
        var answers = 0, wrong = 0, errors = 0
        var firstProblem: String?
        mutating func add(_ other: Tally) {
            answers += other.answers; wrong += other.wrong; errors += other.errors
            firstProblem = firstProblem ?? other.firstProblem
        }
    }

    static func loops(_ store: AuthStore, cases: [LoadCase], callers: Int, until deadline: ContinuousClock.Instant) async -> Tally {
        await withTaskGroup(of: Tally.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var tally = Tally()
                    var index = caller * 7
                    while ContinuousClock.now < deadline {
                        let item = cases[index % cases.count]
                        index += callers
                        do {
                            let answer = try await store.check(item.token)
                            tally.answers += 1
                            if !item.isRight(answer) {
                                tally.wrong += 1
                                tally.firstProblem = tally.firstProblem ?? "case \(index % cases.count) (\(item.expected)) answered \(answer.summary)"
                            }
                        } catch {
                            tally.errors += 1
                            tally.firstProblem = tally.firstProblem ?? "case \(index % cases.count): \(error)"
                        }
                    }
                    return tally
                }
            }
            var total = Tally()
            for await tally in group { total.add(tally) }
            return total
        }
    }

    /// This process's resident set size in KiB (`/proc/self/statm`).
    static func residentKiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}

extension SessionValidation {
    /// `valid` or `rejected(reason)`, without ids or tokens.
    var summary: String {
        switch self {
        case .valid: return "valid"
        case .rejected(let reason): return "rejected(\(reason))"
        }
    }
}

/// The largest connection counts seen.
final class Peak: @unchecked Sendable {
    private let lock = NSLock()
    private var all = 0, working = 0
    private(set) var seen = false
    func record(_ a: Int, _ w: Int) {
        lock.lock(); defer { lock.unlock() }
        all = max(all, a); working = max(working, w); seen = true
    }
    var maximum: (Int, Int) { lock.lock(); defer { lock.unlock() }; return (all, working) }
}
