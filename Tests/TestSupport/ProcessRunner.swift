public import Foundation

/// Runs a built executable of this package and captures what it printed.
public struct ProcessRunner: Sendable {
    /// What a run produced.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything on standard output.
        public var stdout: String
        /// Everything on standard error.
        public var stderr: String
        /// Both streams, for "never contains" assertions.
        public var combined: String { stdout + stderr }
    }

    /// The directory holding the package's built products (next to the test bundle).
    public static var productsDirectory: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("mongo-doctor").path) }
            ?? candidates[0]
    }

    /// Runs `executable` (a product name) with `arguments`, an environment and a working directory.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, stdin: String? = nil
    ) throws -> Output {
        try run(at: productsDirectory.appendingPathComponent(executable), arguments, environment: environment,
                directory: directory, stdin: stdin)
    }

    /// Runs the program at `url` with `arguments`, an environment and a working directory.
    public static func run(
        at url: URL, _ arguments: [String], environment: [String: String]? = nil,
        directory: String? = nil, stdin: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // The pipes are made and handed over under the spawn gate (see `ChildProcess`).
        let (out, err, input) = try ChildProcess.spawning { () throws -> (Pipe, Pipe, Pipe) in
            let out = Pipe(), err = Pipe(), input = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = input
            try process.run()
            return (out, err, input)
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error drains on a thread of its own while standard output is read here: a child that
        // fills one pipe (64 KiB) while this reads the other would wait forever, and the test with it (a
        // sanitizer's report at a child's exit easily fills one).
        let stderrBox = DataBox(), stderrDrained = DispatchSemaphore(value: 0)
        let stderrHandle = err.fileHandleForReading
        Thread.detachNewThread {
            stderrBox.set(stderrHandle.readDataToEndOfFile())
            stderrDrained.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        stderrDrained.wait()
        let stderrData = stderrBox.get()
        let status = ChildProcess.waitForExit(process)
        return Output(
            status: status,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: Sanitizer.withoutKnownNotices(String(decoding: stderrData, as: UTF8.self)))
    }
}

/// Bytes one thread reads and another takes, behind a lock.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
