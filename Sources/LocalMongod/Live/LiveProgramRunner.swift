import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs programs through `ChildSpawner` (argv, no shell; only its own pipe reaches the child) and
/// reaps them itself, killing them after the timeout.
///
/// The output is read until end of file while the child runs; a child that exits while a process it
/// started keeps the pipe open (`sh -c 'daemon &'`) is waited for no longer than `orphanGrace`.
public struct LiveProgramRunner: ProgramRunner {
    /// Output kept at most (a version banner is a few hundred bytes); the rest is read and dropped,
    /// so a chatty program never blocks on a full pipe.
    static let maxOutput = 256 * 1024
    /// How long output is still read after the child exited while something else holds its pipe.
    static let orphanGrace = Duration.milliseconds(200)
    /// How long a timed-out child has between SIGTERM and SIGKILL.
    static let termGrace = Duration.seconds(1)

    /// Where programs named without a `/` are looked for; `nil`: this process's `PATH`.
    public var searchPath: [String]?

    /// Creates the runner; `searchPath` replaces `PATH` for programs named without a `/`.
    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath
    }

    public func run(_ argv: [String], timeout: Duration) -> ProgramOutput? {
        guard !argv.isEmpty, let pipe = ChildSpawner.closeOnExecPipe() else { return nil }
        let pid: pid_t
        do {
            pid = try ChildSpawner.spawn(argv, output: pipe.write, searchPath: searchPath)
        } catch {
            close(pipe.read)
            close(pipe.write)
            return nil
        }
        close(pipe.write)
        defer { close(pipe.read) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: max(timeout, .milliseconds(100)))
        var output = [UInt8]()
        var status = Self.drain(pipe.read, into: &output, from: pid, until: deadline, clock: clock)
        if status == nil { status = Self.waitForExit(pid, until: deadline, clock: clock) }
        guard let status else {
            Self.stop(pid, clock: clock)
            return ProgramOutput(exitCode: nil, output: String(decoding: output, as: UTF8.self), timedOut: true)
        }
        return ProgramOutput(exitCode: status, output: String(decoding: output, as: UTF8.self))
    }

    /// Reads `descriptor` into `output` until end of file, the deadline, or `orphanGrace` after the
    /// child exited; returns the child's status when it was reaped meanwhile.
    static func drain(_ descriptor: Int32, into output: inout [UInt8], from pid: pid_t,
                     until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int32? {
        var status: Int32?
        var exitedAt: ContinuousClock.Instant?
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while clock.now < deadline {
            if status == nil, let reaped = reap(pid) {
                status = reaped
                exitedAt = clock.now
            }
            if let exitedAt, clock.now - exitedAt > orphanGrace { break }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 20)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                break
            }
            output.append(contentsOf: chunk.prefix(min(count, max(0, maxOutput - output.count))))
        }
        return status
    }

    /// The child's status once it exited (`waitpid` without blocking); -1 when it is not ours to reap.
    static func reap(_ pid: pid_t) -> Int32? {
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid { return ChildSpawner.exitStatus(fromWaitStatus: raw) }
        if result < 0 && errno != EINTR { return -1 }
        return nil
    }

    /// Polls for the child's exit until the deadline.
    static func waitForExit(_ pid: pid_t, until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int32? {
        while true {
            if let status = reap(pid) { return status }
            if clock.now >= deadline { return nil }
            usleep(2000)
        }
    }

    /// SIGTERM, then SIGKILL after `termGrace`; always reaps the child.
    static func stop(_ pid: pid_t, clock: ContinuousClock) {
        kill(pid, SIGTERM)
        if waitForExit(pid, until: clock.now.advanced(by: termGrace), clock: clock) != nil { return }
        kill(pid, SIGKILL)
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
    }
}
