import Foundation
import Glibc

/// The client process's CPU time so far (user + system, getrusage of this process), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Seconds in a `Duration`.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// One timed case: how many validations succeeded and failed, over what wall and CPU time.
struct CaseResult {
    var validations = 0
    var failures = 0
    var wallSeconds = 0.0
    var cpuSeconds = 0.0

    /// One line of `key=value` pairs the Python driver parses.
    var line: String {
        String(format: "validations=%d failures=%d wall=%.6f cpu=%.6f", validations, failures, wallSeconds, cpuSeconds)
    }
}

/**
 Runs `callers` concurrent loops of `validate` over `tokens` (each caller starting at its own offset)
 for `warmUp` and then for `duration`; only the second phase is counted and timed.

 - Parameters:
   - executor: the executor the loops prefer (the store's thread pool), or `nil` for the cooperative pool.
   - validate: one validation; `true` when the token was accepted.
 */
func measure(
    tokens: [String], callers: Int, warmUp: Duration, duration: Duration, executor: (any TaskExecutor)?,
    validate: @escaping @Sendable (String) async throws -> Bool
) async throws -> CaseResult {
    func phase(_ length: Duration) async throws -> (Int, Int) {
        let deadline = ContinuousClock.now + length
        return try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for caller in 0..<callers {
                group.addTask(executorPreference: executor) {
                    var index = caller * tokens.count / callers, done = 0, failed = 0
                    while ContinuousClock.now < deadline {
                        if try await validate(tokens[index % tokens.count]) { done += 1 } else { failed += 1 }
                        index += 1
                    }
                    return (done, failed)
                }
            }
            var total = (0, 0)
            for try await (done, failed) in group { total.0 += done; total.1 += failed }
            return total
        }
    }
    _ = try await phase(warmUp)
    let cpuBefore = processCPUSeconds(), start = ContinuousClock.now
    let (done, failed) = try await phase(duration)
    return CaseResult(validations: done, failures: failed, wallSeconds: seconds(ContinuousClock.now - start),
                      cpuSeconds: processCPUSeconds() - cpuBefore)
}

/// Reads the tokens a seed command wrote, one a line.
func readTokens(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
}

/// Writes tokens one a line to a new file only the owner can read (they are live sessions' cookies).
func writeTokens(_ tokens: [String], to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data((tokens.joined(separator: "\n") + "\n").utf8),
                                         attributes: [.posixPermissions: 0o600]) else {
        throw CocoaError(.fileWriteUnknown)
    }
}
