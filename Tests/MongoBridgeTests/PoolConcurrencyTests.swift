import BlockingWork
import Foundation
import MongoBridge
import Testing
import TestSupport

/// Many concurrent operations through a small pool run on a bounded number of threads.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct PoolConcurrencyTests {
    init() { TestRuntime.configureOnce() }

    @Test func fiveHundredOperationsRunOnABoundedSetOfThreads() async throws {
        let threadCount = 4
        let threads = BlockingThreadPool(threadCount: threadCount, name: "test.500")
        let pool = try ClientPool(uri: MongoURI(try TestServer.requireURI()), maxSize: 4, threads: threads)
        let db = TestServer.uniqueDatabaseName()
        let seen = Recorder<UInt>()
        let before = processThreadCount()
        let peak = PeakSampler(prefix: "test.500.")
        let sampler = Task { while !Task.isCancelled { peak.sample(); try? await Task.sleep(for: .milliseconds(2)) } }

        try await withDeadline(120) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<500 {
                    group.addTask {
                        try await pool.withClient { client in
                            seen.add(currentThreadID())
                            if i % 2 == 0 {
                                try client.ping()
                            } else {
                                try client.database(db).collection("n").insertOne(["i": .int32(Int32(i))])
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        sampler.cancel()
        peak.sample()

        #expect(seen.all.count == 500)
        #expect(seen.distinctCount <= threadCount)
        #expect(threads.startedThreadCount <= threadCount)
        // Precisely: distinct worker names of this pool never exceed its size.
        #expect(peak.maximumNamed <= threadCount, "\(peak.names)")
        // The whole process: far from a thread per operation. The slack covers libmongoc's monitor
        // threads (two per server), Swift's executor threads, and suites running meanwhile.
        // Threads that other suites' executors and pools name are left out of that count.
        #expect(peak.maximumUnattributed - before <= threadCount + 12, "threads before \(before), peak \(peak.names)")
        let count = try await pool.withClient { try $0.database(db).collection("n").countDocuments() }
        #expect(count == 250)
        try await pool.withClient { try $0.database(db).drop() }
        await pool.close()
        await threads.shutdown()
    }
}

/// The largest `/proc/self/task` count seen, and the most threads whose name has `prefix`.
final class PeakSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0

    private var peakNamed = 0
    private var namesAtPeak: [String] = []
    let prefix: String

    init(prefix: String) { self.prefix = prefix }

    func sample() {
        let now = processThreadCount()
        let names = threadNames()
        // Distinct names: threads libmongoc starts from a worker inherit that worker's name.
        let named = Set(names.filter { $0.hasPrefix(prefix) }).count
        let others = names.filter { !$0.hasPrefix(prefix) && ($0.hasPrefix("mongo-doctor.") || $0.hasPrefix("test.")) }.count
        lock.lock()
        if now - others > peak { namesAtPeak = names }
        peak = max(peak, now - others)
        peakNamed = max(peakNamed, named)
        lock.unlock()
    }

    var maximumNamed: Int {
        lock.lock()
        defer { lock.unlock() }
        return peakNamed
    }

    var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return namesAtPeak
    }

    /// The most threads seen, less those named by other executors and pools.
    var maximumUnattributed: Int {
        lock.lock()
        defer { lock.unlock() }
        return peak
    }
}

/// The kernel names of this process's threads.
func threadNames() -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }.sorted()
}
