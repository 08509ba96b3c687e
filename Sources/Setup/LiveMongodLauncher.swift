import BlockingWork
import Foundation
public import LocalMongod
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts mongod with `posix_spawn` (argv, no shell) in a session of its own, so it outlives
/// this process and the terminal; its standard output and error go to an unlinked temporary file
/// that only this process can read back (mongod writes its log to the configured file).
public struct LiveMongodLauncher: MongodLauncher {
    /// Creates the launcher.
    public init() {}

    #if os(Linux)
    /// glibc's `POSIX_SPAWN_SETSID` (`spawn.h`, since 2.26); the Glibc module does not export it.
    static let setsidFlag: Int16 = 0x80
    #else
    static let setsidFlag = Int16(POSIX_SPAWN_SETSID)
    #endif

    public func start(_ argv: [String]) throws -> any LaunchedMongod {
        guard let program = argv.first else { throw SetupFileError("nothing to start") }
        let capture = try CapturedOutput()
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        // Only 0, 1 and 2 reach mongod: any other descriptor open here (a pipe of whoever runs
        // mongo-doctor, a socket) would otherwise live as long as mongod does.
        for fd in Self.openDescriptors() where fd > 2 && fd != capture.descriptor {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, capture.descriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, capture.descriptor, 2)
        // A fresh signal state: this thread's mask (Swift's threads block signals) and ignored
        // signals would be inherited, and mongod could then never be stopped with SIGTERM.
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Self.setsidFlag | Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF))
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, &cArguments, environ)
        guard result == 0 else { throw SetupFileError("cannot start \(program): \(String(cString: strerror(result)))") }
        return LiveLaunchedMongod(pid: pid, capture: capture)
    }

    /// This process's open descriptors (Linux: `/proc/self/fd`; elsewhere the first 256 that are open).
    static func openDescriptors() -> [Int32] {
        #if os(Linux)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) >= 0 }
        }
        #endif
        return (0..<256).filter { fcntl($0, F_GETFD) >= 0 }
    }

    public func run(_ argv: [String], timeout: Duration) async -> ProgramOutput? {
        await BlockingExecutor.dedicatedThread { LiveProgramRunner().run(argv, timeout: timeout) }
    }
}

/// The sole owner of the unlinked file a started mongod writes its output to.
final class CapturedOutput: Sendable {
    /// The open descriptor (close-on-exec: the child gets it through `dup2` only).
    let descriptor: Int32

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/mongo-doctor-mongod-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SetupFileError("cannot create a temporary file: \(String(cString: strerror(errno)))") }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        descriptor = fd
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
            let signal = raw & 0x7f
            status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            return status
        }
    }

    func output() -> String { capture.read() }
}
