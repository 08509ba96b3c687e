import Foundation
import TestSupport

/// Runs the `openssl` command-line tool found on PATH.
enum OpenSSLTool {
    /// A failed `openssl` run, with what it wrote to standard error.
    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let stderr: String
        var description: String { "openssl \(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
    }

    /// A configured, not yet started `openssl` process; output goes to /dev/null unless captured.
    static func process(_ arguments: [String], directory: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Runs `openssl arguments` in `directory` to completion; throws when it fails.
    static func run(_ arguments: [String], in directory: String) throws {
        let process = process(arguments, directory: directory)
        let errors = try ChildProcess.spawning { () throws -> Pipe in
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            return errors
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        let status = ChildProcess.waitForExit(process)
        guard status == 0 else {
            throw Failure(arguments: arguments, status: status,
                          stderr: String(decoding: stderr, as: UTF8.self))
        }
    }
}
