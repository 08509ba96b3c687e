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
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
