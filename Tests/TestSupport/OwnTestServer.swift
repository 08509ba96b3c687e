import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A SecantusDB server of one test's own (`scripts/test-server start --name NAME`), for tests that
/// set failpoints or kill the server, which must never touch the shared servers. `stop()` must be
/// called (in a `defer`) whatever happens.
public final class OwnTestServer: Sendable {
    /// The server's name under `.test-server/`.
    public let name: String
    /// Its connection string.
    public let uri: String
    /// Its loopback port.
    public let port: Int

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/test-server")

    /// Why the script failed.
    public struct Failure: Error, CustomStringConvertible {
        /// The script's command and what it printed.
        public let description: String
    }

    /// Starts `faults-<prefix>-<random>` (with `--test-commands` when `testCommands`).
    public init(prefix: String, testCommands: Bool = false) throws {
        name = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        uri = try Self.script(["start", "--name", name] + (testCommands ? ["--test-commands"] : []))
        guard let port = uri.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) }) else {
            throw Failure(description: "test-server start printed no port")
        }
        self.port = port
    }

    /// SIGKILLs the server, keeping its port and storage.
    public func kill() throws { _ = try Self.script(["kill", "--name", name]) }

    /// Starts the killed server again on the same port and storage, and waits for hello.
    public func revive() throws { _ = try Self.script(["revive", "--name", name]) }

    /// Stops the server and removes its storage (never throws: it runs in `defer`).
    public func stop() { _ = try? Self.script(["stop", "--name", name]) }

    /// Runs the script through `posix_spawn` (under `ChildProcess.spawning`) and `waitpid`, its output in
    /// temporary files: Foundation's `Process.waitUntilExit` was seen to hang here when several tests
    /// started servers at once (see `ChildProcess` for why).
    @discardableResult
    static func script(_ arguments: [String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("test-server-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([script.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = ChildProcess.spawning { posix_spawn(&pid, script.path, &actions, nil, argv, environ) }
        guard spawned == 0 else { throw Failure(description: "scripts/test-server: posix_spawn failed (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "scripts/test-server \(arguments.joined(separator: " ")): status \(status): \(err)")
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
