// Helper of Benchmarks/password-hashing (not a product): measures PasswordHasher from outside.
//   password-bench hash-lines                one argon2id hash per line read from stdin; prints each one's
//                                            seconds, so a caller can interleave its own hashes one by one
//   password-bench logins COUNT BOUND HASH   COUNT concurrent verifications of HASH with maxConcurrentHashes BOUND;
//                                            prints baseline and peak RSS (KiB) and the peak concurrency
import Foundation
import Glibc
import PasswordHashing

/// The process's peak resident set so far, in KiB (getrusage's ru_maxrss).
func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

/// Seconds from `start` to now.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "hash-lines":
    let hasher = PasswordHasher(maxConcurrentHashes: 1)
    _ = try await hasher.hash("warm-up")
    while let line = readLine() {
        let start = ContinuousClock.now
        _ = try await hasher.hash(line)
        FileHandle.standardOutput.write(Data((String(format: "%.6f", secondsSince(start)) + "\n").utf8))
    }
    await hasher.shutdown()
case "logins":
    let count = Int(arguments[2]) ?? 64, bound = Int(arguments[3]) ?? 2, stored = arguments[4]
    let hasher = PasswordHasher(maxConcurrentHashes: bound)
    let baseline = peakRSSKiB()
    let matches = try await withThrowingTaskGroup(of: Bool.self) { group in
        for index in 0..<count {
            group.addTask { try await hasher.verify(index.isMultiple(of: 2) ? "password123" : "wrong", against: stored).isMatch }
        }
        var matched = 0
        for try await isMatch in group where isMatch { matched += 1 }
        return matched
    }
    print("baseline_kib=\(baseline) peak_kib=\(peakRSSKiB()) matches=\(matches) logins=\(count) bound=\(bound)")
    await hasher.shutdown()
default:
    FileHandle.standardError.write(Data("usage: password-bench hash-lines | logins COUNT BOUND HASH\n".utf8))
    exit(64)
}
