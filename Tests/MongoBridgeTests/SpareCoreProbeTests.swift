@testable import BlockingWork
import Foundation
import Testing

/// `SpareCoreProbe.system`'s reading of `/proc/loadavg`: the runnable count out of the line, and the
/// verdict against the core count, from files of the test's own.
@Suite struct SpareCoreProbeTests {
    @Test(arguments: [
        ("0.52 0.41 0.30 3/412 12345\n", 3),
        ("12.00 9.50 4.25 17/1900 99", 17),
        ("0.00 0.00 0.00 1/1 1", 1),
    ])
    func theRunnableCountIsReadFromTheFourthField(line: String, runnable: Int) {
        #expect(LoadAverageSampler.runnableThreads(in: Array(line.utf8)) == runnable)
    }

    @Test(arguments: ["", "0.1 0.2 0.3", "0.1 0.2 0.3 412 9", "0.1 0.2 0.3 /412 9", "a b c x/y z"])
    func aLineWithoutARunnableCountGivesNone(line: String) {
        #expect(LoadAverageSampler.runnableThreads(in: Array(line.utf8)) == nil)
    }

    /// A spare core when the runnable threads fit on the active cores; none when they do not, or
    /// when the file cannot be read.
    @Test(arguments: [(1, true), (ProcessInfo.processInfo.activeProcessorCount, true), (ProcessInfo.processInfo.activeProcessorCount + 1, false)])
    func theVerdictComparesRunnableThreadsWithCores(runnable: Int, spare: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spare-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("loadavg")
        try Data("0.50 0.40 0.30 \(runnable)/300 4242\n".utf8).write(to: file)
        #expect(LoadAverageSampler(path: file.path).hasSpareCore() == spare)
        #expect(LoadAverageSampler(path: directory.appendingPathComponent("absent").path).hasSpareCore() == false)
    }
}
