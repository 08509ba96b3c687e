import Foundation
import TestSupport

/// A real process whose command name is `mongod`: a copy of `sleep` named `mongod`, optionally
/// started under `prlimit` with a given open-files limit. Stopped by `stop()`.
final class FakeMongod: @unchecked Sendable {
    let directory: TestDirectory
    let process = Process()

    init(openFiles: Int? = nil) throws {
        directory = try TestDirectory("fakemongod")
        let binary = directory.sub("mongod")
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: binary)
        if let openFiles {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            process.arguments = ["--nofile=\(openFiles):\(openFiles)", binary, "30"]
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["30"]
        }
        try ChildProcess.run(process)
        // Wait until the process table shows it under its final name (prlimit execs it).
        for _ in 0..<100 {
            if let comm = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/comm", encoding: .utf8),
                comm.hasPrefix("mongod")
            {
                break
            }
            usleep(20_000)
        }
    }

    var pid: Int32 { process.processIdentifier }

    func stop() {
        // SIGKILL: the test runner's ignored or blocked SIGTERM is inherited by children.
        kill(process.processIdentifier, SIGKILL)
        ChildProcess.waitForExit(process)
        directory.remove()
    }
}

/// A directory holding a `mongod` shell script that answers `--version` like the real one.
func makeVersionScript(version: String) throws -> TestDirectory {
    let directory = try TestDirectory("bin")
    try directory.write(
        "mongod", "#!/bin/sh\necho \"db version v\(version)\"\necho 'Build Info: {\"version\": \"\(version)\"}'\n", mode: 0o755)
    return directory
}
