import Foundation

/// Runs programs with Foundation's `Process` (argv, no shell), killing them after the timeout.
public struct LiveProgramRunner: ProgramRunner {
    /// Output kept at most (a version banner is a few hundred bytes).
    static let maxOutput = 256 * 1024

    /// Creates the runner.
    public init() {}

    public func run(_ argv: [String], timeout: Duration) -> ProgramOutput? {
        guard let executable = argv.first else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { return nil }

        // Drain the pipe concurrently so a chatty program cannot block on a full pipe.
        let collected = OutputBox()
        let reader = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            collected.set(pipe.fileHandleForReading.readDataToEndOfFile())
            reader.signal()
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var timedOut = false
        if finished.wait(timeout: .now() + max(0.1, seconds)) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 1) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            _ = finished.wait(timeout: .now() + 1)
        }
        _ = reader.wait(timeout: .now() + 2)
        let data = collected.get().prefix(Self.maxOutput)
        return ProgramOutput(
            exitCode: timedOut ? nil : process.terminationStatus,
            output: String(decoding: data, as: UTF8.self), timedOut: timedOut)
    }
}

/// A lock-protected data holder for the reader thread.
private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()  // guards `data`
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
