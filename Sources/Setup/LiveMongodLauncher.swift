import BlockingWork
import Foundation
public import LocalMongod
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts mongod through `ChildSpawner` (argv, no shell) in a session of its own, so it outlives
/// this process and the terminal; its standard output and error go to an unlinked temporary file
/// that only this process can read back (mongod writes its log to the configured file).
public struct LiveMongodLauncher: MongodLauncher {
    /// Where programs named without a `/` (a service manager) are looked for; `nil`: this process's `PATH`.
    public var searchPath: [String]?

    /// Creates the launcher; `searchPath` replaces `PATH` for programs named without a `/`.
    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath
    }

    public func start(_ argv: [String]) throws -> any LaunchedMongod {
        guard !argv.isEmpty else { throw SetupFileError("nothing to start") }
        let capture = try CapturedOutput()
        do {
            let pid = try ChildSpawner.spawn(argv, output: capture.descriptor, newSession: true, searchPath: searchPath)
            return LiveLaunchedMongod(pid: pid, capture: capture)
        } catch {
            throw SetupFileError(error.description)
        }
    }

    public func run(_ argv: [String], timeout: Duration) async -> ProgramOutput? {
        let runner = LiveProgramRunner(searchPath: searchPath)
        return await BlockingExecutor.dedicatedThread { runner.run(argv, timeout: timeout) }
    }
}

/// The sole owner of the unlinked file a started mongod writes its output to.
final class CapturedOutput: Sendable {
    /// The open descriptor (close-on-exec: the child gets it through `dup2` only).
    let descriptor: Int32

    init() throws {
        do {
            descriptor = try ChildSpawner.unlinkedTemporaryFile(in: NSTemporaryDirectory(), prefix: "mongo-doctor-mongod-")
        } catch {
            throw SetupFileError("cannot create a temporary file: \(String(cString: strerror(error.code.rawValue)))")
        }
    }

    /// Up to `limit` bytes from the start.
    func read(limit: Int = 64 * 1024) -> String {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, limit, 0) }
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    }

    deinit { close(descriptor) }
}

/// A mongod this process started; reaps it when it exits.
final class LiveLaunchedMongod: LaunchedMongod, @unchecked Sendable {
    let pid: Int32
    private let capture: CapturedOutput
    private let lock = NSLock()  // guards `status`
    private var status: Int32?

    init(pid: Int32, capture: CapturedOutput) {
        self.pid = pid
        self.capture = capture
    }

    func exitStatus() -> Int32? {
        lock.withLock {
            if let status { return status }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
            status = ChildSpawner.exitStatus(fromWaitStatus: raw)
            return status
        }
    }

    func output() -> String { capture.read() }
}
