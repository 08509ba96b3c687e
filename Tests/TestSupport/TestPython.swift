public import Foundation

/// Runs Python for the "other side" of cross-checks: the reference libraries (argon2-cffi, bcrypt,
/// pymongo) in the project's `.venv` (installed by `scripts/bootstrap --test`), or the system
/// `python3` for the standard library alone (sqlite3, hashlib).
public enum TestPython {
    /// Why a script did not run or failed: its standard error.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// `<package root>/.venv/bin/python`.
    public static let venv = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".venv/bin/python")

    /// Runs `script` (`python -c`) with `arguments` as `sys.argv[1:]` and returns its standard output,
    /// trimmed. `needsVenv`: the script imports a package only the `.venv` has.
    @discardableResult
    public static func run(_ script: String, _ arguments: [String] = [], needsVenv: Bool = false) throws -> String {
        let hasVenv = FileManager.default.isExecutableFile(atPath: venv.path)
        if needsVenv, !hasVenv { throw Failure(description: "no \(venv.path): run scripts/bootstrap --test") }
        let python = hasVenv ? venv : URL(fileURLWithPath: "/usr/bin/python3")
        let output = try ProcessRunner.run(at: python, ["-c", script] + arguments)
        guard output.status == 0 else { throw Failure(description: "python failed: " + output.stderr) }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
