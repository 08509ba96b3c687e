public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process whose standard input, output and error are one pseudo-terminal (Linux), as in a shell:
/// `isatty` is true for it, and what is typed is echoed unless the child turns echo off. Tests type
/// with `send(_:)` and read everything the terminal showed (the child's output and the echo).
public final class PseudoTerminal: @unchecked Sendable {
    /// The terminal could not be made (no `/dev/ptmx`, or its slave side would not open).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let master: Int32
    private let process: Process
    private let lock = NSLock()
    private var shown = Data()  // guarded by lock
    private var closed = false  // guarded by lock
    private let reader = DispatchSemaphore(value: 0)

    /// Whether this machine can make one (a container may have no `/dev/ptmx` or no `/dev/pts`).
    public static let isAvailable: Bool = {
        guard let (master, slave) = try? openPair() else { return false }
        close(slave)
        close(master)
        return true
    }()

    /// Starts the program at `url` with `arguments` on a new terminal.
    public init(_ url: URL, _ arguments: [String], environment: [String: String]? = nil) throws {
        let (master, slave) = try Self.openPair()
        self.master = master
        process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["TERM"] = "dumb"
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        do {
            try ChildProcess.spawning {
                process.standardInput = handle
                process.standardOutput = handle
                process.standardError = handle
                try process.run()
            }
        } catch {
            close(slave)
            close(master)
            throw error
        }
        close(slave)  // the child has its copies: the master reads EIO once the child has closed them
        Thread.detachNewThread { [self] in readUntilClosed() }
    }

    deinit { close(master) }

    /// A new terminal's master and slave descriptors. Linux's multiplexer; Glibc's module does not export
    /// grantpt/unlockpt/ptsname, so the two ioctls they wrap: TIOCSPTLCK (unlock the slave) and TIOCGPTN
    /// (its number under /dev/pts).
    private static func openPair() throws -> (master: Int32, slave: Int32) {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlocked: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlocked) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            let code = errno
            if master >= 0 { close(master) }
            throw Failure(description: "no pseudo-terminal: errno \(code)")
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            let code = errno
            close(master)
            throw Failure(description: "cannot open the terminal's slave side: errno \(code)")
        }
        return (master, slave)
    }

    /// Types `text` at the terminal.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Everything the terminal has shown so far (lossy UTF-8).
    public var transcript: String {
        lock.withLock { String(decoding: shown, as: UTF8.self) }
    }

    /// Waits until the terminal has shown `text`; `false` after `timeout` or when the child is gone first.
    public func waitFor(_ text: String, timeout: Duration = .seconds(120)) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            let (seen, done) = lock.withLock { (String(decoding: shown, as: UTF8.self).contains(text), closed) }
            if seen { return true }
            if done { return false }
            usleep(2000)
        }
        return false
    }

    /// Waits for the child to exit (killed after `timeout`) and for its last output; its exit status.
    public func finish(timeout: Duration = .seconds(120)) -> Int32 {
        let status = ChildProcess.waitForExit(process, killAfter: timeout)
        _ = reader.wait(timeout: .now() + 5)
        return status
    }

    private func readUntilClosed() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                lock.withLock { shown.append(contentsOf: buffer[0..<count]) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break  // EIO once the child's side is closed everywhere
            }
        }
        lock.withLock { closed = true }
        reader.signal()
    }
}
