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
        let peak = PeakSampler(prefix: "test.500.")
        let sampler = Task { while !Task.isCancelled { peak.sample(); try? await Task.sleep(for: .milliseconds(2)) } }

        try await withDeadline(300) {
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
        // No whole-process thread count is asserted: every test suite shares this process, and
        // the others start probe threads meanwhile, so such a count measures them, not the pool.
        let count = try await pool.withClient { try $0.database(db).collection("n").countDocuments() }
        #expect(count == 250)
        try await pool.withClient { try $0.database(db).drop() }
        await pool.close()
        await threads.shutdown()
    }
}

/// The most distinct thread names with `prefix` seen at once (and the names at that moment).
final class PeakSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peakNamed = 0
    private var namesAtPeak: [String] = []
    let prefix: String

    init(prefix: String) { self.prefix = prefix }

    func sample() {
        let names = threadNames()
        // Distinct names: threads libmongoc starts from a worker inherit that worker's name.
        let named = Set(names.filter { $0.hasPrefix(prefix) }).count
        lock.lock()
        if named > peakNamed { namesAtPeak = names }
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
}

/// The kernel names of this process's threads.
func threadNames() -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }.sorted()
}
