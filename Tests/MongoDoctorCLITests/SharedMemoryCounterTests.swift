import Foundation
import Testing
import TestSupport

/// A `mongo-doctor` killed while libmongoc is in use leaves nothing in `/dev/shm`.
///
/// libmongoc makes its counters' segment `/dev/shm/mongoc-<pid>` when the library loads, and only
/// `mongoc_cleanup` at a normal exit removes it. A killed run left the file; a later run that got the
/// same pid printed "Falling back to malloc for counters." on stderr (CI saw it in front of an error
/// line). The bridge removes the name at start; `MONGOC_DISABLE_SHM`, which libmongoc reads at load,
/// never lets it be made. Both are checked while the run is talking to a server, and after the kill.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm"), "Linux shared memory"))
struct SharedMemoryCounterTests {
    @Test("a killed run leaves no counter segment", arguments: [
        nil as String?, "1",
    ])
    func killedRunLeavesNoSegment(environment: String?) throws {
        let connected = DispatchSemaphore(value: 0)
        let listener = try LoopbackListener(.custom { fd in
            connected.signal()
            var byte: UInt8 = 0
            while read(fd, &byte, 1) > 0 {}  // silent until the client goes
        })
        defer { listener.stop() }
        var env = ProcessInfo.processInfo.environment
        env["MONGOC_DISABLE_SHM"] = environment
        let process = Process()
        process.executableURL = ProcessRunner.productsDirectory.appendingPathComponent("mongo-doctor")
        process.arguments = ["users", "list", "--uri",
                             "mongodb://127.0.0.1:\(listener.port)/?connectTimeoutMS=30000&serverSelectionTimeoutMS=30000"]
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ChildProcess.spawning { try process.run() }
        let segment = "/dev/shm/mongoc-\(process.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: segment) }

        // The client has dialled the listener, so libmongoc is initialised and its segment made, if any.
        let dialled = connected.wait(timeout: .now() + 60) == .success
        let whileRunning = FileManager.default.fileExists(atPath: segment)
        kill(process.processIdentifier, SIGKILL)
        let end = ChildProcess.waitForTermination(process)

        #expect(dialled, "mongo-doctor never connected to the listener")
        #expect(end.bySignal && end.status == SIGKILL)
        #expect(!whileRunning)
        #expect(!FileManager.default.fileExists(atPath: segment), "\(segment)")
    }
}
