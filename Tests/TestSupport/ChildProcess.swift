public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the tests start and reap child processes, so that one child's descriptors never keep another
/// child's exit or pipe from being seen.
///
/// Foundation's `Process` on Linux learns that a child exited when a socket it shares with the child
/// reaches end of file, and it creates that socket without close-on-exec. A child spawned by another
/// thread at the same moment can inherit the other end (Foundation closes descriptors up to the highest
/// one it saw *before* the spawn), and then `waitUntilExit()` waits for as long as that second child
/// lives. With long-lived children (an `openssl s_server`, a server) and every cooperative thread
/// blocked in such a wait, the whole test run stopped. The same holds for a pipe's write end: its
/// reader sees end of file only when every copy is closed.
///
/// So: every spawn in the tests runs under `spawning` (the descriptors a spawn creates, its pipes
/// and Foundation's socket, exist before any other spawn can copy them, and are in the child before
/// the next one starts), and children are reaped with `waitForExit(_:)`, our own `waitpid`, instead
/// of waiting on Foundation's exit detection alone.
public enum ChildProcess {
    private static let gate = NSLock()

    /**
     Runs `body` (create pipes, configure, `run()` or `posix_spawn`) while no other spawn of the tests runs.

     - Parameter body: the descriptors it creates must be handed to a child or closed-on-exec
       before it returns.
     */
    public static func spawning<T>(_ body: () throws -> T) rethrows -> T {
        gate.lock()
        defer { gate.unlock() }
        return try body()
    }

    /// Starts `process` under `spawning`.
    public static func run(_ process: Process) throws {
        try spawning { try process.run() }
    }

    /// Lets Foundation's `Process` let go of itself once it has seen the exit we reaped: until its
    /// `waitUntilExit()` has returned, the run-loop source it made for the child keeps the `Process`
    /// alive (LeakSanitizer reports every such object). Waits at most 2 s for Foundation to notice;
    /// past that (its exit socket still held by some other child) the object is left, never the test.
    private static func release(_ process: Process) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(2))
        while process.isRunning, clock.now < deadline { usleep(1000) }
        if !process.isRunning { process.waitUntilExit() }
    }

    /// How a child ended.
    public struct Termination: Sendable, Equatable {
        /// The exit code, or the number of the signal that ended it (as `Process.terminationStatus`).
        public var status: Int32
        /// Whether a signal ended it.
        public var bySignal: Bool
    }

    /**
     Waits until `process` has exited and returns its status as `Process.terminationStatus` would
     (the exit code, or the signal number), reaping it with `waitpid` itself.

     - Parameter killAfter: send `SIGKILL` when it is still running after this long (`nil`: never).
     */
    @discardableResult
    public static func waitForExit(_ process: Process, killAfter: Duration? = nil) -> Int32 {
        waitForTermination(process, killAfter: killAfter).status
    }

    /// Waits as `waitForExit(_:killAfter:)` does and says whether a signal ended the child.
    @discardableResult
    public static func waitForTermination(_ process: Process, killAfter: Duration? = nil) -> Termination {
        let pid = process.processIdentifier
        guard pid > 0 else { return Termination(status: -1, bySignal: false) }
        let clock = ContinuousClock()
        let deadline = killAfter.map { clock.now.advanced(by: $0) }
        var killed = false
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                release(process)
                return Termination(status: signal == 0 ? (status >> 8) & 0xff : signal, bySignal: signal != 0)
            }
            if result == -1 && errno == ECHILD {
                // Foundation reaped it first: its status is there once it has noticed.
                while process.isRunning { usleep(1000) }
                process.waitUntilExit()  // returns at once; lets the Process go (see `release`)
                return Termination(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
            }
            if let deadline, !killed, clock.now >= deadline {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(2000)
        }
    }
}
