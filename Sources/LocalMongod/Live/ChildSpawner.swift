import CSpawn
public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way mongo-doctor starts a program: `posix_spawn` with an argv (no shell; a bare name is
/// looked up on `PATH` or an injected search path, as a shell would),
/// standard input from `/dev/null`, standard output and error to one descriptor, a fresh signal state,
/// and no other descriptor of this process, so a child never holds another child's pipe open
/// (Foundation's `Process` leaves that to chance when two threads spawn at once).
public enum ChildSpawner {
    /// Why a program could not be started.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// The program, as given.
        public var program: String
        /// The `errno`-style code `posix_spawn` returned.
        public var code: Int32
        /// The one-line reason, with the program.
        public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    #if os(Linux)
    /// glibc's `POSIX_SPAWN_SETSID` (`spawn.h`, since 2.26); the Glibc module does not export it.
    static let setsidFlag: Int16 = 0x80
    #else
    static let setsidFlag = Int16(POSIX_SPAWN_SETSID)
    #endif

    /**
     Starts `argv` and returns its pid; the caller reaps it (`waitpid`).

     - Parameters:
       - output: the descriptor the child's standard output and error go to (it may be close-on-exec
         here: `dup2` hands the child its own copy).
       - newSession: start the child in a session of its own (`setsid`), so it outlives this process
         and its terminal.
       - searchPath: where a program named without a `/` (`systemctl`) is looked for, as a shell
         would; `nil`: this process's `PATH`.
     */
    public static func spawn(_ argv: [String], output: Int32, newSession: Bool = false, searchPath: [String]? = nil) throws(Failure) -> Int32 {
        guard let named = argv.first else { throw Failure(program: "", code: EINVAL) }
        guard let program = resolve(named, searchPath: searchPath ?? environmentPath()) else { throw Failure(program: named, code: ENOENT) }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        // Only 0, 1 and 2 reach the child: any other descriptor open here (a pipe of whoever runs
        // mongo-doctor, a socket, another child's pipe) would otherwise live as long as it does.
        if md_spawn_add_closefrom(&actions, 3) != 0 {
            for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        // A fresh signal state: this thread's mask (Swift's threads block signals) and ignored
        // signals would be inherited, and the child could then never be stopped with SIGTERM.
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let flags = Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF) | (newSession ? setsidFlag : 0)
        posix_spawnattr_setflags(&attributes, flags)
        var cArguments = argv.map { strdup($0) } + [nil]  // argv[0] as named, as a shell passes it
        defer { cArguments.forEach { free($0) } }
        var pid: Int32 = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, &cArguments, environ)
        guard result == 0 else { throw Failure(program: program, code: result) }
        return pid
    }

    /// `program` itself when it names a path (contains `/`), else the first executable regular file of
    /// that name in `searchPath` (empty entries skipped); `nil` when there is none.
    public static func resolve(_ program: String, searchPath: [String]) -> String? {
        guard !program.isEmpty else { return nil }
        if program.contains("/") { return program }
        for directory in searchPath where !directory.isEmpty {
            let candidate = directory.hasSuffix("/") ? directory + program : directory + "/" + program
            var status = stat()
            if stat(candidate, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// This process's `PATH`, split (the usual system directories when it is unset): the one reading of
    /// `PATH`, for spawning and for `LiveHost.searchPath()`.
    static func environmentPath() -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"
        return path.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
    }

    /// A pipe (read end, write end), both close-on-exec from the start; `nil` when none can be made.
    public static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard md_pipe_cloexec(&fds) == 0 else { return nil }
        return (fds[0], fds[1])
    }

    /// A new file in `directory` whose name starts with `prefix`, opened read-write and close-on-exec
    /// from the moment it exists, then unlinked: only the descriptor reaches it, and it goes away
    /// when that is closed. A child gets it only through an explicit `dup2` (the `output` of `spawn`).
    ///
    /// - Throws: the `POSIXError` of the failed create.
    public static func unlinkedTemporaryFile(in directory: String, prefix: String) throws(POSIXError) -> Int32 {
        var template = Array((directory + "/" + prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { md_mkstemp_cloexec($0.baseAddress!) }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        return fd
    }

    /// A `waitpid` status as a shell shows it: the exit code, or 128 + the signal that ended the child.
    public static func exitStatus(fromWaitStatus raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
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
}
